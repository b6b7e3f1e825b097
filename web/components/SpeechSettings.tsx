"use client";

import { useState, type FormEvent } from "react";
import {
  engineLabel,
  getMonthUsage,
  getSpeechSettings,
  updateSpeechEngine,
  type MonthUsage,
  type SpeechSettings as Settings,
} from "@/lib/transcription-api";
import { useLoad } from "@/lib/use-load";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import { FormErrors } from "./forms/form-errors";
import { FormProblem } from "./forms/FormProblem";
import { SelectField } from "./forms/inputs";
import form from "./forms/form.module.css";
import { useSave } from "./forms/use-save";

interface Loaded {
  settings: Settings;
  usage: MonthUsage;
}

/** The speech engine that transcribes the agent's calls, their choice among those offered, and this month's usage. */
export function SpeechSettings() {
  const { state, reload, set } = useLoad<Loaded>("speech", async (signal) => {
    const [settings, usage] = await Promise.all([getSpeechSettings(signal), getMonthUsage(signal)]);
    return { settings, usage };
  });

  return (
    <SettingsSection id="speech" title="Speech to text">
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading your speech settings…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && (
        <>
          <p>
            Your calls are transcribed by <strong>{engineLabel(state.value.settings.engineInUse)}</strong>.
          </p>
          <p>{usageText(state.value.usage)}</p>
          <EngineForm settings={state.value.settings} onSaved={(settings) => set({ ...state.value, settings })} />
        </>
      )}
    </SettingsSection>
  );
}

function EngineForm({ settings, onSaved }: { settings: Settings; onSaved: (saved: Settings) => void }) {
  const [engine, setEngine] = useState(settings.engine);
  const { save, saving, saved, error, edited } = useSave(onSaved);
  const errors = new FormErrors(error);
  const engineErrors = errors.for("engine");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save(() => updateSpeechEngine(engine));
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormProblem errors={errors} what="speech settings" />
      <SelectField
        id="speech-engine"
        label="Speech engine"
        errors={engineErrors}
        value={engine}
        onChange={(value) => {
          edited();
          setEngine(value);
        }}
      >
        <option value="">This server’s default: {engineLabel(settings.defaultEngine)}</option>
        {settings.availableEngines.map((name) => (
          <option key={name} value={name}>
            {engineLabel(name)}
          </option>
        ))}
      </SelectField>
      <div className={form.actions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save engine"}
        </button>
        <p role="status">{saved ? "Saved. Your next call uses it." : ""}</p>
      </div>
    </form>
  );
}

function usageText({ usedSeconds, limitSeconds }: MonthUsage): string {
  const used = minutes(usedSeconds);
  return limitSeconds > 0
    ? `This month: ${used} of ${minutes(limitSeconds)} minutes of audio transcribed.`
    : `This month: ${used} minutes of audio transcribed (no monthly limit).`;
}

function minutes(seconds: number): string {
  return (Math.round((seconds / 60) * 10) / 10).toLocaleString("en-US");
}
