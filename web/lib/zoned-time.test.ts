import { describe, expect, it } from "vitest";
import {
  addDays,
  formatDateTimeIn,
  formatDayHeading,
  formatTimeIn,
  formatWeekRange,
  fromZoned,
  isKnownTimeZone,
  isoWeekday,
  startOfWeek,
  toZoned,
  todayIn,
} from "./zoned-time";

describe("times in the agent's zone", () => {
  it("reads a moment as the date and wall-clock time of a zone", () => {
    expect(toZoned(new Date("2026-03-03T15:00:00Z"), "America/New_York")).toEqual({ date: "2026-03-03", time: "10:00", minutes: 600 });
    expect(toZoned(new Date("2026-03-03T02:30:00Z"), "America/New_York")).toEqual({ date: "2026-03-02", time: "21:30", minutes: 1290 });
    expect(toZoned(new Date("2026-03-03T00:05:00Z"), "UTC")).toEqual({ date: "2026-03-03", time: "00:05", minutes: 5 });
    expect(todayIn("Asia/Tokyo", new Date("2026-03-03T20:00:00Z"))).toBe("2026-03-04");
  });

  it("finds the moment of a wall-clock time, on either side of daylight saving", () => {
    expect(fromZoned("2026-03-03", "10:00", "America/New_York").toISOString()).toBe("2026-03-03T15:00:00.000Z");
    // New York springs forward on 2026-03-08 at 02:00.
    expect(fromZoned("2026-03-08", "01:30", "America/New_York").toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(fromZoned("2026-03-08", "03:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(fromZoned("2026-03-09", "09:00", "America/New_York").toISOString()).toBe("2026-03-09T13:00:00.000Z");
    // London falls back on 2026-10-25 at 02:00: 01:30 happens twice, the first time counts.
    expect(fromZoned("2026-10-25", "01:30", "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(fromZoned("2026-10-25", "09:00", "Europe/London").toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("reads a time skipped by the spring change with the offset from before it", () => {
    expect(fromZoned("2026-03-08", "02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("counts days and weeks from Monday", () => {
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(addDays("2026-03-02", -7)).toBe("2026-02-23");
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(startOfWeek("2026-03-08")).toBe("2026-03-02");
    expect(startOfWeek("2026-03-02")).toBe("2026-03-02");
  });

  it("says which zones the browser knows", () => {
    expect(isKnownTimeZone("Europe/London")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });

  it("words days, weeks and times", () => {
    expect(formatDayHeading("2026-03-02")).toBe("Mon, Mar 2");
    expect(formatWeekRange("2026-03-02")).toMatch(/^Mar 2\s*–\s*8, 2026$/);
    expect(formatWeekRange("2026-12-28")).toMatch(/^Dec 28, 2026\s*–\s*Jan 3, 2027$/);
    expect(formatTimeIn("2026-03-03T15:00:00Z", "America/New_York")).toMatch(/^10:00\sAM$/);
    expect(formatDateTimeIn("2026-03-03T15:00:00Z", "Europe/London")).toMatch(/^Tue, Mar 3, 3:00\sPM$/);
  });
});
