"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { listFreeSlots } from "@/lib/calendar-api";
import { slotDaysPerPage, slotsPerPage, toSlotPage, type SlotDay, type SlotPage } from "@/lib/slot-days";
import { useLoad } from "@/lib/use-load";
import { addDays, formatDateTimeIn, formatLongDay, formatTimeIn, fromZoned, todayIn } from "@/lib/zoned-time";
import { ProblemAlert } from "../ProblemAlert";
import { fieldMessage } from "../forms/Field";
import form from "../forms/form.module.css";
import styles from "./SlotPicker.module.css";

const otherTime = "other";

async function loadSlots(firstDay: string, signal?: AbortSignal): Promise<SlotPage> {
  const free = await listFreeSlots(firstDay, addDays(firstDay, slotDaysPerPage - 1), slotsPerPage, signal);
  return toSlotPage(free, firstDay, slotsPerPage);
}

interface SlotPickerProps {
  /** Called with the chosen start (RFC 3339), or "" while none is chosen. */
  onChange: (startTime: string) => void;
  /** The API's messages about the start time. */
  errors: string[];
  /** Changes when the slots must be read again (e.g. the chosen one was taken meanwhile). */
  version: number;
}

/**
 * The next free slots for a call, day by day in the agent's time zone (as the service reckons them), with
 * later days on request and "another time" typed in by hand.
 */
export function SlotPicker({ onChange, errors, version }: SlotPickerProps) {
  // Yesterday in the browser's zone is on or before today in any zone; the service leaves out past slots.
  const { state, reload } = useLoad(String(version), (signal) => loadSlots(addDays(todayIn(browserZone()), -1), signal));
  const errorId = errors.length > 0 ? "call-start-error" : undefined;

  return (
    <fieldset className={styles.picker} aria-describedby={errorId} aria-invalid={errors.length > 0 ? true : undefined}>
      <legend className={styles.legend}>When</legend>
      {state.status === "loading" && (
        <p role="status" className="muted">
          Finding free times…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && <SlotDays key={version} first={state.value} onChange={onChange} />}
      {errorId && (
        <p id={errorId} className={styles.error}>
          {errors.map((message) => fieldMessage("The time", message)).join(" ")}
        </p>
      )}
    </fieldset>
  );
}

function SlotDays({ first, onChange }: { first: SlotPage; onChange: (startTime: string) => void }) {
  const [days, setDays] = useState<SlotDay[]>(first.days);
  const [nextFirstDay, setNextFirstDay] = useState(first.nextFirstDay);
  const [choice, setChoice] = useState("");
  const [otherDate, setOtherDate] = useState("");
  const [otherClock, setOtherClock] = useState("");
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const timeZone = first.timeZone;

  function choose(value: string, date = otherDate, clock = otherClock) {
    setChoice(value);
    if (value !== otherTime) onChange(value);
    else onChange(date && clock ? fromZoned(date, clock, timeZone).toISOString() : "");
  }

  async function showLater() {
    setLoading(true);
    setError(null);
    try {
      const page = await loadSlots(nextFirstDay);
      setDays((current) => [...current, ...page.days]);
      setNextFirstDay(page.nextFirstDay);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <p className={styles.zone}>Times in {timeZone}.</p>
      {days.length === 0 && <p className="muted">No free times in the next two weeks of your working hours.</p>}
      <div className={styles.days}>
        {days.map((day) => (
          <div key={day.date} role="group" aria-label={formatLongDay(day.date)} className={styles.day}>
            <p className={styles.dayName}>{formatLongDay(day.date)}</p>
            <div className={styles.slots}>
              {day.slots.map((slot) => (
                <label key={slot.startTime} className={styles.slot}>
                  <input
                    type="radio"
                    name="call-start"
                    value={slot.startTime}
                    checked={choice === slot.startTime}
                    onChange={() => choose(slot.startTime)}
                    aria-label={formatDateTimeIn(slot.startTime, timeZone)}
                  />
                  <span aria-hidden="true">{formatTimeIn(slot.startTime, timeZone)}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
      {error && <ProblemAlert error={error} />}
      <button type="button" className="button button-secondary" onClick={showLater} disabled={loading}>
        {loading ? "Loading…" : "Show later days"}
      </button>
      <div className={styles.other}>
        <label className={form.check}>
          <input type="radio" name="call-start" value={otherTime} checked={choice === otherTime} onChange={() => choose(otherTime)} />
          Another time
        </label>
        {choice === otherTime && (
          <div className={styles.otherFields}>
            <label>
              <span className={styles.otherLabel}>Date</span>
              <input
                type="date"
                className={form.input}
                value={otherDate}
                onChange={(event) => {
                  setOtherDate(event.target.value);
                  choose(otherTime, event.target.value, otherClock);
                }}
              />
            </label>
            <label>
              <span className={styles.otherLabel}>Time ({timeZone})</span>
              <input
                type="time"
                className={form.input}
                value={otherClock}
                onChange={(event) => {
                  setOtherClock(event.target.value);
                  choose(otherTime, otherDate, event.target.value);
                }}
              />
            </label>
          </div>
        )}
      </div>
    </>
  );
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
