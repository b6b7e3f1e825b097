"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { cancelCall, type CalendarEvent } from "@/lib/calendar-api";
import { formatDateTimeIn } from "@/lib/zoned-time";
import { StartCallButton } from "../live/StartCallButton";
import { ProblemAlert } from "../ProblemAlert";
import { RescheduleCallDialog } from "./RescheduleCallDialog";
import styles from "./WeekView.module.css";

interface CallActionsProps {
  call: CalendarEvent;
  timeZone: string;
  onChanged: (message: string, call?: CalendarEvent) => void;
}

/** Start (the live-call screen), Reschedule (a dialog of free times) and Cancel (asked first) for one scheduled call. */
export function CallActions({ call, timeZone, onChanged }: CallActionsProps) {
  const [rescheduling, setRescheduling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const who = call.clientName || "the client";

  async function handleCancel() {
    setPending(true);
    setError(null);
    try {
      await cancelCall(call.eventId);
      onChanged(`The call with ${who} on ${formatDateTimeIn(call.startTime, timeZone)} is cancelled.`);
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  return (
    <>
      {!confirming && (
        <div className={styles.actions}>
          <StartCallButton client={{ clientId: call.clientId, displayName: who }} calendarEventId={call.eventId} className={styles.action} />
          <button type="button" className={styles.action} onClick={() => setRescheduling(true)} aria-haspopup="dialog">
            Reschedule <span className="visually-hidden">the call with {who}</span>
          </button>
          <button type="button" className={styles.action} onClick={() => setConfirming(true)}>
            Cancel <span className="visually-hidden">the call with {who}</span>
          </button>
        </div>
      )}
      {confirming && (
        <div role="group" aria-label={`Cancel the call with ${who}?`} className={styles.confirm}>
          <p>Cancel the call with {who}? It is removed from your calendar.</p>
          <div className={styles.actions}>
            <button type="button" className="button button-danger" onClick={handleCancel} disabled={pending}>
              {pending ? "Cancelling…" : "Cancel call"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} disabled={pending} autoFocus>
              Keep it
            </button>
          </div>
          {error && <ProblemAlert error={error} />}
        </div>
      )}
      {rescheduling && (
        <RescheduleCallDialog
          call={call}
          timeZone={timeZone}
          onClose={() => setRescheduling(false)}
          onRescheduled={(moved) => {
            setRescheduling(false);
            onChanged(`The call with ${who} is moved to ${formatDateTimeIn(moved.startTime, timeZone)}.`, moved);
          }}
        />
      )}
    </>
  );
}
