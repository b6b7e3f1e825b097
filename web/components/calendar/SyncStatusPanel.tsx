"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { getSyncStatus, syncNow, type SyncStatus } from "@/lib/calendar-api";
import { useGoogleConnect } from "@/lib/use-google-connect";
import { useLoad } from "@/lib/use-load";
import { Notice } from "../Notice";
import { ProblemAlert } from "../ProblemAlert";
import { Time } from "../Time";
import styles from "./SyncStatusPanel.module.css";

/** How often the status is read again while a full sync runs or a sync was just asked for. */
export const syncPollInterval = 2000;

/**
 * How the agent's calendar is kept: AgentCalls' own calendar, or a copy of Google Calendar with the state of
 * its sync (last sync, a full sync's progress, errors), and the reconnect prompt when Google refuses access.
 */
export function SyncStatusPanel() {
  const { state, reload, set } = useLoad("sync-status", getSyncStatus);
  const running = state.status === "loaded" && state.value.state === "full-sync";

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => {
      getSyncStatus().then(set, () => undefined);
    }, syncPollInterval);
    return () => clearTimeout(timer);
  }, [running, state, set]);

  return (
    <section aria-label="Calendar sync" className={styles.panel}>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Checking how your calendar is kept…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && <SyncDetails status={state.value} onStatus={set} />}
    </section>
  );
}

function SyncDetails({ status, onStatus }: { status: SyncStatus; onStatus: (status: SyncStatus) => void }) {
  if (status.provider === "local") {
    return (
      <p className={styles.local}>
        Your calls are on AgentCalls&apos; own calendar.{" "}
        <Link href="/settings#calendar-feed">Subscribe to it from your calendar app</Link> or{" "}
        <Link href="/settings#google-calendar">connect Google Calendar</Link>.
      </p>
    );
  }
  if (status.reconnectRequired || status.state === "reconnect-required") return <ReconnectPrompt status={status} />;

  return (
    <div className={styles.google}>
      <p className={styles.line} role="status">
        <span className={styles.state}>{stateWords(status)}</span>
        {status.lastSyncedAt && (
          <span>
            Last synced <Time value={status.lastSyncedAt} />.
          </span>
        )}
        {status.state === "synced" && (
          <span className="muted">
            {status.pushNotifications ? "Google tells AgentCalls of changes as they happen." : "Checked for changes regularly."}
          </span>
        )}
        {status.nextSyncAt && status.state !== "full-sync" && (
          <span className="muted">
            Next sync <Time value={status.nextSyncAt} />.
          </span>
        )}
      </p>
      {status.lastError && (
        <Notice tone={status.state === "failed" ? "danger" : "warning"} role="alert">
          <p>
            <strong>The last sync went wrong:</strong> {status.lastError}
          </p>
        </Notice>
      )}
      {status.state !== "full-sync" && <SyncNowButton onStatus={onStatus} />}
    </div>
  );
}

function stateWords(status: SyncStatus): string {
  switch (status.state) {
    case "full-sync":
      return `Reading your Google Calendar: ${status.fullSyncEvents} events (${status.fullSyncPages} ${status.fullSyncPages === 1 ? "page" : "pages"}) so far…`;
    case "synced":
      return "In sync with Google Calendar.";
    case "backing-off":
      return "Google asked AgentCalls to slow down; syncing resumes shortly.";
    case "failed":
      return "The last sync with Google Calendar failed; it is tried again.";
    default:
      return "Syncing with Google Calendar.";
  }
}

function SyncNowButton({ onStatus }: { onStatus: (status: SyncStatus) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function handleClick() {
    setPending(true);
    setError(null);
    try {
      onStatus(await syncNow());
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <div>
        <button type="button" className="button button-secondary" onClick={handleClick} disabled={pending}>
          {pending ? "Asking Google…" : "Sync now"}
        </button>
      </div>
      {error && <ProblemAlert error={error} />}
    </>
  );
}

function ReconnectPrompt({ status }: { status: SyncStatus }) {
  const { connect, pending, error } = useGoogleConnect();
  return (
    <>
      <Notice
        tone="warning"
        role="alert"
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => connect("/calendar")} disabled={pending}>
              {pending ? "Opening Google…" : "Reconnect Google Calendar"}
            </button>
            <Link href="/settings#google-calendar" className="button button-secondary">
              Google Calendar settings
            </Link>
          </>
        }
      >
        <p>
          <strong>Google Calendar needs reconnecting.</strong>{" "}
          {status.lastError || "Google no longer accepts AgentCalls' access to your calendar."} Until you reconnect, this
          calendar is not kept in sync and calls can&apos;t be put on it.
        </p>
        {status.lastSyncedAt && (
          <p>
            Last synced <Time value={status.lastSyncedAt} />.
          </p>
        )}
      </Notice>
      {error && <ProblemAlert error={error} />}
    </>
  );
}
