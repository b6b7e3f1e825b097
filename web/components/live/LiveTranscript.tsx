"use client";

import { useEffect, useRef } from "react";
import type { Segment } from "@/lib/live-call";
import styles from "./LiveCall.module.css";

interface LiveTranscriptProps {
  clientName: string;
  transcript: Segment[];
  partials: Segment[];
}

/** The call as it is said: finished utterances, then those still being spoken (replaced by their final). */
export function LiveTranscript({ clientName, transcript, partials }: LiveTranscriptProps) {
  const end = useRef<HTMLLIElement>(null);
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for the effect's cleanup.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "nearest" });
  }, [transcript.length, partials]);
  const who = (speaker: string) => (speaker === "agent" ? "You" : speaker === "client" ? clientName || "Client" : speaker);
  const empty = transcript.length === 0 && partials.length === 0;
  return (
    <section className={styles.panel} aria-labelledby="live-transcript">
      <h2 id="live-transcript">Transcript</h2>
      {empty && <p className="muted">What you and the client say appears here once the audio is on.</p>}
      <ol className={styles.list} aria-label="Transcript" aria-live="polite">
        {transcript.map((segment, index) => (
          <li key={`${index}-${segment.utteranceId}`} data-speaker={segment.speaker}>
            <span className={styles.speaker}>{who(segment.speaker)}:</span>
            {segment.text}
          </li>
        ))}
        {partials.map((segment) => (
          <li key={segment.utteranceId} data-speaker={segment.speaker} className={styles.partial} aria-busy="true">
            <span className={styles.speaker}>{who(segment.speaker)}:</span>
            {segment.text}…
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
    </section>
  );
}
