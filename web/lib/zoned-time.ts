/**
 * Days and times in the agent's calendar time zone (an IANA name), which need not be the browser's: the week
 * shown, the days slots are asked for, and the times typed in are all read in it. Calendar dates are
 * "YYYY-MM-DD", wall-clock times "HH:MM".
 */

const locale = "en-US";

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Whether the browser knows the zone (an agent's setting could name one this browser lacks). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface ZonedDateTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM" */
  time: string;
  /** Minutes since the day's midnight. */
  minutes: number;
}

/** A moment as the date and wall-clock time in a zone. */
export function toZoned(instant: Date, timeZone: string): ZonedDateTime {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${String(hour).padStart(2, "0")}:${parts.minute}`,
    minutes: hour * 60 + minute,
  };
}

/** Today's date in a zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return toZoned(now, timeZone).date;
}

function utcOf(date: string, time = "00:00"): number {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
}

/** How far the zone's clock is ahead of UTC at a moment, in milliseconds (to the minute). */
function offsetAt(epochMs: number, timeZone: string): number {
  const zoned = toZoned(new Date(epochMs), timeZone);
  return utcOf(zoned.date, zoned.time) - Math.floor(epochMs / 60_000) * 60_000;
}

function readsAs(epochMs: number, wall: number, timeZone: string): boolean {
  return offsetAt(epochMs, timeZone) + epochMs === wall;
}

/**
 * The moment a wall-clock time on a date happens in a zone. A time skipped by a daylight-saving change is read
 * with the offset from before the change (02:30 on a spring-forward day in New York is 03:30); a repeated one is
 * its first occurrence.
 */
export function fromZoned(date: string, time: string, timeZone: string): Date {
  const wall = utcOf(date, time);
  const day = 86_400_000;
  // A zone changes its offset at most once around a given day: try the offsets on either side of it.
  const before = wall - offsetAt(wall - day, timeZone);
  const after = wall - offsetAt(wall + day, timeZone);
  const matches = [before, after].filter((candidate) => readsAs(candidate, wall, timeZone));
  return new Date(matches.length > 0 ? Math.min(...matches) : before);
}

/** The date `count` days after (or before) a date. */
export function addDays(date: string, count: number): string {
  return new Date(utcOf(date) + count * 86_400_000).toISOString().slice(0, 10);
}

/** 1 for Monday … 7 for Sunday (ISO). */
export function isoWeekday(date: string): number {
  const day = new Date(utcOf(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date is in. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** "Mon, Mar 2" for a date. */
export function formatDayHeading(date: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(utcOf(date)),
  );
}

/** "Monday, March 2" for a date. */
export function formatLongDay(date: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(utcOf(date)),
  );
}

/** "Mar 2 – 8, 2026" (or across months and years) for the week starting on a Monday. */
export function formatWeekRange(monday: string): string {
  const format = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return format.formatRange(new Date(utcOf(monday)), new Date(utcOf(addDays(monday, 6))));
}

/** "9:30 AM" for a moment, in a zone. */
export function formatTimeIn(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(instant));
}

/** "Mon, Mar 2, 9:30 AM" for a moment, in a zone. */
export function formatDateTimeIn(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(instant));
}
