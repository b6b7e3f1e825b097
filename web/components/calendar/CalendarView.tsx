"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { getCalendarSettings, listEvents, type CalendarSettings } from "@/lib/calendar-api";
import { nextWeek, previousWeek, readWeek, weekHref } from "@/lib/calendar-weeks";
import { useLoad } from "@/lib/use-load";
import { addDays, formatWeekRange, fromZoned, isKnownTimeZone, todayIn } from "@/lib/zoned-time";
import { Notice } from "../Notice";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";
import { CalendarSettingsForm } from "./CalendarSettingsForm";
import { SyncStatusPanel } from "./SyncStatusPanel";
import { WeekView } from "./WeekView";
import styles from "./CalendarView.module.css";

/**
 * The Calendar page: a week of the agent's events and calls in the time zone of their calendar settings
 * (the week in the URL, so reloads and back/forward keep it), how the calendar is kept in sync, and the
 * scheduling settings.
 */
export function CalendarView() {
  const { state, reload, set } = useLoad("calendar-settings", getCalendarSettings);

  return (
    <>
      {state.status === "loading" && (
        <>
          <PageHeader title="Calendar" />
          <p role="status" className="muted">
            Loading your calendar…
          </p>
        </>
      )}
      {state.status === "error" && (
        <>
          <PageHeader title="Calendar" />
          <ProblemAlert error={state.error} onRetry={reload} />
        </>
      )}
      {state.status === "loaded" && <CalendarWeek settings={state.value} />}
      {state.status === "loaded" && (
        <section id="scheduling" aria-labelledby="scheduling-heading" className={styles.settings}>
          <h2 id="scheduling-heading" className={styles.heading}>
            Scheduling settings
          </h2>
          <p className="muted">When you take calls: free times are offered only within these hours, in this time zone.</p>
          <CalendarSettingsForm settings={state.value} onSaved={set} />
        </section>
      )}
    </>
  );
}

function CalendarWeek({ settings }: { settings: CalendarSettings }) {
  const timeZone = isKnownTimeZone(settings.timeZone) ? settings.timeZone : "UTC";
  const monday = readWeek(useSearchParams(), timeZone);
  const start = fromZoned(monday, "00:00", timeZone);
  const end = fromZoned(addDays(monday, 7), "00:00", timeZone);
  const { state, reload } = useLoad(`${monday}|${timeZone}`, (signal) => listEvents(start, end, signal));
  const thisWeek = readWeek(new URLSearchParams(), timeZone);
  const [changed, setChanged] = useState("");

  function handleChanged(message: string) {
    setChanged(message);
    reload();
  }

  return (
    <>
      <PageHeader
        title="Calendar"
        actions={
          <nav aria-label="Weeks" className={styles.weeks}>
            <Link href={weekHref(previousWeek(monday))} className="button button-secondary">
              ← Previous week
            </Link>
            {monday !== thisWeek && (
              <Link href={weekHref(thisWeek)} className="button button-secondary">
                This week
              </Link>
            )}
            <Link href={weekHref(nextWeek(monday))} className="button button-secondary">
              Next week →
            </Link>
            <a href="#scheduling" className="button button-secondary">
              Scheduling settings
            </a>
          </nav>
        }
      >
        <span>
          Week of {formatWeekRange(monday)} · times in {timeZone}
        </span>
      </PageHeader>
      <SyncStatusPanel />
      {changed && (
        <Notice tone="success" role="status">
          <p>{changed}</p>
        </Notice>
      )}
      {state.status === "loading" && (
        <p role="status" className="muted">
          Loading the week…
        </p>
      )}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && (
        <WeekView monday={monday} today={todayIn(timeZone)} timeZone={timeZone} events={state.value} onChanged={handleChanged} />
      )}
    </>
  );
}
