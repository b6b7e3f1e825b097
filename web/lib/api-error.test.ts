import { describe, expect, it } from "vitest";
import { problemResponse } from "@/testing/responses";
import { ApiError, parseRetryAfter } from "./api-error";

describe("ApiError.fromResponse", () => {
  it("reads RFC 7807 problem details with field errors and trace id", async () => {
    const error = await ApiError.fromResponse(
      problemResponse({
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        detail: "Check the highlighted fields.",
        errors: { Email: ["Email is required.", "Email must be valid."], displayName: ["Too long."] },
        traceId: "00-abc-def-01",
      }),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.title).toBe("One or more validation errors occurred.");
    expect(error.detail).toBe("Check the highlighted fields.");
    expect(error.type).toBe("https://tools.ietf.org/html/rfc9110#section-15.5.1");
    expect(error.traceId).toBe("00-abc-def-01");
    expect(error.fieldErrors).toEqual({
      Email: ["Email is required.", "Email must be valid."],
      displayName: ["Too long."],
    });
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("finds a field's messages regardless of the name's casing", async () => {
    const error = await ApiError.fromResponse(
      problemResponse({ title: "Invalid", status: 400, errors: { Email: ["Email is required."] } }),
    );

    expect(error.errorsFor("email")).toEqual(["Email is required."]);
    expect(error.errorsFor("phone")).toEqual([]);
  });

  it("reads Retry-After seconds from a 429", async () => {
    const error = await ApiError.fromResponse(
      problemResponse({ title: "Too many requests", status: 429 }, { "Retry-After": "30" }),
    );

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it("falls back to a readable title when the body is not problem details", async () => {
    const error = await ApiError.fromResponse(
      new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } }),
    );

    expect(error.status).toBe(502);
    expect(error.title).toBe("The service is unavailable");
    expect(error.detail).toBeUndefined();
    expect(error.fieldErrors).toEqual({});
  });

  it("keeps only string messages from malformed field errors", async () => {
    const error = await ApiError.fromResponse(
      problemResponse({ title: "Invalid", status: 400, errors: { name: "Required.", age: [42, "Must be a number."], x: null } }),
    );

    expect(error.fieldErrors).toEqual({ name: ["Required."], age: ["Must be a number."] });
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2025-01-01T12:00:00Z");

  it("accepts delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
  });

  it("accepts an HTTP date, counting seconds from now", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:00:45 GMT", now)).toBe(45);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
