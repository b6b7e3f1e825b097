import type { Import } from "@/lib/imports-api";
import styles from "./imports.module.css";

interface ImportProgressProps {
  job: Import;
  cancelling: boolean;
  onCancel: () => void;
}

/** While the import worker has the file: rows done of the total, and a way to stop it. */
export function ImportProgress({ job, cancelling, onCancel }: ImportProgressProps) {
  const what = job.dryRun ? "Dry run" : "Import";
  const label =
    job.status === "queued"
      ? `${what} waiting to start…`
      : `${what}: ${job.rowsDone.toLocaleString("en-US")} of ${job.totalRows.toLocaleString("en-US")} rows`;
  return (
    <section aria-labelledby="import-progress-heading" className={styles.step}>
      <h2 id="import-progress-heading" className={styles.heading}>
        {job.dryRun ? "Checking the file" : "Importing"}
      </h2>
      <progress
        className={styles.progress}
        aria-labelledby="import-progress-label"
        max={Math.max(job.totalRows, 1)}
        value={job.status === "queued" ? undefined : job.rowsDone}
      />
      <p id="import-progress-label" role="status">
        {label}
      </p>
      <button type="button" className="button button-secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? "Cancelling…" : `Cancel ${job.dryRun ? "dry run" : "import"}`}
      </button>
    </section>
  );
}
