"use client";

import { useState } from "react";
import { scheduleCall, type CalendarEvent } from "@/lib/calendar-api";
import { TextAreaField } from "../forms/inputs";
import { CallTimeDialog } from "./CallTimeDialog";

export interface ScheduleCallDialogProps {
  client: { clientId: string; displayName: string };
  onClose: () => void;
  onScheduled: (call: CalendarEvent) => void;
}

/**
 * Schedules a call with a client at one of the next free slots. The request id is made once, when the dialog
 * opens: a second click or a retry after a failure is the same request, so the service makes one call at most.
 */
export function ScheduleCallDialog({ client, onClose, onScheduled }: ScheduleCallDialogProps) {
  const [requestId] = useState(() => crypto.randomUUID());
  const [notes, setNotes] = useState("");

  return (
    <CallTimeDialog
      title={`Schedule a call with ${client.displayName}`}
      submitLabel="Schedule call"
      refusedTitle="The call was not scheduled"
      pendingLabel="Scheduling…"
      onClose={onClose}
      save={async (startTime) => onScheduled(await scheduleCall({ requestId, clientId: client.clientId, startTime, notes: notes.trim() }))}
      fields={(errors) => (
        <TextAreaField
          id="call-notes"
          label="Notes for the event"
          errors={errors.for("notes")}
          hint="Optional; shown in the event's description."
          maxLength={2000}
          value={notes}
          onChange={setNotes}
        />
      )}
    />
  );
}
