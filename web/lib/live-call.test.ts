import { describe, expect, it } from "vitest";
import { commandText, initialLiveCallState, liveCallReducer, parseLiveMessage, type LiveCallState } from "./live-call";

const stateJson = {
  v: 1,
  type: "state",
  call: {
    callId: "call-1",
    clientId: "client-1",
    clientName: "Maria Lopez",
    state: "live",
    startedAt: "2026-12-06T09:00:00Z",
    transcript: [{ speaker: "agent", start: 0.5, end: 2.1, text: "hello maria" }],
    notes: ["asked about bundling"],
    muted: ["client"],
    doNotCall: true,
    proposals: [{ proposalId: "p1", kind: "add_note", arguments: { text: "x" }, source: "agent", state: "proposed" }],
    suggestions: [],
    answers: [],
  },
};

function apply(...messages: unknown[]): LiveCallState {
  return messages.reduce<LiveCallState>((state, json) => {
    const message = parseLiveMessage(JSON.stringify(json));
    return message ? liveCallReducer(state, message) : state;
  }, initialLiveCallState);
}

const segment = (utteranceId: string, speaker: string, text: string) => ({ utteranceId, speaker, start: 1, end: 2, text });

describe("the live call's messages", () => {
  it("take the whole call from state, filling in what proto-style JSON leaves out", () => {
    const call = apply(stateJson);

    expect(call).toMatchObject({ loaded: true, callId: "call-1", clientName: "Maria Lopez", state: "live", doNotCall: true, recordingConsent: false, muted: ["client"] });
    expect(call.transcript).toEqual([{ utteranceId: "", speaker: "agent", start: 0.5, end: 2.1, text: "hello maria" }]);
    expect(call.proposals[0]).toEqual({ proposalId: "p1", kind: "add_note", arguments: { text: "x" }, source: "agent", state: "proposed", result: "" });
  });

  it("replace a partial by the next partial of its utterance, and by its final", () => {
    const afterPartials = apply(
      stateJson,
      { v: 1, type: "partial", segment: segment("u1", "client", "that is") },
      { v: 1, type: "partial", segment: segment("u2", "agent", "i") },
      { v: 1, type: "partial", segment: segment("u1", "client", "that is too") },
    );
    expect(afterPartials.partials.map((p) => p.text)).toEqual(["that is too", "i"]);

    const afterFinal = liveCallReducer(afterPartials, parseLiveMessage(JSON.stringify({ v: 1, type: "final", segment: segment("u1", "client", "that is too expensive") }))!);
    expect(afterFinal.partials.map((p) => p.utteranceId)).toEqual(["u2"]);
    expect(afterFinal.transcript.map((s) => [s.speaker, s.text])).toEqual([
      ["agent", "hello maria"],
      ["client", "that is too expensive"],
    ]);
  });

  it("start over from a reconnect's state: partials of the dropped connection go, the server's transcript stays", () => {
    const call = apply(stateJson, { v: 1, type: "partial", segment: segment("u9", "client", "half") }, { ...stateJson, call: { ...stateJson.call, notes: [] } });

    expect(call.partials).toEqual([]);
    expect(call.transcript).toHaveLength(1);
    expect(call.notes).toEqual([]);
  });

  it("update a proposal in place as it is confirmed and run", () => {
    const call = apply(
      stateJson,
      { v: 1, type: "proposal", proposal: { proposalId: "p2", kind: "schedule_follow_up", arguments: { startTime: "2026-12-15T10:00:00+00:00" }, source: "speech", state: "proposed" } },
      { v: 1, type: "proposal", proposal: { proposalId: "p1", kind: "add_note", arguments: { text: "x" }, source: "agent", state: "succeeded", result: "Note added." } },
    );

    expect(call.proposals.map((p) => [p.proposalId, p.state])).toEqual([
      ["p1", "succeeded"],
      ["p2", "proposed"],
    ]);
  });

  it("keep mute, notes, suggestions, cited answers, errors and the end", () => {
    const call = apply(
      stateJson,
      { v: 1, type: "muted", channel: "client", muted: false },
      { v: 1, type: "muted", channel: "agent", muted: true },
      { v: 1, type: "note", text: "wants a quote" },
      { v: 1, type: "suggestion", suggestion: { suggestionId: "s1", cardKey: "price_objection", title: "Price objection", guidance: "Acknowledge", utterance: "too expensive", score: 0.8 } },
      {
        v: 1,
        type: "answer",
        answer: {
          answerId: "a1",
          question: "is water backup covered",
          answer: "Yes [1].",
          source: "extractive",
          citations: [{ number: 1, passage: { passageId: "x", documentId: "d1", documentTitle: "Home policy", startOffset: 10, endOffset: 90 }, quote: "covered", verified: true }],
        },
      },
      { v: 1, type: "error", code: "transcription_failed", message: "The speech engine stopped." },
      { v: 1, type: "ended", draft: { summary: "Talked price.", outcome: "callback requested", followUps: ["Call on Tuesday"] } },
    );

    expect(call.muted).toEqual(["agent"]);
    expect(call.notes).toEqual(["asked about bundling", "wants a quote"]);
    expect(call.suggestions[0]).toMatchObject({ title: "Price objection", utterance: "too expensive", matchedExample: "" });
    expect(call.answers[0].citations[0]).toMatchObject({ number: 1, verified: true, problem: "", passage: { documentId: "d1", documentTitle: "Home policy", startOffset: 10, page: 0, headingPath: [] } });
    expect(call.error).toEqual({ code: "transcription_failed", message: "The speech engine stopped." });
    expect(call).toMatchObject({ state: "ended", draft: { summary: "Talked price.", outcome: "callback requested", followUps: ["Call on Tuesday"] } });
  });

  it("are ignored when of another version, of a type this app does not know, or not JSON", () => {
    expect(parseLiveMessage(JSON.stringify({ v: 2, type: "note", text: "x" }))).toBeUndefined();
    expect(parseLiveMessage(JSON.stringify({ v: 1, type: "sparkle" }))).toBeUndefined();
    expect(parseLiveMessage("not json")).toBeUndefined();
  });

  it("are sent as version 1 control messages", () => {
    const commands: [Parameters<typeof commandText>[0], unknown][] = [
      [{ type: "mute", channel: "client", muted: true }, { v: 1, type: "mute", channel: "client", muted: true }],
      [{ type: "note", text: "hi" }, { v: 1, type: "note", text: "hi" }],
      [{ type: "end" }, { v: 1, type: "end" }],
    ];
    for (const [command, json] of commands) expect(JSON.parse(commandText(command))).toEqual(json);
  });
});
