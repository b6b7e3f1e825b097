"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { disconnectGoogle, type GoogleConnection } from "@/lib/google-api";
import { useGoogleConnection } from "@/lib/google-connection";
import { useGoogleConnect } from "@/lib/use-google-connect";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import styles from "./GoogleCalendarSettings.module.css";

/** Where Google's consent screen sends the browser back to after connecting from here. */
const settingsPath = "/settings";

/** Whether the agent's calls go on their Google Calendar, and connecting or disconnecting it. */
export function GoogleCalendarSettings() {
  const { state, refresh } = useGoogleConnection();
  const [disconnected, setDisconnected] = useState(false);

  return (
    <SettingsSection id="google-calendar" title="Google Calendar">
      {state.status === "loading" && (
        <p role="status" className="muted">
          Checking your Google Calendar connection…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={refresh} />}
      {state.status === "loaded" && (
        <ConnectionDetails connection={state.connection} onDisconnected={() => setDisconnected(true)} />
      )}
      <p role="status" className="visually-hidden">
        {disconnected && state.status === "loaded" && state.connection.status === "not-connected"
          ? "Google Calendar is disconnected."
          : ""}
      </p>
    </SettingsSection>
  );
}

function ConnectionDetails({ connection, onDisconnected }: { connection: GoogleConnection; onDisconnected: () => void }) {
  if (!connection.googleAvailable) {
    return (
      <p>
        Google isn&apos;t configured for this AgentCalls, so your calls are scheduled on AgentCalls&apos; own
        calendar.
      </p>
    );
  }

  switch (connection.status) {
    case "not-connected":
      return (
        <>
          <StatusBadge tone="neutral">Not connected</StatusBadge>
          <p>
            Connect your Google account and AgentCalls will schedule your calls on your Google Calendar and keep it in
            sync.
          </p>
          <ConnectActions label="Connect Google Calendar" />
        </>
      );
    case "connected":
      return (
        <>
          <StatusBadge tone="success">Connected</StatusBadge>
          <p>
            <ConnectedAs connection={connection} />
          </p>
          <p className="muted">AgentCalls schedules your calls on this Google Calendar and keeps it in sync.</p>
          <div className={styles.actions}>
            <DisconnectGoogle onDisconnected={onDisconnected} />
          </div>
        </>
      );
    case "reconnect-required":
      return (
        <>
          <div className={styles.reconnect}>
            <p className={styles.reconnectTitle}>Google Calendar needs reconnecting</p>
            <p>{connection.reason || "Google no longer accepts AgentCalls' access to your calendar."}</p>
          </div>
          {connection.googleEmail && (
            <p>
              Google account: <strong>{connection.googleEmail}</strong>
            </p>
          )}
          <p className="muted">Until you reconnect, AgentCalls can&apos;t schedule calls on your Google Calendar.</p>
          <ConnectActions label="Reconnect Google Calendar">
            <DisconnectGoogle onDisconnected={onDisconnected} />
          </ConnectActions>
        </>
      );
  }
}

function StatusBadge({ tone, children }: { tone: "neutral" | "success"; children: string }) {
  const toneClass = tone === "success" ? styles.badgeSuccess : styles.badgeNeutral;
  return (
    <p>
      <span className={`${styles.badge} ${toneClass}`}>{children}</span>
    </p>
  );
}

function ConnectedAs({ connection }: { connection: GoogleConnection }) {
  const since = formatDate(connection.connectedAt);
  return (
    <>
      Connected as <strong>{connection.googleEmail || "your Google account"}</strong>
      {since && (
        <>
          {" "}
          since <time dateTime={connection.connectedAt}>{since}</time>
        </>
      )}
      .
    </>
  );
}

/** The button that leaves for Google's consent screen (and any other actions beside it). */
function ConnectActions({ label, children }: { label: string; children?: ReactNode }) {
  const { connect, pending, error } = useGoogleConnect();
  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button button-primary" onClick={() => connect(settingsPath)} disabled={pending}>
          {pending ? "Opening Google…" : label}
        </button>
        {children}
      </div>
      {error && <ProblemAlert error={error} />}
    </>
  );
}

/** Disconnecting asks first: it revokes AgentCalls' access at Google. */
function DisconnectGoogle({ onDisconnected }: { onDisconnected: () => void }) {
  const { update } = useGoogleConnection();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusAfterToggle = useRef(false);

  useEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    (confirming ? cancelButton : disconnectButton).current?.focus();
  }, [confirming]);

  function toggle(next: boolean) {
    focusAfterToggle.current = true;
    setError(null);
    setConfirming(next);
  }

  async function handleDisconnect() {
    setPending(true);
    setError(null);
    try {
      const connection = await disconnectGoogle();
      setPending(false);
      setConfirming(false);
      onDisconnected();
      update(connection);
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  if (!confirming) {
    return (
      <button ref={disconnectButton} type="button" className="button button-secondary" onClick={() => toggle(true)}>
        Disconnect
      </button>
    );
  }

  return (
    <div role="group" aria-labelledby="disconnect-google-title" className={styles.confirm}>
      <p id="disconnect-google-title" className={styles.confirmTitle}>
        Disconnect Google Calendar?
      </p>
      <p>
        This revokes AgentCalls&apos; access at Google: AgentCalls stops scheduling calls on your Google Calendar and
        keeping it in sync. You can connect it again at any time.
      </p>
      <div className={styles.actions}>
        <button type="button" className="button button-danger" onClick={handleDisconnect} disabled={pending}>
          {pending ? "Disconnecting…" : "Disconnect Google Calendar"}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="button button-secondary"
          onClick={() => toggle(false)}
          disabled={pending}
        >
          Cancel
        </button>
      </div>
      {error && <ProblemAlert error={error} />}
    </div>
  );
}

function formatDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(date);
}
