import { describe, expect, it } from "vitest";
import { formatDuration, listQuery, toCallLogDetail } from "./call-logs-api";

describe("call logs API", () => {
  it("reads a log with proto3's omitted defaults filled in and durations in seconds", () => {
    const log = toCallLogDetail({
      callLogId: "log-1",
      clientName: "Cleo Client",
      durationSeconds: 300,
      transcript: [{ speaker: "client", start: "2.500s", end: "4s", text: "yes renew it" }, { speaker: "agent", text: "great" }],
      audit: [{ at: "2026-03-02T09:01:00Z", step: "proposed", kind: "set_outcome", arguments: "{\"outcome\":\"renewed\"}" }],
    });

    expect(log.transcript).toEqual([
      { speaker: "client", start: 2.5, end: 4, text: "yes renew it" },
      { speaker: "agent", start: 0, end: 0, text: "great" },
    ]);
    expect(log.audit[0]).toMatchObject({ step: "proposed", result: "", proposalId: "" });
    expect([log.summary, log.outcome, log.followUps, log.notes]).toEqual(["", "", [], []]);
  });

  it("asks for a search, a client's logs and the next page in the query string", () => {
    expect(listQuery("", "")).toBe("/api/conversation/call-logs");
    expect(listQuery(" flood -basement ", "t2", "c-1")).toBe("/api/conversation/call-logs?clientId=c-1&query=flood+-basement&pageToken=t2");
  });

  it("writes durations as minutes and seconds, with hours past an hour", () => {
    expect([formatDuration(5), formatDuration(245), formatDuration(3723)]).toEqual(["0:05", "4:05", "1:02:03"]);
  });
});
