"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import { liveCallApi } from "@/lib/live-call-api";

interface StartCallButtonProps {
  client: { clientId: string; displayName: string };
  /** The calendar event the call was scheduled as; it is marked held once the call is logged. */
  calendarEventId?: string;
  className?: string;
}

/** "Start call": starts a call with the client and opens the live-call screen. */
export function StartCallButton({ client, calendarEventId = "", className = "button button-primary" }: StartCallButtonProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const callId = await liveCallApi.start(client.clientId, calendarEventId);
      router.push(`/calls/live/${encodeURIComponent(callId)}`);
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={start} disabled={pending}>
        {pending ? "Starting…" : "Start call"} <span className="visually-hidden">with {client.displayName}</span>
      </button>
      {error && <ProblemAlert error={error} />}
    </>
  );
}
