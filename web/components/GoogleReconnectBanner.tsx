"use client";

import { usePathname } from "next/navigation";
import { useGoogleConnection } from "@/lib/google-connection";
import { useGoogleConnect } from "@/lib/use-google-connect";
import { Notice } from "./Notice";
import { ProblemAlert } from "./ProblemAlert";
import styles from "./GoogleReconnectBanner.module.css";

/**
 * Across the top of every workspace page while Google refuses AgentCalls' access to the agent's calendar:
 * says why and reconnects, coming back to the same page. Says nothing while the connection is unknown
 * (still loading, or Identity could not be asked).
 */
export function GoogleReconnectBanner() {
  const { state } = useGoogleConnection();
  const pathname = usePathname();
  const { connect, pending, error } = useGoogleConnect();

  if (state.status !== "loaded") return null;
  const { googleAvailable, status, reason } = state.connection;
  if (!googleAvailable || status !== "reconnect-required") return null;

  return (
    <div className={styles.banner}>
      <Notice
        tone="warning"
        role="status"
        actions={
          <button type="button" className="button button-secondary" onClick={() => connect(pathname)} disabled={pending}>
            {pending ? "Opening Google…" : "Reconnect"}
          </button>
        }
      >
        <p>
          <strong>Google Calendar needs reconnecting:</strong>{" "}
          {reason || "Google no longer accepts AgentCalls' access to your calendar."}
        </p>
      </Notice>
      {error && <ProblemAlert error={error} />}
    </div>
  );
}
