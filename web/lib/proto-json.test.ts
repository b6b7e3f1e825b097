import { describe, expect, it } from "vitest";
import { asNumber, dateToIso, isoToDate, protoEnum, textToTime, timeToText } from "./proto-json";

describe("proto3 JSON", () => {
  it("reads a google.type.Date as YYYY-MM-DD, and an absent or partial one as empty", () => {
    expect(dateToIso({ year: 2027, month: 3, day: 1 })).toBe("2027-03-01");
    expect(dateToIso(undefined)).toBe("");
    expect(dateToIso({})).toBe("");
    expect(dateToIso({ year: 2027, month: 3 })).toBe("");
  });

  it("writes YYYY-MM-DD as a google.type.Date, and empty as unset", () => {
    expect(isoToDate("2027-03-01")).toEqual({ year: 2027, month: 3, day: 1 });
    expect(isoToDate("")).toBeUndefined();
  });

  it("reads a TimeOfDay whose zero parts are left out, midnight included", () => {
    expect(timeToText({ hours: 9 })).toBe("09:00");
    expect(timeToText({ hours: 17, minutes: 30 })).toBe("17:30");
    expect(timeToText({})).toBe("00:00");
    expect(timeToText(undefined)).toBe("");
  });

  it("writes HH:MM as a TimeOfDay, and empty as unset", () => {
    expect(textToTime("09:05")).toEqual({ hours: 9, minutes: 5, seconds: 0 });
    expect(textToTime("")).toBeUndefined();
  });

  it("reads int64 strings as numbers", () => {
    expect(asNumber("42")).toBe(42);
    expect(asNumber(7)).toBe(7);
    expect(asNumber(undefined)).toBe(0);
    expect(asNumber("abc")).toBe(0);
  });

  it("reads enums by name or number and writes them by name", () => {
    const status = protoEnum("POLICY_STATUS", ["quote", "active", "pending-renewal"]);
    expect(status.read("POLICY_STATUS_PENDING_RENEWAL")).toBe("pending-renewal");
    expect(status.read(2)).toBe("active");
    expect(status.read("POLICY_STATUS_UNSPECIFIED")).toBeUndefined();
    expect(status.read(undefined)).toBeUndefined();
    expect(status.write("pending-renewal")).toBe("POLICY_STATUS_PENDING_RENEWAL");
  });
});
