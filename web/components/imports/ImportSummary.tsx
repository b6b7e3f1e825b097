import Link from "next/link";
import type { Import } from "@/lib/imports-api";
import styles from "./imports.module.css";

/** What the last run did (or, for a dry run, would do), in counts, or why it stopped. */
export function ImportSummary({ job }: { job: Import }) {
  const dry = job.dryRun;
  const counts: [string, number][] = [
    [dry ? "Clients to create" : "Clients created", job.clientsCreated],
    [dry ? "Clients to update" : "Clients updated", job.clientsUpdated],
    [dry ? "Clients to leave as they are" : "Clients left as they were", job.clientsUnchanged],
    [dry ? "Policies to create" : "Policies created", job.policiesCreated],
    [dry ? "Policies to update" : "Policies updated", job.policiesUpdated],
    [dry ? "Rows with errors" : "Rows refused", job.rowsFailed],
  ];

  return (
    <section aria-labelledby="import-summary-heading" className={styles.step}>
      <h2 id="import-summary-heading" className={styles.heading}>
        {heading(job)}
      </h2>
      <p role="status">{outcome(job)}</p>
      {job.status === "failed" && job.error && (
        <p role="alert" className={styles.failure}>
          {job.error}
        </p>
      )}
      {(job.status === "succeeded" || job.rowsDone > 0) && (
        <dl className={styles.counts}>
          {counts.map(([term, count]) => (
            <div key={term} className={styles.count}>
              <dt>{term}</dt>
              <dd>{count.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      )}
      {!dry && job.status === "succeeded" && (
        <p>
          <Link href="/clients" className="button button-primary">
            Go to your clients
          </Link>
        </p>
      )}
    </section>
  );
}

function heading(job: Import): string {
  if (job.status === "succeeded") return job.dryRun ? "Dry run results" : "Import finished";
  if (job.status === "cancelled") return job.dryRun ? "Dry run cancelled" : "Import cancelled";
  return job.dryRun ? "Dry run failed" : "Import failed";
}

function outcome(job: Import): string {
  const rows = `${job.rowsDone.toLocaleString("en-US")} of ${job.totalRows.toLocaleString("en-US")} rows`;
  if (job.dryRun) {
    if (job.status === "succeeded") return `Checked all ${job.totalRows.toLocaleString("en-US")} rows. Nothing in your book has changed yet.`;
    return `Stopped after ${rows}. Nothing in your book has changed.`;
  }
  if (job.status === "succeeded") return `Imported all ${job.totalRows.toLocaleString("en-US")} rows.`;
  return `Stopped after ${rows}. The batches committed before it stopped stay in your book.`;
}
