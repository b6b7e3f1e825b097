import { api, ApiError } from "./api";
import { asArray, asNumber, asObject, asString, asTimestamp, protoEnum } from "./proto-json";

export const recordingsPath = "/api/transcription/recordings";
export const usagePath = "/api/transcription/usage";

export function recordingPath(recordingId: string): string {
  return `${recordingsPath}/${encodeURIComponent(recordingId)}`;
}

export const recordingStatuses = protoEnum("RECORDING_STATUS", ["queued", "running", "completed", "failed"] as const);
export type RecordingStatus = (typeof recordingStatuses.keys)[number];

export const speakers = protoEnum("CHANNEL", ["agent", "client"] as const);
export type Speaker = (typeof speakers.keys)[number];

/** An uploaded recording and its transcription job, with proto3's omitted defaults filled in. */
export interface Recording {
  recordingId: string;
  fileName: string;
  fileBytes: number;
  status: RecordingStatus;
  progressPercent: number;
  error: string;
  durationSeconds: number;
  channels: number;
  monoSpeaker: Speaker;
  engine: string;
  createTime?: string;
  completeTime?: string;
}

/** One utterance: who spoke (the channel), when (seconds from the start) and what. */
export interface Segment {
  id: string;
  speaker: Speaker;
  startSeconds: number;
  endSeconds: number;
  text: string;
  confidence: number;
}

export interface Transcript {
  recording: Recording;
  segments: Segment[];
}

/** This month's transcription against the agent's allowance (0 minutes of limit means none). */
export interface MonthUsage {
  engine: string;
  usedMinutes: number;
  limitMinutes: number;
}

/** Bytes of the file sent so far. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A protobuf Duration as JSON ("12.500s") in seconds. */
export function durationSeconds(value: unknown): number {
  const text = asString(value);
  return text.endsWith("s") ? Number(text.slice(0, -1)) || 0 : 0;
}

export function toRecording(value: unknown): Recording {
  const r = asObject(value);
  return {
    recordingId: asString(r.recordingId),
    fileName: asString(r.fileName),
    fileBytes: asNumber(r.fileBytes),
    status: recordingStatuses.read(r.status) ?? "queued",
    progressPercent: asNumber(r.progressPercent),
    error: asString(r.error),
    durationSeconds: durationSeconds(r.duration),
    channels: asNumber(r.channels),
    monoSpeaker: speakers.read(r.monoSpeaker) ?? "agent",
    engine: asString(r.engine),
    createTime: asTimestamp(r.createTime),
    completeTime: asTimestamp(r.completeTime),
  };
}

export function toMonthUsage(value: unknown): MonthUsage {
  const u = asObject(value);
  return { engine: asString(u.engine), usedMinutes: asNumber(u.monthAudioSeconds) / 60, limitMinutes: asNumber(u.monthlyLimitSeconds) / 60 };
}

export function toSegment(value: unknown): Segment {
  const s = asObject(value);
  return {
    id: asString(s.utteranceId),
    speaker: speakers.read(s.channel) ?? "agent",
    startSeconds: durationSeconds(s.start),
    endSeconds: durationSeconds(s.end),
    text: asString(s.text),
    confidence: asNumber(s.confidence),
  };
}

/** Whether the worker still has the recording to do: worth asking again. */
export function isActive(recording: Recording): boolean {
  return recording.status === "queued" || recording.status === "running";
}

/** "1:05" for 65 seconds; "1:01:05" past an hour. */
export function formatOffset(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "3.2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * POSTs the file as the body with XMLHttpRequest, the one browser API that reports upload progress, and reads
 * the answer as `api` does: the stored recording, or the problem details as an {@link ApiError}.
 */
export function uploadRecording(
  file: File,
  speaker: Speaker,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Recording> {
  const query = new URLSearchParams({ fileName: file.name, speaker });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${recordingsPath}?${query}`);
    xhr.setRequestHeader("X-CSRF", "1");
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(ApiError.network(new Error("The upload did not reach the server.")));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(toRecording(JSON.parse(xhr.responseText)));
        return;
      }
      const headers = new Headers();
      for (const name of ["Content-Type", "Retry-After"]) {
        const value = xhr.getResponseHeader(name);
        if (value) headers.set(name, value);
      }
      void ApiError.fromResponse(new Response(xhr.responseText, { status: xhr.status, headers })).then(reject);
    };
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

export const recordingsApi = {
  list: async (signal?: AbortSignal) => asArray(asObject(await api.get<unknown>(recordingsPath, { signal })).recordings).map(toRecording),
  transcript: async (recordingId: string, signal?: AbortSignal): Promise<Transcript> => {
    const t = asObject(await api.get<unknown>(`${recordingPath(recordingId)}/transcript`, { signal }));
    return { recording: toRecording(t.recording), segments: asArray(t.segments).map(toSegment) };
  },
  delete: (recordingId: string) => api.delete(recordingPath(recordingId)),
  upload: uploadRecording,
  usage: async (signal?: AbortSignal) => toMonthUsage(await api.get<unknown>(usagePath, { signal })),
};

export type RecordingsApi = typeof recordingsApi;
