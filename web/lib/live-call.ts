import { toCitation, type Citation } from "./documents-api";
import { asArray, asBoolean, asNumber, asObject, asString, asStrings, asTimestamp } from "./proto-json";

/** The live call's socket messages (Conversation.Service/Calls/PROTOCOL.md, version 1) and the screen's state. */
export const protocolVersion = 1;

export interface Segment {
  /** Set on partials and the finals that replace them; absent on the transcript a `state` carries. */
  utteranceId: string;
  speaker: string;
  start: number;
  end: number;
  text: string;
}

export interface Draft {
  summary: string;
  outcome: string;
  followUps: string[];
}

export interface Proposal {
  proposalId: string;
  kind: string;
  arguments: Record<string, unknown>;
  source: string;
  state: string;
  result: string;
}

export interface Suggestion {
  suggestionId: string;
  cardKey: string;
  title: string;
  guidance: string;
  utterance: string;
  matchedExample: string;
  score: number;
}

export interface LiveAnswer {
  answerId: string;
  question: string;
  answer: string;
  source: string;
  citations: Citation[];
}

export interface LiveCallState {
  /** False until the first `state` arrives on a connection. */
  loaded: boolean;
  callId: string;
  clientId: string;
  clientName: string;
  state: "live" | "ended";
  startedAt?: string;
  endedAt?: string;
  /** Finished utterances, in order. */
  transcript: Segment[];
  /** Utterances still being spoken, one per utteranceId, replaced by their final. */
  partials: Segment[];
  notes: string[];
  muted: string[];
  doNotCall: boolean;
  recordingConsent: boolean;
  draft?: Draft;
  /** By proposal id, in the order proposed. */
  proposals: Proposal[];
  suggestions: Suggestion[];
  answers: LiveAnswer[];
  /** The last `error` the server sent. */
  error?: { code: string; message: string };
}

export type LiveMessage =
  | { type: "state"; call: Omit<LiveCallState, "loaded" | "partials" | "error"> }
  | { type: "partial" | "final"; segment: Segment }
  | { type: "muted"; channel: string; muted: boolean }
  | { type: "note"; text: string }
  | { type: "ended"; draft: Draft }
  | { type: "proposal"; proposal: Proposal }
  | { type: "suggestion"; suggestion: Suggestion }
  | { type: "answer"; answer: LiveAnswer }
  | { type: "error"; code: string; message: string };

export const initialLiveCallState: LiveCallState = {
  loaded: false,
  callId: "",
  clientId: "",
  clientName: "",
  state: "live",
  transcript: [],
  partials: [],
  notes: [],
  muted: [],
  doNotCall: false,
  recordingConsent: false,
  proposals: [],
  suggestions: [],
  answers: [],
};

function toSegment(value: unknown): Segment {
  const s = asObject(value);
  return { utteranceId: asString(s.utteranceId), speaker: asString(s.speaker), start: asNumber(s.start), end: asNumber(s.end), text: asString(s.text) };
}

function toDraft(value: unknown): Draft {
  const d = asObject(value);
  return { summary: asString(d.summary), outcome: asString(d.outcome), followUps: asStrings(d.followUps) };
}

function toProposal(value: unknown): Proposal {
  const p = asObject(value);
  return {
    proposalId: asString(p.proposalId),
    kind: asString(p.kind),
    arguments: asObject(p.arguments),
    source: asString(p.source),
    state: asString(p.state),
    result: asString(p.result),
  };
}

function toSuggestion(value: unknown): Suggestion {
  const s = asObject(value);
  return {
    suggestionId: asString(s.suggestionId),
    cardKey: asString(s.cardKey),
    title: asString(s.title),
    guidance: asString(s.guidance),
    utterance: asString(s.utterance),
    matchedExample: asString(s.matchedExample),
    score: asNumber(s.score),
  };
}

function toAnswer(value: unknown): LiveAnswer {
  const a = asObject(value);
  return {
    answerId: asString(a.answerId),
    question: asString(a.question),
    answer: asString(a.answer),
    source: asString(a.source),
    citations: asArray(a.citations).map(toCitation),
  };
}

/** A text frame from the server as a message; undefined for another version, a type this app does not know, or junk. */
export function parseLiveMessage(text: string): LiveMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const m = asObject(json);
  if (m.v !== protocolVersion) return undefined;
  switch (m.type) {
    case "state": {
      const c = asObject(m.call);
      return {
        type: "state",
        call: {
          callId: asString(c.callId),
          clientId: asString(c.clientId),
          clientName: asString(c.clientName),
          state: c.state === "ended" ? "ended" : "live",
          startedAt: asTimestamp(c.startedAt),
          endedAt: asTimestamp(c.endedAt),
          transcript: asArray(c.transcript).map(toSegment),
          notes: asStrings(c.notes),
          muted: asStrings(c.muted),
          doNotCall: asBoolean(c.doNotCall),
          recordingConsent: asBoolean(c.recordingConsent),
          draft: c.draft ? toDraft(c.draft) : undefined,
          proposals: asArray(c.proposals).map(toProposal),
          suggestions: asArray(c.suggestions).map(toSuggestion),
          answers: asArray(c.answers).map(toAnswer),
        },
      };
    }
    case "partial":
    case "final":
      return { type: m.type, segment: toSegment(m.segment) };
    case "muted":
      return { type: "muted", channel: asString(m.channel), muted: asBoolean(m.muted) };
    case "note":
      return { type: "note", text: asString(m.text) };
    case "ended":
      return { type: "ended", draft: toDraft(m.draft) };
    case "proposal":
      return { type: "proposal", proposal: toProposal(m.proposal) };
    case "suggestion":
      return { type: "suggestion", suggestion: toSuggestion(m.suggestion) };
    case "answer":
      return { type: "answer", answer: toAnswer(m.answer) };
    case "error":
      return { type: "error", code: asString(m.code), message: asString(m.message) };
    default:
      return undefined;
  }
}

/** Replaces the item with the same key, or appends it. */
function upsert<T>(items: T[], item: T, key: (item: T) => string): T[] {
  const index = items.findIndex((i) => key(i) === key(item));
  return index < 0 ? [...items, item] : items.map((i, n) => (n === index ? item : i));
}

/** The screen's state after a message: a `state` replaces everything (a reconnect), the rest change their part. */
export function liveCallReducer(state: LiveCallState, message: LiveMessage): LiveCallState {
  switch (message.type) {
    case "state":
      return { ...initialLiveCallState, ...message.call, loaded: true };
    case "partial":
      return { ...state, partials: upsert(state.partials, message.segment, (s) => s.utteranceId) };
    case "final":
      return {
        ...state,
        transcript: [...state.transcript, message.segment],
        partials: state.partials.filter((p) => p.utteranceId !== message.segment.utteranceId),
      };
    case "muted":
      return {
        ...state,
        muted: message.muted ? [...state.muted.filter((c) => c !== message.channel), message.channel] : state.muted.filter((c) => c !== message.channel),
      };
    case "note":
      return { ...state, notes: [...state.notes, message.text] };
    case "ended":
      return { ...state, state: "ended", draft: message.draft, partials: [] };
    case "proposal":
      return { ...state, proposals: upsert(state.proposals, message.proposal, (p) => p.proposalId) };
    case "suggestion":
      return { ...state, suggestions: upsert(state.suggestions, message.suggestion, (s) => s.suggestionId) };
    case "answer":
      return { ...state, answers: upsert(state.answers, message.answer, (a) => a.answerId) };
    case "error":
      return { ...state, error: { code: message.code, message: message.message } };
  }
}

/** A control message for the socket. */
export type LiveCommand =
  | { type: "mute"; channel: "agent" | "client"; muted: boolean }
  | { type: "note"; text: string }
  | { type: "end" };

export function commandText(command: LiveCommand): string {
  return JSON.stringify({ v: protocolVersion, ...command });
}
