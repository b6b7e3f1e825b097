"use client";

import { useState } from "react";
import type { CalendarEvent } from "@/lib/calendar-api";
import { ScheduleCallDialog } from "./ScheduleCallDialog";

interface ScheduleCallButtonProps {
  client: { clientId: string; displayName: string };
  onScheduled: (call: CalendarEvent) => void;
  className?: string;
}

/** "Schedule call", opening the dialog; each opening is a new intended call with its own request id. */
export function ScheduleCallButton({ client, onScheduled, className = "button button-primary" }: ScheduleCallButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Schedule call <span className="visually-hidden">with {client.displayName}</span>
      </button>
      {open && (
        <ScheduleCallDialog
          client={client}
          onClose={() => setOpen(false)}
          onScheduled={(call) => {
            setOpen(false);
            onScheduled(call);
          }}
        />
      )}
    </>
  );
}
