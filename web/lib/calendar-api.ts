import { api } from "./api";
import { readAllPages } from "./pages";
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  asTimestamp,
  isoToDate,
  protoEnum,
  textToTime,
  timeToText,
} from "./proto-json";

/** Calendar.Service's API (`Contracts/Protos/calendar/v1/`, one `.proto` per feature) through the gateway. */
export const calendarPath = "/api/calendar";
export const calendarSettingsPath = `${calendarPath}/settings`;
export const syncStatusPath = `${calendarPath}/sync`;
export const feedPath = `${calendarPath}/feed`;

/** One event on the agent's calendar; a scheduled call has a `clientId`. */
export interface CalendarEvent {
  eventId: string;
  title: string;
  startTime: string;
  endTime: string;
  /** "local" or "google". */
  provider: string;
  clientId: string;
  clientName: string;
  clientPhone: string;
  allDay: boolean;
  busy: boolean;
  reminderMinutes: number;
  /** For a scheduled call: when it was held (its log saved), "" until then. */
  heldAt: string;
  /** For a held call: its call log's id. */
  callLogId: string;
}

export function toCalendarEvent(json: unknown): CalendarEvent {
  const body = asObject(json);
  return {
    eventId: asString(body.eventId),
    title: asString(body.title),
    startTime: asTimestamp(body.startTime) ?? "",
    endTime: asTimestamp(body.endTime) ?? "",
    provider: asString(body.provider),
    clientId: asString(body.clientId),
    clientName: asString(body.clientName),
    clientPhone: asString(body.clientPhone),
    allDay: asBoolean(body.allDay),
    busy: asBoolean(body.busy),
    reminderMinutes: asNumber(body.reminderMinutes),
    heldAt: asTimestamp(body.heldAt) ?? "",
    callLogId: asString(body.callLogId),
  };
}

export function isCall(event: CalendarEvent): boolean {
  return event.clientId !== "";
}

/** The events overlapping [start, end), ordered by start (every page of them). */
export async function listEvents(start: Date, end: Date, signal?: AbortSignal): Promise<CalendarEvent[]> {
  const query = new URLSearchParams({ startTime: start.toISOString(), endTime: end.toISOString() });
  return readAllPages(`${calendarPath}/events?${query}`, (page) => asArray(page.events).map(toCalendarEvent), signal);
}

/** The days of the week as google.type.DayOfWeek names them, Monday first. */
export const weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayLabels: Record<Weekday, string> = {
  MONDAY: "Monday",
  TUESDAY: "Tuesday",
  WEDNESDAY: "Wednesday",
  THURSDAY: "Thursday",
  FRIDAY: "Friday",
  SATURDAY: "Saturday",
  SUNDAY: "Sunday",
};

/** The hours of one working day, "HH:MM"; an `end` of "24:00" is midnight at the day's end. */
export interface WorkingHours {
  day: Weekday;
  start: string;
  end: string;
}

export interface CalendarSettings {
  timeZone: string;
  workingHours: WorkingHours[];
  callLengthMinutes: number;
  bufferMinutes: number;
  reminderMinutes: number;
  /** Unset while the settings are the defaults. */
  updatedAt?: string;
}

function readWeekday(value: unknown): Weekday | undefined {
  if (typeof value === "number") return weekdays[value - 1];
  return weekdays.find((day) => day === value);
}

export function toCalendarSettings(json: unknown): CalendarSettings {
  const body = asObject(json);
  return {
    timeZone: asString(body.timeZone),
    workingHours: asArray(body.workingHours).flatMap((item) => {
      const hours = asObject(item);
      const day = readWeekday(hours.dayOfWeek);
      return day ? [{ day, start: timeToText(hours.start) || "00:00", end: timeToText(hours.end) || "00:00" }] : [];
    }),
    callLengthMinutes: asNumber(body.callLengthMinutes),
    bufferMinutes: asNumber(body.bufferMinutes),
    reminderMinutes: asNumber(body.reminderMinutes),
    updatedAt: asTimestamp(body.updatedAt),
  };
}

/** The settings as UpdateCalendarSettings reads them (its body is the settings message itself). */
export function toCalendarSettingsJson(settings: CalendarSettings): Record<string, unknown> {
  return {
    timeZone: settings.timeZone,
    workingHours: settings.workingHours.map((hours) => ({
      dayOfWeek: hours.day,
      start: textToTime(hours.start),
      end: hours.end === "24:00" ? { hours: 24, minutes: 0, seconds: 0 } : textToTime(hours.end),
    })),
    callLengthMinutes: settings.callLengthMinutes,
    bufferMinutes: settings.bufferMinutes,
    reminderMinutes: settings.reminderMinutes,
  };
}

export async function getCalendarSettings(signal?: AbortSignal): Promise<CalendarSettings> {
  return toCalendarSettings(await api.get<unknown>(calendarSettingsPath, { signal, cache: "no-store" }));
}

/** Replaces every setting; bad values answer 400 naming the field (`timeZone`, `workingHours[2].end` …). */
export async function updateCalendarSettings(settings: CalendarSettings): Promise<CalendarSettings> {
  return toCalendarSettings(await api.put<unknown>(calendarSettingsPath, toCalendarSettingsJson(settings)));
}

export interface FreeSlot {
  startTime: string;
  endTime: string;
}

export interface FreeSlots {
  slots: FreeSlot[];
  /** The zone the days were read in. */
  timeZone: string;
}

/** Free call slots on the days [firstDay, lastDay] ("YYYY-MM-DD", the agent's zone), earliest first. */
export async function listFreeSlots(firstDay: string, lastDay: string, maxSlots: number, signal?: AbortSignal): Promise<FreeSlots> {
  const start = isoToDate(firstDay);
  const end = isoToDate(lastDay);
  const query = new URLSearchParams({
    "startDate.year": String(start?.year ?? 0),
    "startDate.month": String(start?.month ?? 0),
    "startDate.day": String(start?.day ?? 0),
    "endDate.year": String(end?.year ?? 0),
    "endDate.month": String(end?.month ?? 0),
    "endDate.day": String(end?.day ?? 0),
    maxSlots: String(maxSlots),
  });
  const body = asObject(await api.get<unknown>(`${calendarPath}/free-slots?${query}`, { signal, cache: "no-store" }));
  return {
    slots: asArray(body.slots).map((item) => {
      const slot = asObject(item);
      return { startTime: asTimestamp(slot.startTime) ?? "", endTime: asTimestamp(slot.endTime) ?? "" };
    }),
    timeZone: asString(body.timeZone),
  };
}

export interface ScheduleCallInput {
  /** Made once per intended call and sent again on retries, so a retry schedules nothing more. */
  requestId: string;
  clientId: string;
  startTime: string;
  notes: string;
}

/** Puts a call on the agent's calendar; a do-not-call client or a taken time answers 400 saying why. */
export async function scheduleCall(input: ScheduleCallInput): Promise<CalendarEvent> {
  return toCalendarEvent(
    await api.post<unknown>(`${calendarPath}/calls`, {
      requestId: input.requestId,
      clientId: input.clientId,
      startTime: input.startTime,
      notes: input.notes,
    }),
  );
}

function callPath(eventId: string, action: "reschedule" | "cancel"): string {
  return `${calendarPath}/calls/${encodeURIComponent(eventId)}:${action}`;
}

/** Moves a call, keeping its length. */
export async function rescheduleCall(eventId: string, startTime: string): Promise<CalendarEvent> {
  return toCalendarEvent(await api.post<unknown>(callPath(eventId, "reschedule"), { startTime }));
}

export async function cancelCall(eventId: string): Promise<void> {
  await api.post(callPath(eventId, "cancel"), {});
}

export const syncState = protoEnum("SYNC_STATE", ["full-sync", "synced", "backing-off", "failed", "reconnect-required"]);
export type SyncState = (typeof syncState.keys)[number];

/** How the agent's calendar is kept: the local calendar, or a copy of Google Calendar and its sync. */
export interface SyncStatus {
  provider: "local" | "google";
  /** Unset for the local calendar. */
  state?: SyncState;
  lastSyncedAt?: string;
  lastError: string;
  fullSyncEvents: number;
  fullSyncPages: number;
  nextSyncAt?: string;
  pushNotifications: boolean;
  reconnectRequired: boolean;
}

export function toSyncStatus(json: unknown): SyncStatus {
  const body = asObject(json);
  return {
    provider: asString(body.provider) === "google" ? "google" : "local",
    state: syncState.read(body.state),
    lastSyncedAt: asTimestamp(body.lastSyncedAt),
    lastError: asString(body.lastError),
    fullSyncEvents: asNumber(body.fullSyncEvents),
    fullSyncPages: asNumber(body.fullSyncPages),
    nextSyncAt: asTimestamp(body.nextSyncAt),
    pushNotifications: asBoolean(body.pushNotifications),
    reconnectRequired: asBoolean(body.reconnectRequired),
  };
}

export async function getSyncStatus(signal?: AbortSignal): Promise<SyncStatus> {
  return toSyncStatus(await api.get<unknown>(syncStatusPath, { signal, cache: "no-store" }));
}

/** Asks for a sync with Google now; it runs in the background. */
export async function syncNow(): Promise<SyncStatus> {
  return toSyncStatus(await api.post<unknown>(`${syncStatusPath}:run`, {}));
}

/** The agent's private iCalendar feed address. */
export interface CalendarFeed {
  url: string;
  createdAt?: string;
}

function toCalendarFeed(json: unknown): CalendarFeed {
  const body = asObject(json);
  return { url: asString(body.url), createdAt: asTimestamp(body.createdAt) };
}

/** The feed address, made on first ask. */
export async function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeed> {
  return toCalendarFeed(await api.get<unknown>(feedPath, { signal, cache: "no-store" }));
}

/** A new feed address; the old one stops working at once. */
export async function regenerateCalendarFeed(): Promise<CalendarFeed> {
  return toCalendarFeed(await api.post<unknown>(`${feedPath}:regenerate`, {}));
}
