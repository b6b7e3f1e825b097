import { beforeEach, describe, expect, it, vi } from "vitest";
import { callJson, eventId, eventsPath, freeSlotsJson, freeSlotsPath, meetingJson, settingsJson } from "@/testing/calendar";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ApiError } from "./api";
import {
  cancelCall,
  getCalendarFeed,
  getCalendarSettings,
  getSyncStatus,
  isCall,
  listEvents,
  listFreeSlots,
  regenerateCalendarFeed,
  rescheduleCall,
  scheduleCall,
  syncNow,
  toCalendarSettingsJson,
  toSyncStatus,
  updateCalendarSettings,
} from "./calendar-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("events", () => {
  it("lists a range's events, calls told apart by their client, defaults filled in", async () => {
    const start = "2026-03-02T05:00:00.000Z";
    const end = "2026-03-09T04:00:00.000Z";
    const requests = routeFetch(fetchMock, { [`GET ${eventsPath(start, end)}`]: () => jsonResponse({ events: [callJson, meetingJson] }) });

    const events = await listEvents(new Date(start), new Date(end));

    expect(events.map(isCall)).toEqual([true, false]);
    expect(events[1]).toEqual({
      eventId: "e-meeting",
      title: "Team meeting",
      startTime: "2026-03-04T18:00:00Z",
      endTime: "2026-03-04T19:00:00Z",
      provider: "google",
      clientId: "",
      clientName: "",
      clientPhone: "",
      allDay: false,
      busy: true,
      reminderMinutes: 0,
      heldAt: "",
      callLogId: "",
    });
    expect(requests[0]?.headers.has("X-CSRF")).toBe(false);
  });

  it("reads an empty range", async () => {
    routeFetch(fetchMock, { [`GET ${eventsPath("2026-03-02T00:00:00.000Z", "2026-03-03T00:00:00.000Z")}`]: () => jsonResponse({}) });

    await expect(listEvents(new Date("2026-03-02T00:00:00Z"), new Date("2026-03-03T00:00:00Z"))).resolves.toEqual([]);
  });

  it("follows nextPageToken until the last page, keeping the order", async () => {
    const start = "2026-03-02T05:00:00.000Z";
    const end = "2026-03-09T04:00:00.000Z";
    const requests = routeFetch(fetchMock, {
      [`GET ${eventsPath(start, end)}`]: () => jsonResponse({ events: [callJson], nextPageToken: "p/2+" }),
      [`GET ${eventsPath(start, end)}&pageToken=p%2F2%2B`]: () => jsonResponse({ events: [meetingJson] }),
    });

    const events = await listEvents(new Date(start), new Date(end));

    expect(events.map((e) => e.eventId)).toEqual([callJson.eventId, "e-meeting"]);
    expect(requests).toHaveLength(2);
  });
});

describe("calendar settings", () => {
  it("reads working hours by weekday, midnight at the day's end as 24:00", async () => {
    routeFetch(fetchMock, {
      "GET /api/calendar/settings": () =>
        jsonResponse({
          ...settingsJson,
          workingHours: [
            { dayOfWeek: "MONDAY", start: { hours: 8, minutes: 30 }, end: { hours: 24 } },
            { dayOfWeek: "SATURDAY", start: {}, end: { hours: 12 } },
          ],
          updatedAt: "2026-03-01T10:00:00Z",
        }),
    });

    await expect(getCalendarSettings()).resolves.toEqual({
      timeZone: "America/New_York",
      workingHours: [
        { day: "MONDAY", start: "08:30", end: "24:00" },
        { day: "SATURDAY", start: "00:00", end: "12:00" },
      ],
      callLengthMinutes: 30,
      bufferMinutes: 10,
      reminderMinutes: 10,
      updatedAt: "2026-03-01T10:00:00Z",
    });
  });

  it("replaces them all with PUT, the body being the settings message", async () => {
    const requests = routeFetch(fetchMock, { "PUT /api/calendar/settings": () => jsonResponse(settingsJson) });
    const settings = {
      timeZone: "Europe/London",
      workingHours: [{ day: "FRIDAY" as const, start: "09:00", end: "24:00" }],
      callLengthMinutes: 20,
      bufferMinutes: 5,
      reminderMinutes: 0,
    };

    await expect(updateCalendarSettings(settings)).resolves.toMatchObject({ timeZone: "America/New_York" });

    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.body).toEqual({
      timeZone: "Europe/London",
      workingHours: [{ dayOfWeek: "FRIDAY", start: { hours: 9, minutes: 0, seconds: 0 }, end: { hours: 24, minutes: 0, seconds: 0 } }],
      callLengthMinutes: 20,
      bufferMinutes: 5,
      reminderMinutes: 0,
    });
    expect(toCalendarSettingsJson({ ...settings, workingHours: [] }).workingHours).toEqual([]);
  });
});

describe("scheduling", () => {
  it("asks for free slots on a range of days in the agent's zone", async () => {
    routeFetch(fetchMock, { [`GET ${freeSlotsPath("2026-03-02", "2026-03-15", 40)}`]: () => jsonResponse(freeSlotsJson) });

    const free = await listFreeSlots("2026-03-02", "2026-03-15", 40);

    expect(free.timeZone).toBe("America/New_York");
    expect(free.slots[0]).toEqual({ startTime: "2026-03-02T14:00:00Z", endTime: "2026-03-02T14:30:00Z" });
  });

  it("schedules a call with its request id, and says why one is refused", async () => {
    let posts = 0;
    const requests = routeFetch(fetchMock, {
      "POST /api/calendar/calls": () =>
        ++posts === 1
          ? jsonResponse(callJson)
          : problemResponse({ title: "Bad Request", status: 400, detail: "Dan Nocall asked not to be called.", grpcStatus: "FailedPrecondition" }),
    });
    const input = { requestId: "r-1", clientId: callJson.clientId, startTime: "2026-03-03T15:00:00Z", notes: "Renewal" };

    await expect(scheduleCall(input)).resolves.toMatchObject({ eventId, clientName: "Margaret Oyelaran" });
    const refused = await scheduleCall({ ...input, requestId: "r-2" }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).detail).toBe("Dan Nocall asked not to be called.");
    expect(requests.map((request) => request.body)).toEqual([input, { ...input, requestId: "r-2" }]);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("moves and cancels a call by its event id", async () => {
    const requests = routeFetch(fetchMock, {
      [`POST /api/calendar/calls/${eventId}:reschedule`]: () => jsonResponse({ ...callJson, startTime: "2026-03-04T15:00:00Z" }),
      [`POST /api/calendar/calls/${eventId}:cancel`]: () => jsonResponse({}),
    });

    await expect(rescheduleCall(eventId, "2026-03-04T15:00:00Z")).resolves.toMatchObject({ startTime: "2026-03-04T15:00:00Z" });
    await expect(cancelCall(eventId)).resolves.toBeUndefined();

    expect(requests.map((request) => [request.body, request.headers.get("X-CSRF")])).toEqual([
      [{ startTime: "2026-03-04T15:00:00Z" }, "1"],
      [{}, "1"],
    ]);
  });
});

describe("sync status", () => {
  it("reads the local calendar's status with every default filled in", () => {
    expect(toSyncStatus({ provider: "local" })).toEqual({
      provider: "local",
      state: undefined,
      lastSyncedAt: undefined,
      lastError: "",
      fullSyncEvents: 0,
      fullSyncPages: 0,
      nextSyncAt: undefined,
      pushNotifications: false,
      reconnectRequired: false,
    });
  });

  it("reads a full sync in progress and asks for a sync now", async () => {
    const requests = routeFetch(fetchMock, {
      "GET /api/calendar/sync": () => jsonResponse({ provider: "google", state: "SYNC_STATE_FULL_SYNC", fullSyncEvents: 750, fullSyncPages: 3 }),
      "POST /api/calendar/sync:run": () => jsonResponse({ provider: "google", state: "SYNC_STATE_RECONNECT_REQUIRED", reconnectRequired: true }),
    });

    await expect(getSyncStatus()).resolves.toMatchObject({ provider: "google", state: "full-sync", fullSyncEvents: 750, fullSyncPages: 3 });
    await expect(syncNow()).resolves.toMatchObject({ state: "reconnect-required", reconnectRequired: true });
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
  });
});

describe("the iCalendar feed", () => {
  it("gets the address and replaces it", async () => {
    const requests = routeFetch(fetchMock, {
      "GET /api/calendar/feed": () => jsonResponse({ url: "https://app.example/api/calendar/feeds/abc.ics", createdAt: "2026-03-01T10:00:00Z" }),
      "POST /api/calendar/feed:regenerate": () => jsonResponse({ url: "https://app.example/api/calendar/feeds/def.ics", createdAt: "2026-03-02T10:00:00Z" }),
    });

    await expect(getCalendarFeed()).resolves.toEqual({ url: "https://app.example/api/calendar/feeds/abc.ics", createdAt: "2026-03-01T10:00:00Z" });
    await expect(regenerateCalendarFeed()).resolves.toEqual({ url: "https://app.example/api/calendar/feeds/def.ics", createdAt: "2026-03-02T10:00:00Z" });
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
  });
});
