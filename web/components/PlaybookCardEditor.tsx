"use client";

import { useState } from "react";
import { examplesToText, guidancePlaceholders, textToExamples, updatePlaybookCard, type PlaybookCard } from "@/lib/playbook-api";
import { FormErrors } from "./forms/form-errors";
import { FormProblem } from "./forms/FormProblem";
import { TextAreaField, TextField } from "./forms/inputs";
import { useSave } from "./forms/use-save";
import form from "./forms/form.module.css";
import styles from "./PlaybookSettings.module.css";

interface PlaybookCardEditorProps {
  card: PlaybookCard;
  onSaved: (card: PlaybookCard) => void;
}

/** One card, folded to its title until opened; the API's field errors show beside the fields they name. */
export function PlaybookCardEditor({ card, onSaved }: PlaybookCardEditorProps) {
  const [title, setTitle] = useState(card.title);
  const [guidance, setGuidance] = useState(card.guidance);
  const [examples, setExamples] = useState(examplesToText(card.examples));
  const [enabled, setEnabled] = useState(card.enabled);
  const { save, saving, saved, error, edited } = useSave(onSaved);
  const errors = new FormErrors(error);
  const id = `card-${card.cardId}`;

  function change<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      edited();
    };
  }

  return (
    <details className={styles.card}>
      <summary className={styles.summary}>
        <span className={styles.cardTitle}>{card.title}</span>
        {!card.enabled && <span className={styles.off}>off</span>}
      </summary>
      <form
        className={form.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save(() => updatePlaybookCard(card.cardId, { title, guidance, examples: textToExamples(examples), enabled }));
        }}
      >
        <TextField id={`${id}-title`} label="Title" errors={errors.for("title")} value={title} onChange={change(setTitle)} />
        <TextAreaField
          id={`${id}-guidance`}
          label="What to say"
          errors={errors.for("guidance")}
          hint={`The client's facts can be named: ${guidancePlaceholders.join(", ")}.`}
          value={guidance}
          onChange={change(setGuidance)}
        />
        <TextAreaField
          id={`${id}-examples`}
          label="Example phrases"
          errors={errors.for("examples")}
          hint="One per line: what a client might say."
          rows={6}
          value={examples}
          onChange={change(setExamples)}
        />
        <label className={form.check}>
          <input type="checkbox" checked={enabled} onChange={(e) => change(setEnabled)(e.target.checked)} />
          Show this card during calls
        </label>
        <FormProblem errors={errors} what="card" />
        <div className={form.actions}>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? "Saving…" : "Save card"}
          </button>
          <span role="status">{saved && "Saved."}</span>
        </div>
      </form>
    </details>
  );
}
