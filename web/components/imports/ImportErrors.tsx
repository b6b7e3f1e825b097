"use client";

import { useState } from "react";
import { listImportErrors } from "@/lib/imports-api";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "../ProblemAlert";
import styles from "./imports.module.css";

interface ImportErrorsProps {
  importId: string;
  /** How many rows were refused, as the import counts them. */
  rowsFailed: number;
  /** How many values of imported rows were filed as other; listed with the refused rows. */
  valuesFiledAsOther: number;
  /** Changes with each finished run, to read the report again from its first page. */
  runKey: string;
}

/** The rows the import refused and the values it filed as other: line, column and reason, a page at a time. */
export function ImportErrors({ importId, rowsFailed, valuesFiledAsOther, runKey }: ImportErrorsProps) {
  return (
    <section aria-labelledby="import-errors-heading" className={styles.step}>
      <h2 id="import-errors-heading" className={styles.heading}>
        Rows with errors
      </h2>
      {rowsFailed === 0 && valuesFiledAsOther === 0 ? (
        <p className="muted">No row has an error.</p>
      ) : (
        <ErrorPages key={`${importId}:${runKey}`} importId={importId} rowsFailed={rowsFailed} valuesFiledAsOther={valuesFiledAsOther} />
      )}
    </section>
  );
}

function ErrorPages({ importId, rowsFailed, valuesFiledAsOther }: Omit<ImportErrorsProps, "runKey">) {
  // The tokens of the pages before this one; the first page's token is "".
  const [tokens, setTokens] = useState<string[]>([]);
  const [pageToken, setPageToken] = useState("");
  const { state, reload } = useLoad(pageToken, (signal) => listImportErrors(importId, pageToken, signal));

  return (
    <>
      {rowsFailed > 0 && (
        <p>
          {rowsFailed === 1 ? "1 row was" : `${rowsFailed.toLocaleString("en-US")} rows were`} left out. Fix them in the
          file and import it again: rows already imported are matched, not duplicated.
        </p>
      )}
      {valuesFiledAsOther > 0 && (
        <p>
          {valuesFiledAsOther === 1 ? "1 value" : `${valuesFiledAsOther.toLocaleString("en-US")} values`} matched no line
          of business or status AgentCalls knows. Their rows were kept: the policy is filed as other, with the file&apos;s
          words.
        </p>
      )}
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading the errors…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && (
        <>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                  <th scope="col">The row</th>
                </tr>
              </thead>
              <tbody>
                {state.value.errors.map((error, index) => (
                  <tr key={`${error.line}-${error.column}-${index}`}>
                    <td>{error.line}</td>
                    <td>{error.column || <span className="muted">The whole row</span>}</td>
                    <td>{error.reason}</td>
                    <td>{error.kept ? "Kept, filed as other" : "Left out"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(tokens.length > 0 || state.value.nextPageToken) && (
            <nav aria-label="Pages of errors" className={styles.pager}>
              <button
                type="button"
                className="button button-secondary"
                disabled={tokens.length === 0}
                onClick={() => {
                  setPageToken(tokens.at(-1) ?? "");
                  setTokens(tokens.slice(0, -1));
                }}
              >
                Previous errors
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!state.value.nextPageToken}
                onClick={() => {
                  setTokens([...tokens, pageToken]);
                  setPageToken(state.value.nextPageToken);
                }}
              >
                Next errors
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
