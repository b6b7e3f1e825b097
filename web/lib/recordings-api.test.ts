import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api";
import { formatOffset, toMonthUsage, toRecording, toSegment, uploadRecording } from "./recordings-api";

/** Enough of XMLHttpRequest to play an upload: progress events, then the answer. */
class FakeXhr {
  static last: FakeXhr;
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = "";
  responseHeaders: Record<string, string> = {};
  upload: { onprogress?: (event: { loaded: number; total: number; lengthComputable: boolean }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;

  constructor() {
    FakeXhr.last = this;
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }

  send(body: unknown) {
    this.body = body;
  }

  abort() {
    this.onabort?.();
  }

  answer(status: number, body: unknown, contentType = "application/json") {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders["Content-Type"] = contentType;
    this.onload?.();
  }
}

describe("uploadRecording", () => {
  it("sends the file as the body with the CSRF header, reports bytes sent, and reads the queued recording", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const file = new File([new Uint8Array(1000)], "call one.mp3", { type: "audio/mpeg" });
    const progress = vi.fn();

    const uploading = uploadRecording(file, "client", progress);
    const xhr = FakeXhr.last;
    xhr.upload.onprogress?.({ loaded: 400, total: 1000, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 1000, total: 1000, lengthComputable: true });
    xhr.answer(201, { recordingId: "r1", fileName: "call one.mp3", status: "RECORDING_STATUS_QUEUED", duration: "12.500s", channels: 1 });

    const recording = await uploading;
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/transcription/recordings?fileName=call+one.mp3&speaker=client");
    expect(xhr.headers).toMatchObject({ "X-CSRF": "1", "Content-Type": "audio/mpeg" });
    expect(xhr.body).toBe(file);
    expect(progress.mock.calls.map(([p]) => p)).toEqual([
      { loaded: 400, total: 1000 },
      { loaded: 1000, total: 1000 },
    ]);
    expect(recording).toMatchObject({ recordingId: "r1", status: "queued", durationSeconds: 12.5, progressPercent: 0, monoSpeaker: "agent" });
  });

  it("turns a refused upload's problem details into an ApiError naming the field", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);

    const uploading = uploadRecording(new File(["hello"], "notes.txt"), "agent", () => {});
    FakeXhr.last.answer(400, { title: "One or more validation errors occurred.", status: 400, errors: { file: ["is not audio."] } }, "application/problem+json");

    const error = await uploading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errorsFor("file")).toEqual(["is not audio."]);
  });
});

describe("toRecording and toSegment", () => {
  it("read enums, durations and proto3's omitted defaults", () => {
    expect(toRecording({ recordingId: "r1", status: "RECORDING_STATUS_RUNNING", progressPercent: 42.5, monoSpeaker: "CHANNEL_CLIENT" })).toMatchObject({
      status: "running",
      progressPercent: 42.5,
      monoSpeaker: "client",
      error: "",
      durationSeconds: 0,
    });
    expect(toSegment({ channel: "CHANNEL_CLIENT", start: "61.200s", end: "63s", text: "my deductible" })).toEqual({
      id: "",
      speaker: "client",
      startSeconds: 61.2,
      endSeconds: 63,
      text: "my deductible",
      confidence: 0,
    });
  });
});

describe("toMonthUsage", () => {
  it("reads GetUsage's month figures in minutes", () => {
    expect(toMonthUsage({ engine: "groq", monthAudioSeconds: 90, monthlyLimitSeconds: 36000 })).toEqual({ engine: "groq", usedMinutes: 1.5, limitMinutes: 600 });
  });
});

describe("formatOffset", () => {
  it("writes minutes and seconds, and hours past an hour", () => {
    expect(formatOffset(5.9)).toBe("0:05");
    expect(formatOffset(65)).toBe("1:05");
    expect(formatOffset(3725)).toBe("1:02:05");
  });
});
