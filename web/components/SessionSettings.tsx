"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { signOutEverywhere } from "@/lib/account";
import { useSession } from "@/lib/session";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import styles from "./SessionSettings.module.css";

type Pending = "here" | "everywhere" | null;

/** Signing out of this browser, or of every browser and app at once. */
export function SessionSettings() {
  const { signOut } = useSession();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(which: Exclude<Pending, null>, action: () => Promise<void>) {
    setPending(which);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(asApiError(failure));
      setPending(null);
    }
  }

  return (
    <SettingsSection id="sessions" title="Sessions">
      <div className={styles.row}>
        <p>
          <span className={styles.label}>This browser</span>
          <span className="muted">Sign out here. You stay signed in anywhere else.</span>
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => run("here", signOut)}
          disabled={pending !== null}
        >
          {pending === "here" ? "Signing out…" : "Sign out"}
        </button>
      </div>
      <div className={styles.row}>
        <p>
          <span className={styles.label}>Everywhere</span>
          <span className="muted">
            Ends your sessions in every browser and app, this one included. Use it if you signed in on a device you no
            longer use or trust.
          </span>
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => run("everywhere", signOutEverywhere)}
          disabled={pending !== null}
        >
          {pending === "everywhere" ? "Signing out everywhere…" : "Sign out everywhere"}
        </button>
      </div>
      {error && <ProblemAlert error={error} />}
    </SettingsSection>
  );
}
