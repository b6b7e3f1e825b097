import { formatDate, formatDateTime } from "@/lib/format";

/** A moment (RFC 3339) in the agent's time zone, machine-readable in `dateTime`. */
export function Time({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

/** A calendar date ("YYYY-MM-DD"), machine-readable in `dateTime`. */
export function DateText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDate(value)}</time>;
}
