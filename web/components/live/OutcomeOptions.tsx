import { outcomes } from "@/lib/call-logs-api";

/** A select's options for a call's outcome, with "Choose…" for none yet. */
export function OutcomeOptions() {
  return (
    <>
      <option value="">Choose…</option>
      {outcomes.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}
