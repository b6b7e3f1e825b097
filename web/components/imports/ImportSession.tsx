"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import {
  cancelImport,
  getImport,
  isInProgress,
  startImport,
  type ColumnMapping,
  type DuplicateMode,
  type Import,
} from "@/lib/imports-api";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "../ProblemAlert";
import { FormErrors } from "../forms/form-errors";
import { ConflictNotice } from "../forms/ConflictNotice";
import { FormProblem } from "../forms/FormProblem";
import { fieldMessage } from "../forms/Field";
import fieldStyles from "../forms/Field.module.css";
import form from "../forms/form.module.css";
import { ImportEncoding } from "./ImportEncoding";
import { ImportErrors } from "./ImportErrors";
import { ImportMappingTable } from "./ImportMappingTable";
import { ImportPreview } from "./ImportPreview";
import { ImportProgress } from "./ImportProgress";
import { ImportSummary } from "./ImportSummary";
import styles from "./imports.module.css";

/** How often a running import is read again for its progress. */
export const pollIntervalMs = 1000;

/** One uploaded file, from mapping through the dry run to the real import and its report. */
export function ImportSession({ importId }: { importId: string }) {
  const { state, reload, set } = useLoad(importId, (signal) => getImport(importId, signal));

  if (state.status === "loading") {
    return (
      <p role="status" className="muted">
        Loading the import…
      </p>
    );
  }
  if (state.status === "error") return <ProblemAlert error={state.error} onRetry={reload} />;
  return <ImportSteps job={state.value} onChange={set} />;
}

/** Which mapping, mode and encoding a dry run checked: a real run is offered for exactly what was checked. */
function runSettingsKey(mapping: ColumnMapping[], mode: DuplicateMode | undefined, encoding: string): string {
  return JSON.stringify([mode, encoding, mapping.map((column) => [column.columnIndex, column.field])]);
}

function ImportSteps({ job, onChange }: { job: Import; onChange: (job: Import) => void }) {
  const [mapping, setMapping] = useState(job.mapping);
  const [mode, setMode] = useState<DuplicateMode>(job.duplicateMode ?? "update");
  const [encoding, setEncoding] = useState(job.encoding);
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState<"dry-run" | "import" | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const inProgress = isInProgress(job.status);
  const importedForReal = !job.dryRun && job.status === "succeeded";
  const finished = job.status === "succeeded" || job.status === "failed" || job.status === "cancelled";
  const checked =
    job.dryRun &&
    job.status === "succeeded" &&
    runSettingsKey(job.mapping, job.duplicateMode, job.encoding) === runSettingsKey(mapping, mode, encoding);
  const runKey = `${job.startedAt ?? ""}:${job.finishedAt ?? ""}`;

  // While the worker has the import, read it again every so often for its progress.
  useEffect(() => {
    if (!inProgress) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getImport(job.importId, controller.signal)
        .then((latest) => {
          if (!controller.signal.aborted) onChange(latest);
        })
        .catch((failure: unknown) => {
          if (!controller.signal.aborted) setError(asApiError(failure));
        });
    }, pollIntervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [job, inProgress, onChange]);

  useEffect(() => {
    if (!inProgress) setCancelling(false);
  }, [inProgress]);

  async function start(dryRun: boolean) {
    setStarting(dryRun ? "dry-run" : "import");
    setError(null);
    try {
      onChange(await startImport(job.importId, { dryRun, duplicateMode: mode, mapping, encoding }));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setStarting(null);
    }
  }

  async function reread() {
    setError(null);
    try {
      onChange(await getImport(job.importId));
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  async function cancel() {
    setCancelling(true);
    setError(null);
    try {
      onChange(await cancelImport(job.importId));
    } catch (failure) {
      setError(asApiError(failure));
      setCancelling(false);
    }
  }

  const errors = new FormErrors(error);
  const columnErrors = mapping.map((_, position) => errors.for(`mapping[${position}].field`, `mapping[${position}].columnIndex`));
  const mappingErrors = errors.for("mapping");
  const modeErrors = errors.for("duplicateMode");
  const fileRemoved = job.fileRemovedAt !== undefined;
  const editable = !inProgress && !importedForReal && !fileRemoved;
  // The headers as the chosen encoding reads them.
  const headers = job.encodingOptions.find((option) => option.encoding === encoding)?.header ?? [];
  const shownMapping = mapping.map((column) => ({ ...column, header: headers[column.columnIndex] ?? column.header }));

  return (
    <div className={styles.steps}>
      <section aria-labelledby="import-file-heading" className={styles.step}>
        <h2 id="import-file-heading" className={styles.heading}>
          {job.fileName || "Your file"}
        </h2>
        <p className="muted">
          {job.totalRows.toLocaleString("en-US")} {job.totalRows === 1 ? "row" : "rows"}
          {job.delimiter && `, columns separated by ${delimiterName(job.delimiter)}`}
          {job.fileBytes > 0 && ` (${formatBytes(job.fileBytes)})`}.{" "}
          {!inProgress && <Link href="/clients/import">Upload a different file</Link>}
        </p>
      </section>

      {error?.status === 409 ? (
        <ConflictNotice what="import" onReload={reread}>
          It may have been started or cancelled from another tab: load the latest version to see where it stands.
        </ConflictNotice>
      ) : (
        <FormProblem errors={errors} what="import" />
      )}

      <ImportEncoding
        options={job.encodingOptions}
        encoding={encoding}
        mapping={mapping}
        onChange={setEncoding}
        errors={errors.for("encoding")}
        disabled={!editable}
      />

      <section aria-labelledby="import-mapping-heading" className={styles.step}>
        <h2 id="import-mapping-heading" className={styles.heading}>
          Columns
        </h2>
        <p className="muted">
          Each column feeds the field suggested from its header. Change any that are wrong, or leave a column out.
        </p>
        {mappingErrors.length > 0 && (
          <p className={fieldStyles.error}>{mappingErrors.map((message) => fieldMessage("The mapping", message)).join(" ")}</p>
        )}
        <ImportMappingTable mapping={shownMapping} onChange={setMapping} errors={columnErrors} disabled={!editable} />
      </section>

      <fieldset className={styles.step} disabled={!editable}>
        <legend className={styles.heading}>Clients already in your book</legend>
        <p className="muted">A row matches a client by e-mail, phone, policy number or ID from your previous system.</p>
        <label className={form.check}>
          <input type="radio" name="duplicate-mode" value="update" checked={mode === "update"} onChange={() => setMode("update")} />
          Update them with the file&apos;s values
        </label>
        <label className={form.check}>
          <input type="radio" name="duplicate-mode" value="skip" checked={mode === "skip"} onChange={() => setMode("skip")} />
          Skip them: leave them as they are
        </label>
        {modeErrors.length > 0 && (
          <p className={fieldStyles.error}>{modeErrors.map((message) => fieldMessage("The choice", message)).join(" ")}</p>
        )}
      </fieldset>

      {editable && (
        <div className={styles.runActions}>
          <button
            type="button"
            className={`button ${checked ? "button-secondary" : "button-primary"}`}
            onClick={() => start(true)}
            disabled={starting !== null}
          >
            {starting === "dry-run" ? "Starting…" : checked ? "Dry run again" : "Dry run"}
          </button>
          <button
            type="button"
            className={`button ${checked ? "button-primary" : "button-secondary"}`}
            onClick={() => start(false)}
            disabled={!checked || starting !== null}
          >
            {starting === "import" ? "Starting…" : `Import ${job.totalRows.toLocaleString("en-US")} rows`}
          </button>
          <p className="muted">
            {checked
              ? "The dry run below checked this mapping: import for real when it looks right."
              : "Run a dry run first: it shows what the import would do without changing your book."}
          </p>
        </div>
      )}

      {fileRemoved && !importedForReal && (
        <p role="status" className="muted">
          This file was removed, as files not imported are after a while. <Link href="/clients/import">Upload it again</Link> to
          import it.
        </p>
      )}

      {inProgress && <ImportProgress job={job} cancelling={cancelling} onCancel={cancel} />}
      {finished && <ImportSummary job={job} />}
      {/* A run that stopped before its first row has nothing to report beyond why it stopped. */}
      {finished && (job.status === "succeeded" || job.rowsDone > 0) && (
        <>
          <ImportPreview importId={job.importId} dryRun={job.dryRun} runKey={runKey} />
          <ImportErrors importId={job.importId} rowsFailed={job.rowsFailed} valuesFiledAsOther={job.valuesFiledAsOther} runKey={runKey} />
        </>
      )}
    </div>
  );
}

function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ",":
      return "commas";
    case ";":
      return "semicolons";
    case "\t":
      return "tabs";
    case "|":
      return "pipes";
    default:
      return `“${delimiter}”`;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
