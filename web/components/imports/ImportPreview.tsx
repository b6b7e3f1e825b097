"use client";

import Link from "next/link";
import { listImportPreview, type ImportPreviewRow } from "@/lib/imports-api";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "../ProblemAlert";
import styles from "./imports.module.css";

const actions = {
  dry: { create: "Will be created", update: "Will be updated", skip: "Will be skipped" },
  real: { create: "Created", update: "Updated", skip: "Skipped" },
} as const;

interface ImportPreviewProps {
  importId: string;
  dryRun: boolean;
  /** Changes with each finished run, to read the preview again. */
  runKey: string;
}

/** What the last run did (or would do) with each client in the first rows of the file. */
export function ImportPreview({ importId, dryRun, runKey }: ImportPreviewProps) {
  const { state, reload } = useLoad(`${importId}:${runKey}`, (signal) => listImportPreview(importId, signal));
  const words = dryRun ? actions.dry : actions.real;

  return (
    <section aria-labelledby="import-preview-heading" className={styles.step}>
      <h2 id="import-preview-heading" className={styles.heading}>
        The first clients in the file
      </h2>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading the preview…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && state.value.length === 0 && <p className="muted">No clients to show.</p>}
      {state.status === "loaded" && state.value.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Client</th>
                <th scope="col">What happens</th>
                <th scope="col">Policies in the file</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <th scope="row">
                    <ClientName row={row} />
                  </th>
                  <td>{row.action ? words[row.action] : "—"}</td>
                  <td>{row.policyCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Rows matched to a client already in the book link to that client. */
function ClientName({ row }: { row: ImportPreviewRow }) {
  if (!row.clientId) return <>{row.displayName}</>;
  return <Link href={`/clients/${encodeURIComponent(row.clientId)}`}>{row.displayName}</Link>;
}
