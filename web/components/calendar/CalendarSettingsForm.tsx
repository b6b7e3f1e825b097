"use client";

import { useState, type FormEvent } from "react";
import {
  updateCalendarSettings,
  weekdayLabels,
  weekdays,
  type CalendarSettings,
  type Weekday,
  type WorkingHours,
} from "@/lib/calendar-api";
import { wholeNumber } from "@/lib/format";
import { fieldMessage } from "../forms/Field";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import { NumberField, TextField } from "../forms/inputs";
import { TimeZoneOptions } from "../forms/TimeZoneOptions";
import form from "../forms/form.module.css";
import fieldStyles from "../forms/Field.module.css";
import { useSave } from "../forms/use-save";
import styles from "./CalendarSettingsForm.module.css";

interface DayText {
  works: boolean;
  start: string;
  end: string;
}

interface SettingsText {
  timeZone: string;
  days: Record<Weekday, DayText>;
  callLengthMinutes: string;
  bufferMinutes: string;
  reminderMinutes: string;
}

function toText(settings: CalendarSettings): SettingsText {
  const days = Object.fromEntries(
    weekdays.map((day) => {
      const hours = settings.workingHours.find((entry) => entry.day === day);
      // A time input holds 00:00 to 23:59: midnight at the day's end shows as 00:00, which the service reads so.
      return [day, hours ? { works: true, start: hours.start, end: hours.end === "24:00" ? "00:00" : hours.end } : { works: false, start: "09:00", end: "17:00" }];
    }),
  ) as Record<Weekday, DayText>;
  return {
    timeZone: settings.timeZone,
    days,
    callLengthMinutes: String(settings.callLengthMinutes),
    bufferMinutes: String(settings.bufferMinutes),
    reminderMinutes: String(settings.reminderMinutes),
  };
}

/** The settings counted in minutes, each with the range the service takes. */
const minuteFields = [
  { key: "callLengthMinutes", id: "calendar-call-length", label: "Call length (minutes)", hint: "5 to 240.", min: 5, max: 240 },
  {
    key: "bufferMinutes",
    id: "calendar-buffer",
    label: "Buffer between calls (minutes)",
    hint: "0 to 120, kept free around every busy event.",
    min: 0,
    max: 120,
  },
  { key: "reminderMinutes", id: "calendar-reminder", label: "Reminder (minutes before)", hint: "0 for none, up to 1440.", min: 0, max: 1440 },
] as const;

interface CalendarSettingsFormProps {
  settings: CalendarSettings;
  onSaved: (saved: CalendarSettings) => void;
}

/** The agent's time zone, working hours per weekday, call length, buffer and reminder, saved all at once. */
export function CalendarSettingsForm({ settings, onSaved }: CalendarSettingsFormProps) {
  const [text, setText] = useState(() => toText(settings));
  const [sentDays, setSentDays] = useState<Weekday[]>([]);
  const { save, saving, saved, error, edited } = useSave(onSaved);

  function change(update: Partial<SettingsText>) {
    edited();
    setText((current) => ({ ...current, ...update }));
  }

  function changeDay(day: Weekday, update: Partial<DayText>) {
    edited();
    setText((current) => ({ ...current, days: { ...current.days, [day]: { ...current.days[day], ...update } } }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const workingHours: WorkingHours[] = weekdays
      .filter((day) => text.days[day].works)
      .map((day) => ({ day, start: text.days[day].start, end: text.days[day].end }));
    setSentDays(workingHours.map((hours) => hours.day));
    await save(() =>
      updateCalendarSettings({
        timeZone: text.timeZone.trim(),
        workingHours,
        // A count that is not a whole number is sent as -1, which the API refuses in its own words.
        callLengthMinutes: wholeNumber(text.callLengthMinutes) ?? -1,
        bufferMinutes: wholeNumber(text.bufferMinutes) ?? -1,
        reminderMinutes: wholeNumber(text.reminderMinutes) ?? -1,
      }),
    );
  }

  const errors = new FormErrors(error);
  /** The API names a day by its place in the list sent (`workingHours[2].end`). */
  const dayErrors = (day: Weekday) => {
    const index = sentDays.indexOf(day);
    if (index < 0) return [];
    const prefix = `workingHours[${index}]`;
    return [
      ...errors.for(`${prefix}.dayOfWeek`, prefix).map((message) => fieldMessage(weekdayLabels[day], message)),
      ...errors.for(`${prefix}.start`).map((message) => fieldMessage("Start", message)),
      ...errors.for(`${prefix}.end`).map((message) => fieldMessage("End", message)),
    ];
  };
  const timeZoneErrors = errors.for("timeZone");

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label="Scheduling settings">
      <FormProblem errors={errors} what="settings" />
      <div className={form.grid}>
        <TextField
          id="calendar-time-zone"
          label="Time zone"
          errors={timeZoneErrors}
          hint="An IANA name, e.g. America/New_York."
          list="calendar-time-zones"
          autoComplete="off"
          value={text.timeZone}
          onChange={(value) => change({ timeZone: value })}
        />
        {minuteFields.map(({ key, ...field }) => (
          <NumberField key={key} {...field} errors={errors.for(key)} value={text[key]} onChange={(value) => change({ [key]: value })} />
        ))}
      </div>
      <TimeZoneOptions id="calendar-time-zones" />

      <fieldset className={styles.days}>
        <legend className={styles.legend}>Working hours</legend>
        {weekdays.map((day) => {
          const label = weekdayLabels[day];
          const hours = text.days[day];
          const messages = dayErrors(day);
          const errorId = messages.length > 0 ? `working-${day}-error` : undefined;
          return (
            <div key={day} role="group" aria-label={label} className={`${styles.day} ${messages.length > 0 ? fieldStyles.invalid : ""}`}>
              <label className={form.check}>
                <input type="checkbox" checked={hours.works} onChange={(event) => changeDay(day, { works: event.target.checked })} />
                {label}
              </label>
              {hours.works ? (
                <span className={styles.hours}>
                  <input
                    type="time"
                    className={form.input}
                    aria-label={`${label} from`}
                    aria-describedby={errorId}
                    aria-invalid={messages.length > 0 ? true : undefined}
                    value={hours.start}
                    onChange={(event) => changeDay(day, { start: event.target.value })}
                  />
                  <span aria-hidden="true">to</span>
                  <input
                    type="time"
                    className={form.input}
                    aria-label={`${label} until`}
                    aria-describedby={errorId}
                    aria-invalid={messages.length > 0 ? true : undefined}
                    value={hours.end}
                    onChange={(event) => changeDay(day, { end: event.target.value })}
                  />
                </span>
              ) : (
                <span className="muted">No calls</span>
              )}
              {errorId && (
                <p id={errorId} className={`${fieldStyles.error} ${styles.dayError}`}>
                  {messages.join(" ")}
                </p>
              )}
            </div>
          );
        })}
        <p className={fieldStyles.hint}>An end of 00:00 means midnight at the end of the day.</p>
      </fieldset>

      <div className={form.actions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save scheduling settings"}
        </button>
        <p role="status" className={styles.saved}>
          {saved ? "Saved. Free times follow the new settings." : ""}
        </p>
      </div>
    </form>
  );
}
