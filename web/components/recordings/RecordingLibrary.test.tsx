import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Recording, RecordingsApi, Transcript, UploadProgress } from "@/lib/recordings-api";
import { RecordingLibrary } from "./RecordingLibrary";

const recording = (overrides: Partial<Recording>): Recording => ({
  recordingId: "r1",
  fileName: "renewal-call.wav",
  fileBytes: 1000,
  status: "completed",
  progressPercent: 100,
  error: "",
  durationSeconds: 95,
  channels: 2,
  monoSpeaker: "agent",
  engine: "pocketsphinx",
  createTime: "2026-03-02T10:00:00Z",
  ...overrides,
});

function fakeApi(overrides: Partial<RecordingsApi>): RecordingsApi {
  return {
    list: vi.fn(async () => []),
    transcript: vi.fn(),
    delete: vi.fn(async () => undefined),
    upload: vi.fn(),
    usage: vi.fn(async () => ({ engine: "pocketsphinx", usedMinutes: 12.25, limitMinutes: 600 })),
    ...overrides,
  } as RecordingsApi;
}

describe("<RecordingLibrary>", () => {
  afterEach(() => vi.useRealTimers());

  it("shows the bytes sent while uploading, then lists the queued recording", async () => {
    let sent!: (progress: UploadProgress) => void;
    let finish!: (r: Recording) => void;
    const upload = vi.fn((_file: File, _speaker: string, onProgress: (p: UploadProgress) => void) => {
      sent = onProgress;
      return new Promise<Recording>((resolve) => (finish = resolve));
    });
    render(<RecordingLibrary recordings={fakeApi({ upload: upload as RecordingsApi["upload"] })} />);
    await screen.findByText(/No recordings yet/);

    await userEvent.selectOptions(screen.getByRole("combobox"), "client");
    await userEvent.upload(screen.getByLabelText(/Upload a call recording/), new File([new Uint8Array(2 * 1024 * 1024)], "call.mp3"));
    act(() => sent({ loaded: 1024 * 1024, total: 2 * 1024 * 1024 }));

    expect(screen.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute("value", String(1024 * 1024));
    expect(screen.getByText("Uploading 1.0 MB of 2.0 MB")).toBeInTheDocument();
    expect(upload.mock.calls[0][1]).toBe("client");
    await act(async () => finish(recording({ recordingId: "r2", fileName: "call.mp3", status: "queued", progressPercent: 0 })));
    expect(screen.queryByRole("progressbar", { name: "Upload progress" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("table")).getByText("Waiting")).toBeInTheDocument();
  });

  it("shows the engine and this month's minutes against the limit", async () => {
    render(<RecordingLibrary recordings={fakeApi({})} />);

    expect(await screen.findByLabelText("Transcription this month")).toHaveTextContent("Engine: pocketsphinx. This month: 12.3 of 600 minutes used.");
  });

  it("asks again while a recording is being transcribed and shows its progress", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
    const list = vi
      .fn()
      .mockResolvedValueOnce([recording({ status: "running", progressPercent: 40 })])
      .mockResolvedValueOnce([recording({ status: "completed", progressPercent: 100 })]);
    render(<RecordingLibrary recordings={fakeApi({ list })} />);

    expect(await screen.findByRole("progressbar", { name: "Transcribing renewal-call.wav" })).toHaveAttribute("value", "40");
    await act(async () => {});
    await act(async () => vi.advanceTimersByTime(2000));

    expect(await screen.findByText("Transcribed")).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
    await act(async () => vi.advanceTimersByTime(4000));
    expect(list).toHaveBeenCalledTimes(2);
  });

  it("opens a transcript with each speaker and time, and deletes a recording", async () => {
    const transcript: Transcript = {
      recording: recording({}),
      segments: [
        { id: "s1", speaker: "agent", startSeconds: 0.5, endSeconds: 4, text: "hi i am calling about your umbrella policy", confidence: 0.9 },
        { id: "s2", speaker: "client", startSeconds: 65, endSeconds: 68.2, text: "my deductible went up", confidence: 0.8 },
      ],
    };
    const remove = vi.fn(async () => undefined);
    const list = vi.fn().mockResolvedValueOnce([recording({})]).mockResolvedValueOnce([]);
    render(<RecordingLibrary recordings={fakeApi({ list, transcript: vi.fn(async () => transcript), delete: remove })} />);

    await userEvent.click(await screen.findByRole("button", { name: "renewal-call.wav" }));

    const view = await screen.findByRole("region", { name: "Transcript of renewal-call.wav" });
    const lines = within(view).getAllByRole("listitem").map((li) => li.textContent);
    expect(lines).toEqual(["You 0:00–0:04 hi i am calling about your umbrella policy", "Client 1:05–1:08 my deductible went up"]);
    await userEvent.click(screen.getByRole("button", { name: "Delete renewal-call.wav" }));
    expect(remove).toHaveBeenCalledWith("r1");
    expect(await screen.findByText(/No recordings yet/)).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Transcript of renewal-call.wav" })).not.toBeInTheDocument();
  });

  it("shows why an upload was refused", async () => {
    const { ApiError } = await import("@/lib/api");
    const upload = vi.fn(async () => {
      throw new ApiError({ status: 400, title: "The recording was not accepted", fieldErrors: { file: ["is not audio."] } });
    });
    render(<RecordingLibrary recordings={fakeApi({ upload: upload as RecordingsApi["upload"] })} />);
    await screen.findByText(/No recordings yet/);

    await userEvent.upload(screen.getByLabelText(/Upload a call recording/), new File(["x"], "notes.mp3"));

    expect(await screen.findByRole("alert")).toHaveTextContent("file: is not audio.");
  });
});
