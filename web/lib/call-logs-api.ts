import { api } from "./api";
import { asArray, asNumber, asObject, asString, asStrings, asTimestamp } from "./proto-json";

export const callLogsPath = "/api/conversation/call-logs";

export function callLogPath(callLogId: string): string {
  return `${callLogsPath}/${encodeURIComponent(callLogId)}`;
}

/** The outcomes a call log may record, by the names the API takes and returns. */
export const outcomes = [
  "reached",
  "voicemail",
  "no answer",
  "callback requested",
  "sold",
  "renewed",
  "quoted",
  "lost",
  "do not call",
] as const;

/** A call log as listed. */
export interface CallLogSummary {
  callLogId: string;
  clientId: string;
  clientName: string;
  startedAt?: string;
  endedAt?: string;
  durationSeconds: number;
  outcome: string;
  summary: string;
}

/** One finished utterance; times in seconds from the start of that speaker's audio. */
export interface TranscriptLine {
  speaker: string;
  start: number;
  end: number;
  text: string;
}

/** One step of an action proposed during the call. */
export interface AuditStep {
  at?: string;
  step: string;
  proposalId: string;
  kind: string;
  arguments: string;
  result: string;
}

export interface CallLogDetail extends CallLogSummary {
  calendarEventId: string;
  outcomeNote: string;
  followUps: string[];
  notes: string[];
  transcript: TranscriptLine[];
  audit: AuditStep[];
}

export interface CallLogPage {
  callLogs: CallLogSummary[];
  nextPageToken: string;
}

/** A google.protobuf.Duration as JSON ("2.500s") in seconds. */
export function durationSeconds(value: unknown): number {
  const text = asString(value);
  return text.endsWith("s") ? asNumber(text.slice(0, -1)) : 0;
}

export function toCallLogSummary(value: unknown): CallLogSummary {
  const c = asObject(value);
  return {
    callLogId: asString(c.callLogId),
    clientId: asString(c.clientId),
    clientName: asString(c.clientName),
    startedAt: asTimestamp(c.startedAt),
    endedAt: asTimestamp(c.endedAt),
    durationSeconds: asNumber(c.durationSeconds),
    outcome: asString(c.outcome),
    summary: asString(c.summary),
  };
}

export function toCallLogDetail(value: unknown): CallLogDetail {
  const c = asObject(value);
  return {
    ...toCallLogSummary(c),
    calendarEventId: asString(c.calendarEventId),
    outcomeNote: asString(c.outcomeNote),
    followUps: asStrings(c.followUps),
    notes: asStrings(c.notes),
    transcript: asArray(c.transcript).map((l) => {
      const line = asObject(l);
      return { speaker: asString(line.speaker), start: durationSeconds(line.start), end: durationSeconds(line.end), text: asString(line.text) };
    }),
    audit: asArray(c.audit).map((a) => {
      const step = asObject(a);
      return {
        at: asTimestamp(step.at),
        step: asString(step.step),
        proposalId: asString(step.proposalId),
        kind: asString(step.kind),
        arguments: asString(step.arguments),
        result: asString(step.result),
      };
    }),
  };
}

/** "4:05" for 245 seconds; "1:02:03" past an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${minutes}:${pad(s % 60)}`;
}

export function listQuery(query: string, pageToken: string, clientId = ""): string {
  const params = new URLSearchParams();
  if (clientId) params.set("clientId", clientId);
  if (query.trim()) params.set("query", query.trim());
  if (pageToken) params.set("pageToken", pageToken);
  const text = params.toString();
  return text ? `${callLogsPath}?${text}` : callLogsPath;
}

export const callLogsApi = {
  list: async (query: string, pageToken: string, signal?: AbortSignal, clientId = ""): Promise<CallLogPage> => {
    const page = asObject(await api.get<unknown>(listQuery(query, pageToken, clientId), { signal }));
    return { callLogs: asArray(page.callLogs).map(toCallLogSummary), nextPageToken: asString(page.nextPageToken) };
  },
  get: async (callLogId: string, signal?: AbortSignal) => toCallLogDetail(await api.get<unknown>(callLogPath(callLogId), { signal })),
  update: async (callLogId: string, change: { summary: string; outcome: string }) =>
    toCallLogDetail(await api.patch<unknown>(callLogPath(callLogId), change)),
  delete: (callLogId: string) => api.delete(callLogPath(callLogId)),
};
