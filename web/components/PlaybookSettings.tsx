"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { listPlaybookCards, resetPlaybook, type PlaybookCard } from "@/lib/playbook-api";
import { useLoad } from "@/lib/use-load";
import { PlaybookCardEditor } from "./PlaybookCardEditor";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import confirmPanel from "./ConfirmPanel.module.css";
import styles from "./PlaybookSettings.module.css";

/**
 * The cards the assistant shows during a call when the client says something that means what a card's examples
 * mean: each card's title, guidance and examples can be edited or switched off, and the whole playbook put back.
 */
export function PlaybookSettings() {
  const { state, reload, set } = useLoad("playbook", listPlaybookCards);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<ApiError | null>(null);

  async function reset() {
    setConfirming(false);
    setResetting(true);
    setResetError(null);
    try {
      set(await resetPlaybook());
    } catch (failure) {
      setResetError(asApiError(failure));
    } finally {
      setResetting(false);
    }
  }

  function replace(cards: PlaybookCard[], saved: PlaybookCard) {
    set(cards.map((card) => (card.cardId === saved.cardId ? saved : card)));
  }

  return (
    <SettingsSection id="playbook" title="Playbook">
      <p>
        During a call, a card comes up when the client says something that means what one of its examples means (the
        words need not match). Each card shows once per call.
      </p>
      {state.status === "loading" && <p role="status">Loading the playbook…</p>}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && (
        <>
          <ul className={styles.cards}>
            {state.value.map((card) => (
              <li key={card.cardId}>
                <PlaybookCardEditor card={card} onSaved={(saved) => replace(state.value, saved)} />
              </li>
            ))}
          </ul>
          {confirming ? (
            <div role="group" aria-label="Reset the playbook?" className={confirmPanel.confirm}>
              <p>Every card goes back to its default title, guidance and examples; your edits are lost.</p>
              <div className={confirmPanel.actions}>
                <button type="button" className="button button-danger" onClick={reset}>
                  Reset the playbook
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} autoFocus>
                  Keep my edits
                </button>
              </div>
            </div>
          ) : (
            <div>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} disabled={resetting}>
                {resetting ? "Resetting…" : "Reset to defaults"}
              </button>
            </div>
          )}
          {resetError && <ProblemAlert error={resetError} />}
        </>
      )}
    </SettingsSection>
  );
}
