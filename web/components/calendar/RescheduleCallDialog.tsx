"use client";

import { rescheduleCall, type CalendarEvent } from "@/lib/calendar-api";
import { formatDateTimeIn } from "@/lib/zoned-time";
import { CallTimeDialog } from "./CallTimeDialog";

interface RescheduleCallDialogProps {
  call: CalendarEvent;
  timeZone: string;
  onClose: () => void;
  onRescheduled: (call: CalendarEvent) => void;
}

/** Moves a scheduled call to another free time, keeping its length. */
export function RescheduleCallDialog({ call, timeZone, onClose, onRescheduled }: RescheduleCallDialogProps) {
  return (
    <CallTimeDialog
      title={`Reschedule the call with ${call.clientName || call.title}`}
      submitLabel="Move call"
      refusedTitle="The call was not moved"
      pendingLabel="Moving…"
      onClose={onClose}
      save={async (startTime) => onRescheduled(await rescheduleCall(call.eventId, startTime))}
      fields={() => <p className="muted">Now: {formatDateTimeIn(call.startTime, timeZone)}.</p>}
    />
  );
}
