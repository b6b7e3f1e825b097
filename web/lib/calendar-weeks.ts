import { addDays, startOfWeek, todayIn, toZoned } from "./zoned-time";

export const calendarPagePath = "/calendar";

/**
 * The Monday of the week the calendar shows, in the agent's zone: `?week=YYYY-MM-DD` (any day of it), else
 * `?at=` a moment in it (a call just scheduled), else this week.
 */
export function readWeek(params: { get(name: string): string | null }, timeZone: string, now: Date = new Date()): string {
  const week = params.get("week");
  if (week && /^\d{4}-\d{2}-\d{2}$/.test(week) && !Number.isNaN(Date.parse(week))) return startOfWeek(week);
  const at = new Date(params.get("at") ?? "");
  return startOfWeek(Number.isNaN(at.getTime()) ? todayIn(timeZone, now) : toZoned(at, timeZone).date);
}

/** The calendar page at a week (its Monday). */
export function weekHref(monday: string): string {
  return `${calendarPagePath}?week=${monday}`;
}

/** The calendar page at the week a moment falls in, in the agent's zone. */
export function calendarAtHref(instant: string): string {
  return `${calendarPagePath}?at=${encodeURIComponent(instant)}`;
}

export function previousWeek(monday: string): string {
  return addDays(monday, -7);
}

export function nextWeek(monday: string): string {
  return addDays(monday, 7);
}
