import Link from "next/link";
import type { CalendarEvent } from "@/lib/calendar-api";
import { calendarAtHref } from "@/lib/calendar-weeks";
import { Notice } from "../Notice";
import { Time } from "../Time";

/** Says a call was scheduled (or moved), when, and links to its week on the calendar. */
export function CallScheduledNotice({ call, children }: { call: CalendarEvent; children?: React.ReactNode }) {
  return (
    <Notice
      tone="success"
      role="status"
      actions={
        <Link href={calendarAtHref(call.startTime)} className="button button-secondary">
          See it on the calendar
        </Link>
      }
    >
      <p>
        Call with {call.clientName || "the client"} scheduled for <Time value={call.startTime} />.{children && <> {children}</>}
      </p>
    </Notice>
  );
}
