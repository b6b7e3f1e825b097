"use client";

import Link from "next/link";
import { isCall, type CalendarEvent } from "@/lib/calendar-api";
import { addDays, formatDayHeading, formatTimeIn, fromZoned } from "@/lib/zoned-time";
import { CallActions } from "./CallActions";
import styles from "./WeekView.module.css";

interface WeekViewProps {
  /** The week's Monday, "YYYY-MM-DD" in the agent's zone. */
  monday: string;
  today: string;
  timeZone: string;
  events: CalendarEvent[];
  /** A call was moved or cancelled: what happened, in words, and the call as it is now (none if cancelled). */
  onChanged: (message: string, call?: CalendarEvent) => void;
}

/** Seven days from Monday, each with its events in order; calls stand out, with their client and actions, or, once held, their log. */
export function WeekView({ monday, today, timeZone, events, onChanged }: WeekViewProps) {
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  return (
    <div className={styles.week}>
      {days.map((date) => {
        const start = fromZoned(date, "00:00", timeZone).getTime();
        const end = fromZoned(addDays(date, 1), "00:00", timeZone).getTime();
        const dayEvents = events.filter((event) => Date.parse(event.startTime) < end && Date.parse(event.endTime) > start);
        const heading = formatDayHeading(date);
        return (
          <section key={date} aria-label={heading} className={`${styles.day} ${date === today ? styles.today : ""}`}>
            <h2 className={styles.dayHeading}>
              {heading}
              {date === today && <span className={styles.todayLabel}> · Today</span>}
            </h2>
            {dayEvents.length === 0 ? (
              <p className={styles.free}>Nothing scheduled</p>
            ) : (
              <ol className={styles.events}>
                {dayEvents.map((event) => (
                  <EventItem key={event.eventId} event={event} timeZone={timeZone} onChanged={onChanged} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}

function EventItem({ event, timeZone, onChanged }: { event: CalendarEvent; timeZone: string; onChanged: WeekViewProps["onChanged"] }) {
  const call = isCall(event);
  const when = event.allDay ? "All day" : `${formatTimeIn(event.startTime, timeZone)} – ${formatTimeIn(event.endTime, timeZone)}`;
  return (
    <li className={`${styles.event} ${call ? styles.call : ""} ${event.busy ? "" : styles.notBusy}`}>
      <p className={styles.when}>
        <time dateTime={event.startTime}>{when}</time>
        {call && <span className={styles.callBadge}>Call</span>}
        {call && event.heldAt && <span className={styles.heldBadge}>Held</span>}
      </p>
      {call ? (
        <>
          <p className={styles.title}>
            Call with{" "}
            <Link href={`/clients/${encodeURIComponent(event.clientId)}`} className={styles.client}>
              {event.clientName || "a client"}
            </Link>
          </p>
          {event.clientPhone && (
            <p className={styles.phone}>
              <a href={`tel:${event.clientPhone}`}>{event.clientPhone}</a>
            </p>
          )}
          {event.heldAt ? (
            <p className={styles.held}>
              Held at <time dateTime={event.heldAt}>{formatTimeIn(event.heldAt, timeZone)}</time>
              {event.callLogId && (
                <>
                  {" · "}
                  <Link href={`/calls/${encodeURIComponent(event.callLogId)}`}>
                    Call log <span className="visually-hidden">of the call with {event.clientName || "the client"}</span>
                  </Link>
                </>
              )}
            </p>
          ) : (
            <CallActions call={event} timeZone={timeZone} onChanged={onChanged} />
          )}
        </>
      ) : (
        <p className={styles.title}>{event.title || "(No title)"}</p>
      )}
    </li>
  );
}
