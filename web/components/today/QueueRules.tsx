"use client";

import { useState, type FormEvent } from "react";
import { getBookSettings, updateBookSettings, type BookSettings } from "@/lib/call-queue-api";
import { wholeNumber } from "@/lib/format";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "../ProblemAlert";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import { NumberField, TextField } from "../forms/inputs";
import { textFields } from "../forms/text-fields";
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

/** The rules counted in days, each with the range the service takes. */
const dayFields = [
  {
    key: "renewalWindowDays",
    id: "rules-renewal",
    label: "Renewal window (days)",
    hint: "Call about a policy expiring within this many days.",
    min: 1,
    max: 365,
  },
  {
    key: "lapseWindowDays",
    id: "rules-lapse",
    label: "Lapse window (days)",
    hint: "Call about a policy that lapsed within this many days.",
    min: 1,
    max: 3650,
  },
  {
    key: "contactIntervalDays",
    id: "rules-contact",
    label: "Contact interval (days)",
    hint: "Call a client not contacted for this many days.",
    min: 1,
    max: 3650,
  },
] as const;

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
        // A day count that is not a whole number is sent as 0, which the API refuses in its own words.
        renewalWindowDays: wholeNumber(text.renewalWindowDays) ?? 0,
        lapseWindowDays: wholeNumber(text.lapseWindowDays) ?? 0,
        contactIntervalDays: wholeNumber(text.contactIntervalDays) ?? 0,
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
  const field = textFields(text, change, fieldErrors);

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <FormProblem errors={errors} what="settings" />
      {dayFields.map(({ key, ...attributes }) => (
        <NumberField key={key} {...attributes} {...field(key)} />
      ))}
      <TextField
        id="rules-time-zone"
        label="Your time zone"
        hint="Decides when “today” starts."
        autoComplete="off"
        {...field("timeZone")}
      />
      <TextField
        id="rules-region"
        label="Default phone region"
        hint="Numbers without a country code are read as this country (e.g. US)."
        maxLength={2}
        autoComplete="off"
        {...field("defaultRegion")}
      />
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
