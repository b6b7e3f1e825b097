"use client";

import { ProblemAlert } from "@/components/ProblemAlert";
import { formatOffset, type RecordingsApi, type Speaker } from "@/lib/recordings-api";
import { useLoad } from "@/lib/use-load";
import styles from "./RecordingLibrary.module.css";

const speakerNames: Record<Speaker, string> = { agent: "You", client: "Client" };

/** A recording's transcript: each utterance with its speaker and when it was said. */
export function RecordingTranscript({ recordingId, recordings }: { recordingId: string; recordings: RecordingsApi }) {
  const { state, reload } = useLoad(recordingId, (signal) => recordings.transcript(recordingId, signal));

  if (state.status === "loading") return <p role="status">Loading the transcript…</p>;
  if (state.status === "error") return <ProblemAlert error={state.error} onRetry={reload} />;
  const { recording, segments } = state.value;
  return (
    <section aria-label={`Transcript of ${recording.fileName}`} className={styles.transcript}>
      <h2>{recording.fileName}</h2>
      {recording.status !== "completed" && (
        <p role="status">
          Still transcribing ({Math.floor(recording.progressPercent)}%): this is the transcript so far.{" "}
          <button type="button" onClick={reload}>
            Refresh
          </button>
        </p>
      )}
      {segments.length === 0 && recording.status === "completed" && <p>No speech was found in this recording.</p>}
      <ol className={styles.segments}>
        {segments.map((s) => (
          <li key={s.id} className={s.speaker === "client" ? styles.client : styles.agent}>
            <span className={styles.speaker}>{speakerNames[s.speaker]}</span>{" "}
            <time className={styles.time}>
              {formatOffset(s.startSeconds)}–{formatOffset(s.endSeconds)}
            </time>{" "}
            <span>{s.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
