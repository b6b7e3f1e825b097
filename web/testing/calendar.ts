/** Calendar.Service's answers as gRPC JSON transcoding sends them, for unit tests. */

export const eventId = "5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";

/** The default settings: Monday to Friday 9–17 in New York, 30-minute calls with 10 minutes between. */
export const settingsJson = {
  timeZone: "America/New_York",
  workingHours: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"].map((dayOfWeek) => ({
    dayOfWeek,
    start: { hours: 9 },
    end: { hours: 17 },
  })),
  callLengthMinutes: 30,
  bufferMinutes: 10,
  reminderMinutes: 10,
};

/** A call with Margaret on Tuesday 2026-03-03 at 10:00 in New York (15:00 UTC). */
export const callJson = {
  eventId,
  title: "Call with Margaret Oyelaran",
  startTime: "2026-03-03T15:00:00Z",
  endTime: "2026-03-03T15:30:00Z",
  provider: "local",
  clientId: "3f2b8c1e-5d4a-4e6b-9a7c-1d2e3f4a5b6c",
  clientName: "Margaret Oyelaran",
  clientPhone: "+15555550101",
  busy: true,
  reminderMinutes: 10,
};

/** An ordinary event (not a call) on Wednesday 2026-03-04, 13:00–14:00 in New York. */
export const meetingJson = {
  eventId: "e-meeting",
  title: "Team meeting",
  startTime: "2026-03-04T18:00:00Z",
  endTime: "2026-03-04T19:00:00Z",
  provider: "google",
  busy: true,
};

/** Free slots on Monday 2026-03-02 and Tuesday 2026-03-03 in New York. */
export const freeSlotsJson = {
  slots: [
    { startTime: "2026-03-02T14:00:00Z", endTime: "2026-03-02T14:30:00Z" },
    { startTime: "2026-03-02T14:40:00Z", endTime: "2026-03-02T15:10:00Z" },
    { startTime: "2026-03-03T16:00:00Z", endTime: "2026-03-03T16:30:00Z" },
  ],
  timeZone: "America/New_York",
};

/** ListFreeSlots' path for a range of days, as the app asks for it. */
export function freeSlotsPath(first: string, last: string, maxSlots: number): string {
  const [fy, fm, fd] = first.split("-").map(Number);
  const [ly, lm, ld] = last.split("-").map(Number);
  return `/api/calendar/free-slots?startDate.year=${fy}&startDate.month=${fm}&startDate.day=${fd}&endDate.year=${ly}&endDate.month=${lm}&endDate.day=${ld}&maxSlots=${maxSlots}`;
}

/** ListEvents' path for a range, as the app asks for it. */
export function eventsPath(start: string, end: string): string {
  return `/api/calendar/events?startTime=${encodeURIComponent(start)}&endTime=${encodeURIComponent(end)}`;
}
