import { describe, expect, it } from "vitest";
import { days, formatDate, formatMoney, majorToMinor, minorToMajor, wholeNumber } from "./format";

describe("format", () => {
  it("shows a calendar date without shifting it by a time zone", () => {
    expect(formatDate("2027-03-01")).toBe("Mar 1, 2027");
  });

  it("reads a typed whole number, and nothing else", () => {
    expect(wholeNumber("30")).toBe(30);
    expect(wholeNumber(" 7 ")).toBe(7);
    expect(wholeNumber("0")).toBe(0);
    for (const text of ["", "  ", "1.5", "-3", "1e3", "12 days", "+4", "0x10"]) expect(wholeNumber(text)).toBeUndefined();
  });

  it("counts days in words", () => {
    expect(days(1)).toBe("1 day");
    expect(days(12)).toBe("12 days");
  });

  it("shows minor units as money in their currency", () => {
    expect(formatMoney("123450", "USD")).toBe("$1,234.50");
    expect(formatMoney("5000", "JPY")).toBe("¥5,000");
    expect(formatMoney("0", "")).toBe("$0.00");
  });

  it("turns minor units into the amount an agent types, and back", () => {
    expect(minorToMajor("123450", "USD")).toBe("1234.50");
    expect(minorToMajor("5", "USD")).toBe("0.05");
    expect(minorToMajor("5000", "JPY")).toBe("5000");
    expect(majorToMinor("1,234.5", "USD")).toEqual({ minor: "123450" });
    expect(majorToMinor("80", "USD")).toEqual({ minor: "8000" });
    expect(majorToMinor(".5", "USD")).toEqual({ minor: "50" });
    expect(majorToMinor("", "USD")).toEqual({ minor: "0" });
    expect(majorToMinor("5000", "JPY")).toEqual({ minor: "5000" });
  });

  it("passes a negative amount on for the API to judge, and refuses what is not an amount", () => {
    expect(majorToMinor("-12.00", "USD")).toEqual({ minor: "-1200" });
    expect(majorToMinor("twelve", "USD")).toEqual({ error: "is not an amount, for example 1234.50." });
    expect(majorToMinor("1.234", "USD")).toEqual({ error: "has more than 2 digits after the point." });
    expect(majorToMinor("1.5", "JPY")).toEqual({ error: "has no cents in JPY." });
  });
});
