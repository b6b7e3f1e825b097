import { describe, expect, it, vi } from "vitest";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { jsonResponse } from "@/testing/responses";
import { liveCallApi, liveSocketUrl, outcomeEnum, outcomeName } from "./live-call-api";
import { argumentsToInputs, actionSpec, fromLocalInput, inputsToArguments } from "./live-actions";

describe("the calls API", () => {
  it("starts a call from a scheduled event and answers its id", async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    const requests = routeFetch(fetchMock, { "POST /api/conversation/calls": () => jsonResponse({ callId: "c1", clientId: "k1", state: "CALL_STATE_LIVE" }) });

    expect(await liveCallApi.start("k1", "e1")).toBe("c1");
    expect(requestsTo(requests, "POST", "/api/conversation/calls")[0].body).toEqual({ clientId: "k1", calendarEventId: "e1" });
  });

  it("confirms with the request id and edited arguments, and saves with the outcome's enum value", async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    const requests = routeFetch(fetchMock, {
      "POST /api/conversation/calls/c1/actions/p1/confirm": () => jsonResponse({ proposalId: "p1", state: "succeeded" }),
      "POST /api/conversation/calls/c1/save": () => jsonResponse({ callLogId: "log1" }),
      "POST /api/conversation/calls/c1/end": () => jsonResponse({ callId: "c1", summary: "s", outcome: "CALL_OUTCOME_CALLBACK_REQUESTED" }),
    });

    await liveCallApi.confirm("c1", "p1", "r1", { notes: "x" });
    expect(await liveCallApi.save("c1", { summary: "s", outcome: "no answer", outcomeNote: "", followUps: ["a"] })).toBe("log1");
    expect(await liveCallApi.end("c1")).toEqual({ summary: "s", outcome: "callback requested", followUps: [] });

    expect(requests[0].body).toEqual({ requestId: "r1", arguments: { notes: "x" } });
    expect(requests[0].headers.get("X-CSRF")).toBe("1");
    expect(requests[1].body).toEqual({ summary: "s", outcome: "CALL_OUTCOME_NO_ANSWER", outcomeNote: "", followUps: ["a"] });
  });

  it("maps outcomes between names and enum values both ways", () => {
    expect(outcomeEnum("do not call")).toBe("CALL_OUTCOME_DO_NOT_CALL");
    expect(outcomeEnum("")).toBe("CALL_OUTCOME_UNSPECIFIED");
    expect(outcomeName("CALL_OUTCOME_NO_ANSWER")).toBe("no answer");
    expect(outcomeName("CALL_OUTCOME_UNSPECIFIED")).toBe("");
  });

  it("opens the socket on the page's origin, wss behind https", () => {
    expect(liveSocketUrl("c 1", { protocol: "https:", host: "agent.example" })).toBe("wss://agent.example/api/calls/c%201/live");
    expect(liveSocketUrl("c1", { protocol: "http:", host: "127.0.0.1:8080" })).toBe("ws://127.0.0.1:8080/api/calls/c1/live");
  });
});

describe("action arguments", () => {
  it("round-trip through the form: numbers as numbers, empty fields left out, local times with their offset", () => {
    const spec = actionSpec("schedule_follow_up");
    const inputs = argumentsToInputs(spec, { startTime: "2026-12-15T10:00:00Z", durationMinutes: 30 });
    const args = inputsToArguments(spec, { ...inputs, notes: "  " });

    expect(Object.keys(args)).toEqual(["startTime", "durationMinutes"]);
    expect(args.durationMinutes).toBe(30);
    expect(new Date(args.startTime as string).toISOString()).toBe("2026-12-15T10:00:00.000Z");
    expect(fromLocalInput("2026-12-15T10:00")).toMatch(/^2026-12-15T10:00:00[+-]\d\d:\d\d$/);
  });
});
