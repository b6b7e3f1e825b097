"use client";

import { useEffect, useState } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import {
  formatBytes,
  formatOffset,
  isActive,
  recordingsApi,
  type Recording,
  type RecordingsApi,
  type Speaker,
  type UploadProgress,
} from "@/lib/recordings-api";
import { useLoad } from "@/lib/use-load";
import { RecordingTranscript } from "./RecordingTranscript";
import styles from "./RecordingLibrary.module.css";
import { UploadFileInput } from "../forms/UploadFileInput";

/** How often the list is asked again while a recording is queued or being transcribed. */
export const pollMilliseconds = 2000;

const statusLabels: Record<Recording["status"], string> = {
  queued: "Waiting",
  running: "Transcribing",
  completed: "Transcribed",
  failed: "Failed",
};

/** The Recordings page: upload with a byte progress bar, the jobs with their progress (polled), the transcript, delete. */
export function RecordingLibrary({ recordings = recordingsApi }: { recordings?: RecordingsApi }) {
  const { state, reload, set } = useLoad("recordings", (signal) => recordings.list(signal));
  const [speaker, setSpeaker] = useState<Speaker>("agent");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const list = state.status === "loaded" ? state.value : [];
  const polling = list.some(isActive);

  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      recordings.list(controller.signal).then(set, (failure: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(failure));
      });
    }, pollMilliseconds);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [polling, list, recordings, set]);

  async function upload(file: File) {
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const recording = await recordings.upload(file, speaker, setProgress);
      set([recording, ...list]);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setProgress(null);
    }
  }

  async function remove(recording: Recording) {
    setError(null);
    try {
      await recordings.delete(recording.recordingId);
      if (opened === recording.recordingId) setOpened(null);
      reload();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  return (
    <>
      <h1>Recordings</h1>
      <div className={styles.upload}>
        <UploadFileInput label="Upload a call recording (WAV, FLAC, MP3, M4A, OGG)" accept=".wav,.flac,.mp3,.m4a,.aac,.ogg,.opus,audio/*" disabled={progress !== null} onFile={(file) => void upload(file)} />
        <label>
          On a one-channel recording, the speaker is{" "}
          <select value={speaker} onChange={(e) => setSpeaker(e.target.value as Speaker)} disabled={progress !== null}>
            <option value="agent">me</option>
            <option value="client">the client</option>
          </select>
        </label>
        {progress && (
          <>
            <progress className={styles.progress} aria-label="Upload progress" max={progress.total || 1} value={progress.loaded} />
            <span>
              Uploading {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
            </span>
          </>
        )}
      </div>
      <p className="muted">Stereo recordings keep you (left channel) and the client (right channel) apart.</p>
      <MonthAllowance recordings={recordings} transcribed={list.filter((r) => r.status === "completed").length} />
      {error && <ProblemAlert error={error} />}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && list.length === 0 && <p>No recordings yet. Upload a recorded call to read it as a transcript.</p>}
      {list.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Recording</th>
              <th>Length</th>
              <th>Uploaded</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.recordingId}>
                <td>
                  <button type="button" onClick={() => setOpened(r.recordingId)} disabled={r.status === "failed"}>
                    {r.fileName}
                  </button>
                </td>
                <td>{formatOffset(r.durationSeconds)}</td>
                <td>{r.createTime ? formatDateTime(r.createTime) : "—"}</td>
                <td>
                  <RecordingProgress recording={r} />
                </td>
                <td>
                  <button type="button" onClick={() => void remove(r)} aria-label={`Delete ${r.fileName}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened && <RecordingTranscript key={opened} recordingId={opened} recordings={recordings} />}
    </>
  );
}

/** The engine in use and this month's minutes against the limit; asked again whenever another recording is transcribed. */
function MonthAllowance({ recordings, transcribed }: { recordings: RecordingsApi; transcribed: number }) {
  const { state } = useLoad(`usage-${transcribed}`, (signal) => recordings.usage(signal));
  if (state.status !== "loaded") return null;
  const { engine, usedMinutes, limitMinutes } = state.value;
  return (
    <p className="muted" aria-label="Transcription this month">
      Engine: {engine}. This month: {usedMinutes.toFixed(1)} {limitMinutes > 0 ? `of ${limitMinutes.toFixed(0)} minutes used` : "minutes used (no limit)"}.
    </p>
  );
}

function RecordingProgress({ recording }: { recording: Recording }) {
  if (recording.status === "failed") return <span title={recording.error}>Failed: {recording.error}</span>;
  if (recording.status !== "running") return <span>{statusLabels[recording.status]}</span>;
  return (
    <span className={styles.running}>
      <progress aria-label={`Transcribing ${recording.fileName}`} max={100} value={recording.progressPercent} />
      {Math.floor(recording.progressPercent)}%
    </span>
  );
}
