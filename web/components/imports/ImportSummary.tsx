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
    [dry ? "Values to file as other" : "Values filed as other", job.valuesFiledAsOther],
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

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** What became of values that matched nothing known, when there were any. */
function otherValues(job: Import): string {
  const n = job.valuesFiledAsOther;
  if (n === 0) return "";
  const filed = job.dryRun ? (n === 1 ? "it will be" : "they will be") : n === 1 ? "it was" : "they were";
  return ` ${count(n, "value matches", "values match")} no line of business or status AgentCalls knows: ${filed} filed as other, with the file's words kept.`;
}

/** The headline: what happened to the rows, refused ones counted, never "all" when some were left out. */
function outcome(job: Import): string {
  const total = job.totalRows.toLocaleString("en-US");
  const rows = `${job.rowsDone.toLocaleString("en-US")} of ${total} rows`;
  const accepted = (job.rowsDone - job.rowsFailed).toLocaleString("en-US");
  const other = otherValues(job);
  if (job.dryRun) {
    if (job.status !== "succeeded") return `Stopped after ${rows}. Nothing in your book has changed.`;
    const checked =
      job.rowsFailed === 0
        ? `Checked all ${total} rows: every one can be imported.`
        : `Checked all ${total} rows: ${accepted} can be imported, ${count(job.rowsFailed, "has errors and would be", "have errors and would be")} left out.`;
    return `${checked}${other} Nothing in your book has changed yet.`;
  }
  if (job.status !== "succeeded") return `Stopped after ${rows}. The batches committed before it stopped stay in your book.`;
  const imported =
    job.rowsFailed === 0
      ? `Imported all ${total} rows.`
      : `Imported ${accepted} of ${total} rows; ${count(job.rowsFailed, "row was", "rows were")} refused (see below).`;
  return `${imported}${other}`;
}
