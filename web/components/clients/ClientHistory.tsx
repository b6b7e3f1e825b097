"use client";

import { listClientHistory, type HistoryEntry, type HistoryPage } from "@/lib/clients-api";
import { useLoad } from "@/lib/use-load";
import { useMorePages } from "@/lib/use-more-pages";
import { ProblemAlert } from "../ProblemAlert";
import { Time } from "../Time";
import { historyFieldLabel } from "./history-labels";
import styles from "./ClientHistory.module.css";

interface ClientHistoryProps {
  clientId: string;
  /** Changes when the client or a policy was saved here, to read the history again from the newest. */
  version: number;
}

/** Every change to the client and its policies, newest first: who, what and when. */
export function ClientHistory({ clientId, version }: ClientHistoryProps) {
  const { state, reload } = useLoad(`${clientId}:${version}`, (signal) => listClientHistory(clientId, "", signal));

  return (
    <section aria-labelledby="client-history-heading" className={styles.section}>
      <h2 id="client-history-heading" className={styles.heading}>
        History
      </h2>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading the history…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && <HistoryList key={`${clientId}:${version}`} clientId={clientId} first={state.value} />}
    </section>
  );
}

function HistoryList({ clientId, first }: { clientId: string; first: HistoryPage }) {
  const { entries, hasMore, loading, error, loadMore } = useMorePages(first, (pageToken) => listClientHistory(clientId, pageToken));

  if (entries.length === 0) return <p className="muted">No changes recorded yet.</p>;
  return (
    <>
      <ol className={styles.entries} aria-label="Changes, newest first">
        {entries.map((entry) => (
          <li key={entry.entryId} className={styles.entry}>
            <p className={styles.summary}>
              <span>{describeEntry(entry)}</span>
              {entry.changedAt && (
                <span className="muted">
                  <Time value={entry.changedAt} />
                </span>
              )}
            </p>
            {entry.action !== "deleted" && entry.changes.length > 0 && (
              <ul className={styles.changes}>
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    <span className={styles.field}>{historyFieldLabel(change.field)}:</span>{" "}
                    {entry.action === "created" ? (
                      change.newValue
                    ) : (
                      <>
                        <Value text={change.oldValue} /> → <Value text={change.newValue} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {error && <ProblemAlert error={error} />}
      {hasMore && (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loading}>
          {loading ? "Loading…" : "Show older changes"}
        </button>
      )}
    </>
  );
}

function Value({ text }: { text: string }) {
  return text ? <span>{text}</span> : <span className="muted">(empty)</span>;
}

const actors = { agent: "You", import: "An import", "call-log": "A logged call" } as const;
const verbs = { created: "added", updated: "changed", deleted: "deleted" } as const;

/** "You changed policy HO-1234", "An import added the client". */
export function describeEntry(entry: HistoryEntry): string {
  const who = entry.actor ? actors[entry.actor] : "Someone";
  const did = entry.action ? verbs[entry.action] : "changed";
  const what = entry.subject === "policy" ? `policy ${entry.policyNumber}`.trim() : "the client";
  return `${who} ${did} ${what}`;
}
