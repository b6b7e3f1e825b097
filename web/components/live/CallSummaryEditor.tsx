"use client";

import { useState } from "react";
import { Field } from "@/components/forms/Field";
import { FormErrors } from "@/components/forms/form-errors";
import { FormProblem } from "@/components/forms/FormProblem";
import { useSaveAndLeave } from "@/components/forms/use-save";
import type { Draft } from "@/lib/live-call";
import { liveCallApi } from "@/lib/live-call-api";
import { OutcomeOptions } from "./OutcomeOptions";
import styles from "./LiveCall.module.css";

interface CallSummaryEditorProps {
  callId: string;
  draft: Draft;
  /** The call log is written; its id. */
  onSaved: (callLogId: string) => void;
}

/** The ended call's draft log (summary, outcome, follow-ups) for the agent to edit and save. */
export function CallSummaryEditor({ callId, draft, onSaved }: CallSummaryEditorProps) {
  const [summary, setSummary] = useState(draft.summary);
  const [outcome, setOutcome] = useState(draft.outcome);
  const [outcomeNote, setOutcomeNote] = useState("");
  const [followUps, setFollowUps] = useState(draft.followUps.join("\n"));
  const { save, saving: pending, error } = useSaveAndLeave();
  const errors = new FormErrors(error);

  async function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    await save(async () => {
      const lines = followUps.split("\n").map((l) => l.trim()).filter(Boolean);
      onSaved(await liveCallApi.save(callId, { summary, outcome, outcomeNote, followUps: lines }));
    });
  }

  return (
    <form className={`${styles.panel} ${styles.form}`} onSubmit={handleSubmit} aria-labelledby="live-summary">
      <h2 id="live-summary">The call’s log</h2>
      <Field id="call-summary" label="Summary" errors={errors.for("summary")}>
        {(input) => <textarea {...input} rows={5} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <Field id="call-outcome" label="Outcome" errors={errors.for("outcome")}>
        {(input) => (
          <select {...input} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <OutcomeOptions />
          </select>
        )}
      </Field>
      <Field id="call-outcome-note" label="Outcome in your words" errors={errors.for("outcomeNote")}>
        {(input) => <input {...input} maxLength={200} value={outcomeNote} onChange={(e) => setOutcomeNote(e.target.value)} />}
      </Field>
      <Field id="call-follow-ups" label="Follow-ups" hint="One a line." errors={errors.for("followUps")}>
        {(input) => <textarea {...input} rows={3} value={followUps} onChange={(e) => setFollowUps(e.target.value)} />}
      </Field>
      <FormProblem errors={errors} what="call log" />
      <div className={styles.row}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save the call log"}
        </button>
      </div>
    </form>
  );
}
