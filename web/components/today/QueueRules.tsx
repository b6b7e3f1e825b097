"use client";

import { useState, type FormEvent } from "react";
import { getBookSettings, updateBookSettings, type BookSettings } from "@/lib/call-queue-api";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "../ProblemAlert";
import { Field } from "../forms/Field";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import form from "../forms/form.module.css";
import { useSave } from "../forms/use-save";
import styles from "./QueueRules.module.css";

/** The agent's rules for the call queue: when a renewal, a lapse or a silence makes a client due a call. */
export function QueueRules({ onSaved }: { onSaved: () => void }) {
  const { state, reload, set } = useLoad("settings", getBookSettings);

  return (
    <section aria-labelledby="queue-rules-heading" className={styles.section}>
      <h2 id="queue-rules-heading" className={styles.heading}>
        Queue rules
      </h2>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading your queue rules…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && (
        <QueueRulesForm
          settings={state.value}
          onSaved={(saved) => {
            set(saved);
            onSaved();
          }}
        />
      )}
    </section>
  );
}

type SettingsText = Record<keyof BookSettings, string>;

function QueueRulesForm({ settings, onSaved }: { settings: BookSettings; onSaved: (saved: BookSettings) => void }) {
  const [text, setText] = useState<SettingsText>({
    renewalWindowDays: String(settings.renewalWindowDays),
    lapseWindowDays: String(settings.lapseWindowDays),
    contactIntervalDays: String(settings.contactIntervalDays),
    timeZone: settings.timeZone,
    defaultRegion: settings.defaultRegion,
  });
  const { save, saving, saved, error, edited } = useSave(onSaved);

  function change(key: keyof BookSettings, value: string) {
    edited();
    setText((current) => ({ ...current, [key]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save(() =>
      updateBookSettings({
        renewalWindowDays: wholeNumber(text.renewalWindowDays),
        lapseWindowDays: wholeNumber(text.lapseWindowDays),
        contactIntervalDays: wholeNumber(text.contactIntervalDays),
        timeZone: text.timeZone.trim(),
        defaultRegion: text.defaultRegion.trim().toUpperCase(),
      }),
    );
  }

  const errors = new FormErrors(error);
  const fieldErrors = {
    renewalWindowDays: errors.for("renewalWindowDays"),
    lapseWindowDays: errors.for("lapseWindowDays"),
    contactIntervalDays: errors.for("contactIntervalDays"),
    timeZone: errors.for("timeZone"),
    defaultRegion: errors.for("defaultRegion"),
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <FormProblem errors={errors} what="settings" />
      <Field
        id="rules-renewal"
        label="Renewal window (days)"
        errors={fieldErrors.renewalWindowDays}
        hint="Call about a policy expiring within this many days."
      >
        {(props) => (
          <input
            {...props}
            className={form.input}
            type="number"
            min={1}
            max={365}
            value={text.renewalWindowDays}
            onChange={(event) => change("renewalWindowDays", event.target.value)}
          />
        )}
      </Field>
      <Field
        id="rules-lapse"
        label="Lapse window (days)"
        errors={fieldErrors.lapseWindowDays}
        hint="Call about a policy that lapsed within this many days."
      >
        {(props) => (
          <input
            {...props}
            className={form.input}
            type="number"
            min={1}
            max={3650}
            value={text.lapseWindowDays}
            onChange={(event) => change("lapseWindowDays", event.target.value)}
          />
        )}
      </Field>
      <Field
        id="rules-contact"
        label="Contact interval (days)"
        errors={fieldErrors.contactIntervalDays}
        hint="Call a client not contacted for this many days."
      >
        {(props) => (
          <input
            {...props}
            className={form.input}
            type="number"
            min={1}
            max={3650}
            value={text.contactIntervalDays}
            onChange={(event) => change("contactIntervalDays", event.target.value)}
          />
        )}
      </Field>
      <Field id="rules-time-zone" label="Your time zone" errors={fieldErrors.timeZone} hint="Decides when “today” starts.">
        {(props) => (
          <input
            {...props}
            className={form.input}
            autoComplete="off"
            value={text.timeZone}
            onChange={(event) => change("timeZone", event.target.value)}
          />
        )}
      </Field>
      <Field
        id="rules-region"
        label="Default phone region"
        errors={fieldErrors.defaultRegion}
        hint="Numbers without a country code are read as this country (e.g. US)."
      >
        {(props) => (
          <input
            {...props}
            className={form.input}
            maxLength={2}
            autoComplete="off"
            value={text.defaultRegion}
            onChange={(event) => change("defaultRegion", event.target.value)}
          />
        )}
      </Field>
      <div className={form.actions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save rules"}
        </button>
        <p role="status" className={styles.saved}>
          {saved ? "Saved. The queue follows the new rules." : ""}
        </p>
      </div>
    </form>
  );
}

/** A typed day count as a number; anything else as 0, which the API refuses with its own words. */
function wholeNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
}
