import { beforeEach, describe, expect, it, vi } from "vitest";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse } from "@/testing/responses";
import { getBookSettings, listCallQueue, toCallQueuePage, updateBookSettings } from "./call-queue-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("the call queue", () => {
  it("reads entries and their reasons, defaults filled in", () => {
    const page = toCallQueuePage({
      entries: [
        {
          clientId: "c1",
          displayName: "Ann",
          reasons: [{ kind: "CALL_REASON_KIND_CALLBACK_REQUESTED" }, { kind: "CALL_REASON_KIND_RENEWAL_DUE", days: 12, policyNumber: "HO-1" }],
          score: 300,
          contactWindowStart: {},
          contactWindowEnd: { hours: 8 },
        },
      ],
      today: { year: 2026, month: 11, day: 25 },
    });

    expect(page).toEqual({
      entries: [
        {
          clientId: "c1",
          displayName: "Ann",
          phone: "",
          reasons: [
            { kind: "callback-requested", days: 0, policyId: "", policyNumber: "", description: "", dateUnknown: false },
            { kind: "renewal-due", days: 12, policyId: "", policyNumber: "HO-1", description: "", dateUnknown: false },
          ],
          score: 300,
          contactWindowStart: "00:00",
          contactWindowEnd: "08:00",
          timeZone: "",
          lastContactedAt: undefined,
        },
      ],
      nextPageToken: "",
      today: "2026-11-25",
    });
  });

  it("keeps the service's words for each reason as they are", () => {
    const page = toCallQueuePage({
      entries: [{ clientId: "c1", reasons: [{ kind: "CALL_REASON_KIND_NOT_CONTACTED", days: 40, description: "Never contacted (added 40 days ago)" }] }],
    });

    expect(page.entries[0]?.reasons[0]).toMatchObject({ kind: "not-contacted", days: 40, description: "Never contacted (added 40 days ago)" });
  });

  it("asks for the next page with its token", async () => {
    const requests = routeFetch(fetchMock, { "GET /api/clients/call-queue?pageToken=Q2": () => jsonResponse({}) });

    await expect(listCallQueue("Q2")).resolves.toEqual({ entries: [], nextPageToken: "", today: "" });
    expect(requests[0]?.headers.has("X-CSRF")).toBe(false);
  });
});

describe("book settings", () => {
  it("reads them and replaces them all with PUT", async () => {
    const settings = { renewalWindowDays: 30, contactIntervalDays: 90, lapseWindowDays: 60, timeZone: "America/Chicago", defaultRegion: "US" };
    const requests = routeFetch(fetchMock, {
      "GET /api/clients/settings": () => jsonResponse({ renewalWindowDays: 45, contactIntervalDays: 180, lapseWindowDays: 90, timeZone: "UTC", defaultRegion: "US" }),
      "PUT /api/clients/settings": () => jsonResponse(settings),
    });

    await expect(getBookSettings()).resolves.toMatchObject({ renewalWindowDays: 45, timeZone: "UTC" });
    await expect(updateBookSettings(settings)).resolves.toEqual(settings);
    expect(requests[1]?.body).toEqual(settings);
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
  });
});
