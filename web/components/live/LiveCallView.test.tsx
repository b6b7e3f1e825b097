import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaptureCallbacks } from "@/lib/audio-capture";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { FakeSocket } from "@/testing/live-socket";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { LiveCallView } from "./LiveCallView";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

// The browser's capture is the one part jsdom cannot run: the test holds the callbacks the screen hands it.
const capture = vi.hoisted(() => ({ callbacks: undefined as CaptureCallbacks | undefined, kinds: [] as string[], stop: () => {} }));
vi.mock("@/lib/audio-capture", () => ({
  openSource: async () => ({}),
  startCapture: async (kind: string, _stream: unknown, callbacks: CaptureCallbacks) => {
    capture.kinds.push(kind);
    capture.callbacks = callbacks;
    return { stop: () => capture.stop() };
  },
}));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  FakeSocket.all = [];
  capture.callbacks = undefined;
  capture.kinds = [];
  vi.stubGlobal("WebSocket", FakeSocket);
  vi.stubGlobal("fetch", fetchMock);
});

const call = {
  callId: "call-1",
  clientId: "client-1",
  clientName: "Maria Lopez",
  state: "live",
  startedAt: "2026-12-06T09:00:00Z",
  transcript: [{ speaker: "agent", start: 0.5, end: 2, text: "hello maria" }],
  notes: [] as string[],
  muted: [] as string[],
  doNotCall: false,
  recordingConsent: true,
  proposals: [] as unknown[],
  suggestions: [] as unknown[],
  answers: [] as unknown[],
};

function renderCall(routes: Record<string, Route> = {}, state: Partial<typeof call> & Record<string, unknown> = {}) {
  const requests = routeFetch(fetchMock, routes);
  render(<LiveCallView callId="call-1" />);
  const socket = FakeSocket.all[0];
  socket.serve({ type: "state", call: { ...call, ...state } });
  return { requests, socket };
}

const followUp = { proposalId: "p1", kind: "schedule_follow_up", arguments: { startTime: "2026-12-15T10:00:00+00:00", notes: "Agreed on the call" }, source: "speech", state: "proposed" };

describe("the live-call screen", () => {
  it("opens the call's socket and shows the call as the server sends it", () => {
    renderCall({}, { doNotCall: true, recordingConsent: false });

    expect(FakeSocket.all[0].url).toBe("ws://localhost:3000/api/calls/call-1/live");
    expect(screen.getByRole("heading", { level: 1, name: "Call with Maria Lopez" })).toBeInTheDocument();
    expect(screen.getByText("Connected")).toBeInTheDocument();
    expect(screen.getByText("Maria Lopez is marked do not call.")).toBeInTheDocument();
    expect(screen.getByText(/Maria Lopez has not agreed to be recorded/)).toBeInTheDocument();
  });

  it("shows both speakers, a partial replaced by its final, and the card the client's words called for", () => {
    const { socket } = renderCall();
    socket.serve({ type: "partial", segment: { utteranceId: "u1", speaker: "client", start: 0, end: 1, text: "that is too" } });
    const transcript = screen.getByRole("list", { name: "Transcript" });
    expect(within(transcript).getByText(/that is too…/)).toBeInTheDocument();

    socket.serve(
      { type: "final", segment: { utteranceId: "u1", speaker: "client", start: 0, end: 2, text: "that is too expensive" } },
      { type: "suggestion", suggestion: { suggestionId: "s1", cardKey: "price_objection", title: "Price objection", guidance: "Look for savings first.", utterance: "that is too expensive" } },
    );

    const lines = within(transcript).getAllByRole("listitem").filter((li) => li.textContent);
    expect(lines.map((li) => li.textContent)).toEqual(["You:hello maria", "Maria Lopez:that is too expensive"]);
    const card = within(screen.getByRole("list", { name: "Suggestions" })).getByRole("listitem", { name: "Price objection" });
    expect(card).toHaveTextContent("Look for savings first.");
    expect(card).toHaveTextContent("Because the client said “that is too expensive”");
  });

  it("opens the passage an answer's citation names", async () => {
    const text = "Intro. Water backup is covered up to $10,000. End.";
    renderCall(
      {
        "GET /api/conversation/documents/d1": () =>
          jsonResponse({ document: { documentId: "d1", title: "Home policy" }, text, passages: [{ passageId: "x", documentId: "d1", startOffset: 7, endOffset: 46 }] }),
      },
      {
        answers: [
          {
            answerId: "a1",
            question: "is water backup covered",
            answer: "Yes, up to $10,000 [1].",
            source: "extractive",
            citations: [{ number: 1, passage: { passageId: "x", documentId: "d1", documentTitle: "Home policy", startOffset: 7, endOffset: 46 }, quote: "covered", quoteStart: 23, quoteEnd: 30, verified: true }],
          },
        ],
      },
    );

    const answer = screen.getByRole("listitem", { name: "Answer to “is water backup covered”" });
    await userEvent.click(within(answer).getByRole("button", { name: "[1]" }));

    const viewer = await screen.findByRole("article", { name: "Home policy" });
    expect(within(viewer).getByText("covered")).toHaveProperty("tagName", "MARK");
  });

  it("confirms a proposal over REST with its request id, and rejects another", async () => {
    vi.spyOn(crypto, "randomUUID").mockReturnValue("4d3c2b1a-0000-4000-8000-000000000001");
    const { requests, socket } = renderCall(
      {
        "POST /api/conversation/calls/call-1/actions/p1/confirm": () => jsonResponse({ proposalId: "p1", state: "succeeded" }),
        "POST /api/conversation/calls/call-1/actions/p2/reject": () => jsonResponse({ proposalId: "p2", state: "rejected" }),
      },
      { proposals: [followUp, { proposalId: "p2", kind: "mark_do_not_call", arguments: { reason: "Asked on the call" }, source: "speech", state: "proposed" }] },
    );
    const list = screen.getByRole("list", { name: "Proposed actions" });
    const proposal = within(list).getByRole("listitem", { name: "Schedule a follow-up" });
    expect(proposal).toHaveTextContent("from what was said");
    expect(within(proposal).getByText(/^.+$/, { selector: "time" })).toHaveAttribute("datetime", followUp.arguments.startTime);

    await userEvent.click(within(proposal).getByRole("button", { name: "Confirm" }));
    await userEvent.click(within(within(list).getByRole("listitem", { name: "Mark do not call" })).getByRole("button", { name: "Reject" }));
    socket.serve({ type: "proposal", proposal: { ...followUp, state: "succeeded", result: "Scheduled." } });

    expect(requestsTo(requests, "POST", "/api/conversation/calls/call-1/actions/p1/confirm")[0].body).toEqual({ requestId: "4d3c2b1a-0000-4000-8000-000000000001" });
    expect(requestsTo(requests, "POST", "/api/conversation/calls/call-1/actions/p2/reject")).toHaveLength(1);
    expect(within(list).getByRole("listitem", { name: "Schedule a follow-up" })).toHaveTextContent("succeeded");
    expect(within(list).getByRole("listitem", { name: "Schedule a follow-up" })).not.toHaveTextContent("Confirm");
  });

  it("confirms edited arguments, showing the API's field errors at their fields and making a new request id after a refusal", async () => {
    const ids = ["id-1", "id-2"];
    vi.spyOn(crypto, "randomUUID").mockImplementation(() => ids.shift() as `${string}-${string}-${string}-${string}-${string}`);
    let answers = 0;
    const { requests } = renderCall(
      {
        "POST /api/conversation/calls/call-1/actions/p1/confirm": () =>
          ++answers === 1
            ? problemResponse({ title: "The request is not valid.", status: 400, errors: { "arguments.startTime": ["is required, as an ISO 8601 time with its offset."] } })
            : jsonResponse({ proposalId: "p1", state: "succeeded" }),
      },
      { proposals: [followUp] },
    );
    const proposal = screen.getByRole("listitem", { name: "Schedule a follow-up" });

    await userEvent.click(within(proposal).getByRole("button", { name: "Edit" }));
    const form = within(proposal).getByRole("form", { name: "Schedule a follow-up" });
    expect(within(form).getByLabelText("Notes")).toHaveValue("Agreed on the call");
    await userEvent.clear(within(form).getByLabelText("Notes"));
    await userEvent.type(within(form).getByLabelText("Notes"), "Bring the renewal quote");
    await userEvent.click(within(form).getByRole("button", { name: "Confirm" }));

    expect(await within(form).findByText("When is required, as an ISO 8601 time with its offset.")).toBeInTheDocument();
    expect(within(form).getByLabelText("When")).toHaveAttribute("aria-invalid", "true");
    await userEvent.click(within(form).getByRole("button", { name: "Confirm" }));

    const sent = requestsTo(requests, "POST", "/api/conversation/calls/call-1/actions/p1/confirm").map((r) => r.body as { requestId: string; arguments: Record<string, unknown> });
    expect(sent.map((b) => b.requestId)).toEqual(["id-1", "id-2"]);
    expect(sent[0].arguments.notes).toBe("Bring the renewal quote");
    expect(new Date(sent[0].arguments.startTime as string).toISOString()).toBe("2026-12-15T10:00:00.000Z");
  });

  it("proposes an action with its button", async () => {
    const { requests } = renderCall({ "POST /api/conversation/calls/call-1/actions": () => jsonResponse({ proposalId: "p9", state: "proposed" }) });

    await userEvent.click(within(screen.getByRole("group", { name: "Propose an action" })).getByRole("button", { name: "Mark do not call" }));
    const form = screen.getByRole("form", { name: "Mark do not call" });
    await userEvent.type(within(form).getByLabelText("Reason"), "Asked us to stop");
    await userEvent.click(within(form).getByRole("button", { name: "Propose" }));

    await waitFor(() => expect(screen.queryByRole("form", { name: "Mark do not call" })).not.toBeInTheDocument());
    expect(requestsTo(requests, "POST", "/api/conversation/calls/call-1/actions")[0].body).toEqual({ kind: "mark_do_not_call", arguments: { reason: "Asked us to stop" } });
  });

  it("sends each speaker's audio frames, none of a muted channel, with mute and notes as control messages", async () => {
    const { socket } = renderCall();

    await userEvent.selectOptions(screen.getByLabelText("The microphone carries"), "stereo-mix");
    await userEvent.click(screen.getByRole("button", { name: "Turn on the microphone" }));
    await screen.findByRole("button", { name: "Turn off the microphone" });
    expect(capture.kinds).toEqual(["stereo-mix"]);
    expect(screen.getByRole("button", { name: "Share the client’s tab" })).toBeDisabled();

    const agentFrame = new ArrayBuffer(3);
    const clientFrame = new ArrayBuffer(5);
    act(() => {
      capture.callbacks!.onFrame(agentFrame, "agent");
      capture.callbacks!.onFrame(clientFrame, "client");
      capture.callbacks!.onLevel("client", 0.5);
    });
    expect(socket.sent).toEqual([agentFrame, clientFrame]);
    expect(screen.getByRole("meter", { name: "Maria Lopez: level" })).toHaveAttribute("value", "0.5");

    await userEvent.click(screen.getByRole("button", { name: "Mute Maria Lopez" }));
    socket.serve({ type: "muted", channel: "client", muted: true });
    act(() => capture.callbacks!.onFrame(new ArrayBuffer(7), "client"));
    expect(socket.sent.filter((s) => s instanceof ArrayBuffer)).toEqual([agentFrame, clientFrame]);
    expect(screen.getByRole("button", { name: "Unmute Maria Lopez" })).toHaveAttribute("aria-pressed", "true");

    await userEvent.type(screen.getByLabelText("New note"), "Wants a quote");
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(socket.commands()).toEqual([
      { v: 1, type: "mute", channel: "client", muted: true },
      { v: 1, type: "note", text: "Wants a quote" },
    ]);
  });

  it("reconnects after a drop and shows the call as the new connection's state has it", async () => {
    const { socket } = renderCall();
    socket.drop();
    expect(screen.getByText("Connection lost; reconnecting…")).toBeInTheDocument();

    await waitFor(() => expect(FakeSocket.all).toHaveLength(2), { timeout: 3000 });
    FakeSocket.all[1].serve({ type: "state", call: { ...call, transcript: [...call.transcript, { speaker: "client", start: 0, end: 1, text: "said while away" }] } });

    expect(screen.getByText("Connected")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Transcript" })).toHaveTextContent("said while away");
  });

  it("ends the call, lets the agent edit the draft, shows field errors at their fields, and opens the saved log", async () => {
    let saves = 0;
    const { requests } = renderCall({
      "POST /api/conversation/calls/call-1/end": () => jsonResponse({ callId: "call-1", summary: "Client found it too expensive.", outcome: "CALL_OUTCOME_CALLBACK_REQUESTED", followUps: ["Call on Tuesday"] }),
      "POST /api/conversation/calls/call-1/save": () =>
        ++saves === 1 ? problemResponse({ title: "The request is not valid.", status: 400, errors: { outcomeNote: ["is longer than 200 characters."] } }) : jsonResponse({ callLogId: "log-1" }),
    });

    await userEvent.click(screen.getByRole("button", { name: "End call" }));
    const summary = await screen.findByLabelText("Summary");
    expect(summary).toHaveValue("Client found it too expensive.");
    expect(screen.getByLabelText("Outcome")).toHaveValue("callback requested");
    expect(screen.getByLabelText("Follow-ups")).toHaveValue("Call on Tuesday");
    expect(screen.queryByRole("button", { name: "End call" })).not.toBeInTheDocument();

    await userEvent.type(summary, " Wants a quote.");
    await userEvent.selectOptions(screen.getByLabelText("Outcome"), "quoted");
    await userEvent.click(screen.getByRole("button", { name: "Save the call log" }));
    expect(await screen.findByText("Outcome in your words is longer than 200 characters.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save the call log" }));

    await waitFor(() => expect(push).toHaveBeenCalledWith("/calls/log-1"));
    expect(requestsTo(requests, "POST", "/api/conversation/calls/call-1/save")[1].body).toEqual({
      summary: "Client found it too expensive. Wants a quote.",
      outcome: "CALL_OUTCOME_QUOTED",
      outcomeNote: "",
      followUps: ["Call on Tuesday"],
    });
  });
});
