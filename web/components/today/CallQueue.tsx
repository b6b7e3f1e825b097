"use client";

import Link from "next/link";
import { useState } from "react";
import type { CalendarEvent } from "@/lib/calendar-api";
import { listCallQueue, type CallQueueEntry, type CallQueuePage } from "@/lib/call-queue-api";
import { useLoad } from "@/lib/use-load";
import { useMorePages } from "@/lib/use-more-pages";
import { ProblemAlert } from "../ProblemAlert";
import { DateText, Time } from "../Time";
import { CallScheduledNotice } from "../calendar/CallScheduledNotice";
import { ScheduleCallButton } from "../calendar/ScheduleCallButton";
import { StartCallButton } from "../live/StartCallButton";
import styles from "./CallQueue.module.css";

/** Who needs a call today, most pressing first, each with the reasons in words. */
export function CallQueue({ version }: { version: number }) {
  const { state, reload } = useLoad(String(version), (signal) => listCallQueue("", signal));

  return (
    <section aria-labelledby="call-queue-heading" className={styles.section}>
      <h2 id="call-queue-heading" className={styles.heading}>
        Who to call
        {state.status === "loaded" && state.value.today && (
          <span className={styles.today}>
            {" "}
            · <DateText value={state.value.today} />
          </span>
        )}
      </h2>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading your call queue…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && <QueueEntries key={version} first={state.value} />}
    </section>
  );
}

function QueueEntries({ first }: { first: CallQueuePage }) {
  const { entries, setEntries, hasMore, loading, error, loadMore } = useMorePages(first, (pageToken) => listCallQueue(pageToken));
  const [scheduled, setScheduled] = useState<CalendarEvent | null>(null);

  // A client with a call scheduled leaves the queue; Clients learns of the call a moment later.
  function handleScheduled(call: CalendarEvent) {
    setScheduled(call);
    setEntries((current) => current.filter((entry) => entry.clientId !== call.clientId));
  }

  const notice = scheduled && <CallScheduledNotice call={scheduled} />;
  if (entries.length === 0) {
    return (
      <>
        {notice}
        <EmptyQueue />
      </>
    );
  }

  return (
    <>
      {notice}
      <ol className={styles.entries} aria-label="Clients to call">
        {entries.map((entry) => (
          <QueueEntry key={entry.clientId} entry={entry} onScheduled={handleScheduled} />
        ))}
      </ol>
      {error && <ProblemAlert error={error} />}
      {hasMore && (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loading}>
          {loading ? "Loading…" : "Show more clients"}
        </button>
      )}
    </>
  );
}

function EmptyQueue() {
  return (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>Nobody needs a call today.</p>
      <p className="muted">
        No renewals are coming due, no policies have lapsed lately, no callbacks are waiting and everyone has been
        contacted recently enough. Clients marked do-not-call and those with a call already scheduled are left out.
      </p>
    </div>
  );
}

function QueueEntry({ entry, onScheduled }: { entry: CallQueueEntry; onScheduled: (call: CalendarEvent) => void }) {
  return (
    <li className={styles.entry}>
      <div className={styles.who}>
        <Link href={`/clients/${encodeURIComponent(entry.clientId)}`} className={styles.name}>
          {entry.displayName}
        </Link>
        <span className={styles.actions}>
          {entry.phone && <a href={`tel:${entry.phone}`}>{entry.phone}</a>}
          <ScheduleCallButton client={entry} onScheduled={onScheduled} className="button button-secondary" />
          <StartCallButton client={entry} className="button button-secondary" />
        </span>
      </div>
      <ul className={styles.reasons} aria-label={`Why call ${entry.displayName}`}>
        {entry.reasons.map((reason, index) => (
          <li key={`${reason.kind}-${reason.policyId}-${index}`} className={`${styles.reason} ${styles[reason.kind ?? "other"] ?? ""}`}>
            {reason.description}
          </li>
        ))}
      </ul>
      <p className={styles.details}>
        {entry.contactWindowStart && entry.contactWindowEnd && (
          <span>
            Prefers calls {entry.contactWindowStart}–{entry.contactWindowEnd}
            {entry.timeZone && ` (${entry.timeZone})`}
          </span>
        )}
        <span>
          {entry.lastContactedAt ? (
            <>
              Last contacted <Time value={entry.lastContactedAt} />
            </>
          ) : (
            "Never contacted"
          )}
        </span>
      </p>
    </li>
  );
}
