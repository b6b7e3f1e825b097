import { api } from "./api";
import { asObject, asString, asStrings } from "./proto-json";
import type { Draft } from "./live-call";

export const callsPath = "/api/conversation/calls";

function callPath(callId: string, rest = ""): string {
  return `${callsPath}/${encodeURIComponent(callId)}${rest}`;
}

/** The call's WebSocket on the page's own origin (through the gateway), ws: or wss: as the page is served. */
export function liveSocketUrl(callId: string, location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/calls/${encodeURIComponent(callId)}/live`;
}

/** An outcome by the name the socket and call logs use ("callback requested") as SaveCall's enum value. */
export function outcomeEnum(name: string): string {
  return name ? `CALL_OUTCOME_${name.trim().toUpperCase().replace(/ +/g, "_")}` : "CALL_OUTCOME_UNSPECIFIED";
}

/** CallDraft's enum value ("CALL_OUTCOME_CALLBACK_REQUESTED") as the name the screen shows. */
export function outcomeName(value: unknown): string {
  const text = asString(value);
  if (!text.startsWith("CALL_OUTCOME_") || text === "CALL_OUTCOME_UNSPECIFIED") return "";
  return text.slice("CALL_OUTCOME_".length).toLowerCase().replace(/_/g, " ");
}

export interface SaveCallInput {
  summary: string;
  outcome: string;
  outcomeNote: string;
  followUps: string[];
}

/** Conversation.Service's calls: start, actions (propose, confirm, reject), end and save. */
export const liveCallApi = {
  /** Starts a call with a client, from the scheduled event when there is one; resolves with the call's id. */
  start: async (clientId: string, calendarEventId = ""): Promise<string> =>
    asString(asObject(await api.post<unknown>(callsPath, { clientId, calendarEventId })).callId),
  propose: (callId: string, kind: string, args: Record<string, unknown>) => api.post<unknown>(callPath(callId, "/actions"), { kind, arguments: args }),
  /** Runs a proposal; `requestId` is made once per intended confirmation, so a retry runs it once at most. */
  confirm: (callId: string, proposalId: string, requestId: string, args?: Record<string, unknown>) =>
    api.post<unknown>(callPath(callId, `/actions/${encodeURIComponent(proposalId)}/confirm`), { requestId, arguments: args }),
  reject: (callId: string, proposalId: string) => api.post<unknown>(callPath(callId, `/actions/${encodeURIComponent(proposalId)}/reject`), {}),
  end: async (callId: string): Promise<Draft> => {
    const d = asObject(await api.post<unknown>(callPath(callId, "/end"), {}));
    return { summary: asString(d.summary), outcome: outcomeName(d.outcome), followUps: asStrings(d.followUps) };
  },
  /** Writes the call log; resolves with its id. */
  save: async (callId: string, input: SaveCallInput): Promise<string> =>
    asString(asObject(await api.post<unknown>(callPath(callId, "/save"), { ...input, outcome: outcomeEnum(input.outcome) })).callLogId),
};
