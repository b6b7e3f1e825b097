"use client";

import { useState, type FormEvent } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { deleteAccount } from "@/lib/account";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import styles from "./DeleteAccountSettings.module.css";

/** What the agent types to show they mean it. */
const confirmationWord = "DELETE";

/** The danger zone: deleting the account and everything in it, once the agent has typed DELETE. */
export function DeleteAccountSettings() {
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirmed = typed.trim() === confirmationWord;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || pending) return;
    setPending(true);
    setError(null);
    try {
      await deleteAccount();
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  return (
    <SettingsSection id="delete-account" title="Delete account" tone="danger">
      <p>
        Deleting your account erases your clients, your calendar, your call logs and your usage from every AgentCalls
        service, and revokes AgentCalls&apos; access to your Google account. Then you are signed out.
      </p>
      <p className={styles.warning}>This can&apos;t be undone.</p>
      <form className={styles.form} onSubmit={handleSubmit} noValidate>
        <label htmlFor="delete-account-confirmation" className={styles.label}>
          Type <strong>{confirmationWord}</strong> to confirm
        </label>
        <div className={styles.controls}>
          <input
            id="delete-account-confirmation"
            className={styles.input}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            disabled={pending}
          />
          <button type="submit" className="button button-danger" disabled={!confirmed || pending}>
            {pending ? "Deleting your account…" : "Delete my account"}
          </button>
        </div>
      </form>
      {error && <ProblemAlert error={error} />}
    </SettingsSection>
  );
}
