"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError, asApiError } from "@/lib/api";
import { Dialog } from "../Dialog";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import form from "../forms/form.module.css";
import { SlotPicker } from "./SlotPicker";
import styles from "./CallDialog.module.css";

interface CallTimeDialogProps {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  /** The title of a refusal that names no field (e.g. "The call was not scheduled"); the API's detail says why. */
  refusedTitle: string;
  onClose: () => void;
  /** Saves the chosen start (RFC 3339); a failure is shown in the dialog, at its field where it names one. */
  save: (startTime: string) => Promise<void>;
  /** More fields under the time, given the API's field errors. */
  fields?: (errors: FormErrors) => ReactNode;
}

/** A dialog that picks a time for a call from the next free slots (or one typed in) and saves it. */
export function CallTimeDialog({ title, submitLabel, pendingLabel, refusedTitle, onClose, save, fields }: CallTimeDialogProps) {
  const [startTime, setStartTime] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [slotsVersion, setSlotsVersion] = useState(0);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await save(startTime);
    } catch (failure) {
      const problem = asApiError(failure);
      const refused = problem.status === 400 && Object.keys(problem.fieldErrors).length === 0;
      setError(refused ? new ApiError({ ...problem, title: refusedTitle }) : problem);
      // Refused without naming a field (a do-not-call client, the time taken meanwhile): offer what is free now.
      if (refused) {
        setStartTime("");
        setSlotsVersion((version) => version + 1);
      }
      setPending(false);
    }
  }

  const errors = new FormErrors(error);
  const startErrors = errors.for("startTime");
  const more = fields?.(errors);
  return (
    <Dialog title={title} onClose={onClose}>
      <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label={title}>
        <FormProblem errors={errors} what="call" />
        <SlotPicker onChange={setStartTime} errors={startErrors} version={slotsVersion} />
        {more}
        <div className={form.actions}>
          <button type="submit" className="button button-primary" disabled={pending || !startTime}>
            {pending ? pendingLabel : submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
