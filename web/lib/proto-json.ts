/**
 * Reading and writing proto3 JSON as gRPC JSON transcoding sends it: camelCase names, enums by name,
 * int64 as strings, google.type.Date as `{year, month, day}`, google.type.TimeOfDay as
 * `{hours, minutes, …}`, and any field at its default value (0, false, "", [], unset enum) possibly
 * absent — so every reader here fills the default in.
 */

export interface DateJson {
  year?: number;
  month?: number;
  day?: number;
}

export interface TimeOfDayJson {
  hours?: number;
  minutes?: number;
  seconds?: number;
  nanos?: number;
}

export function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function asNumber(value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return 0;
}

export function asBoolean(value: unknown): boolean {
  return value === true;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asStrings(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === "string");
}

export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An RFC 3339 timestamp, or undefined when absent. */
export function asTimestamp(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** A google.type.Date as "YYYY-MM-DD" (what `<input type="date">` holds); "" when absent or incomplete. */
export function dateToIso(value: unknown): string {
  const date = asObject(value) as DateJson;
  const year = asNumber(date.year);
  const month = asNumber(date.month);
  const day = asNumber(date.day);
  if (!year || !month || !day) return "";
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" as a google.type.Date; undefined for "" (the field is left unset). */
export function isoToDate(value: string): DateJson | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * A google.type.TimeOfDay as "HH:MM" (what `<input type="time">` holds); "" when absent. Midnight
 * arrives as `{}` (every part at its default), which is still a time.
 */
export function timeToText(value: unknown): string {
  if (value === null || typeof value !== "object") return "";
  const time = value as TimeOfDayJson;
  return `${String(asNumber(time.hours)).padStart(2, "0")}:${String(asNumber(time.minutes)).padStart(2, "0")}`;
}

/** "HH:MM" (or "HH:MM:SS") as a google.type.TimeOfDay; undefined for "". */
export function textToTime(value: string): TimeOfDayJson | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  return { hours: Number(match[1]), minutes: Number(match[2]), seconds: Number(match[3] ?? 0) };
}

/**
 * A proto enum read and written by name. Keys are short lower-case names (`pending-renewal`); on the
 * wire they are `PREFIX_PENDING_RENEWAL`, numbered from 1 in the order given.
 */
export interface ProtoEnum<K extends string> {
  readonly keys: readonly K[];
  /** The key for a wire value (name or number); undefined for unspecified or unknown values. */
  read(value: unknown): K | undefined;
  /** The wire name of a key. */
  write(key: K): string;
}

export function protoEnum<const K extends string>(prefix: string, keys: readonly K[]): ProtoEnum<K> {
  const write = (key: K) => `${prefix}_${key.toUpperCase().replaceAll("-", "_")}`;
  const byName = new Map(keys.map((key) => [write(key), key]));
  return {
    keys,
    write,
    read(value) {
      if (typeof value === "number") return keys[value - 1];
      if (typeof value === "string") return byName.get(value);
      return undefined;
    },
  };
}
