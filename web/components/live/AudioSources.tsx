"use client";

import { useState } from "react";
import type { AudioSourceKind } from "@/lib/audio-capture";
import type { Speaker } from "@/lib/pcm";
import type { SourceState } from "@/lib/use-live-call";
import styles from "./LiveCall.module.css";

interface AudioSourcesProps {
  clientName: string;
  sources: SourceState;
  levels: Record<Speaker, number>;
  muted: string[];
  disabled: boolean;
  onStart: (kind: AudioSourceKind) => void;
  onStop: (kind: AudioSourceKind) => void;
  onMute: (speaker: Speaker, muted: boolean) => void;
}

/**
 * Where the call's audio comes from: the microphone (the agent's voice, or a softphone's stereo mix with the agent
 * left and the client right) and, for calls in a browser tab, that tab's sound as the client. Each speaker has a
 * level meter and a mute switch.
 */
export function AudioSources({ clientName, sources, levels, muted, disabled, onStart, onStop, onMute }: AudioSourcesProps) {
  const [microphone, setMicrophone] = useState<"microphone" | "stereo-mix">("microphone");
  const micOn = sources.active.find((k) => k === "microphone" || k === "stereo-mix");
  const tabOn = sources.active.includes("tab");
  const client = clientName || "the client";

  return (
    <section className={styles.panel} aria-labelledby="live-audio">
      <h2 id="live-audio">Audio</h2>
      <div className={styles.form}>
        <div className={styles.row}>
          <label htmlFor="live-microphone">The microphone carries</label>
          <select id="live-microphone" value={micOn ?? microphone} onChange={(e) => setMicrophone(e.target.value as typeof microphone)} disabled={!!micOn}>
            <option value="microphone">my voice</option>
            <option value="stereo-mix">a softphone’s stereo mix (left me, right the client)</option>
          </select>
          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => (micOn ? onStop(micOn) : onStart(microphone))}>
            {micOn ? "Turn off the microphone" : "Turn on the microphone"}
          </button>
        </div>
        <div className={styles.row}>
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled || (!tabOn && micOn === "stereo-mix")}
            onClick={() => (tabOn ? onStop("tab") : onStart("tab"))}
          >
            {tabOn ? "Stop sharing the client’s tab" : "Share the client’s tab"}
          </button>
          <span className="muted">For a call in a browser tab: its sound is {client}.</span>
        </div>
        <Channel speaker="agent" label="You" level={levels.agent} muted={muted.includes("agent")} disabled={disabled} onMute={onMute} />
        <Channel speaker="client" label={clientName || "Client"} level={levels.client} muted={muted.includes("client")} disabled={disabled} onMute={onMute} />
        {sources.problem && <p role="alert">{sources.problem}</p>}
      </div>
    </section>
  );
}

interface ChannelProps {
  speaker: Speaker;
  label: string;
  level: number;
  muted: boolean;
  disabled: boolean;
  onMute: (speaker: Speaker, muted: boolean) => void;
}

function Channel({ speaker, label, level, muted, disabled, onMute }: ChannelProps) {
  return (
    <div className={styles.row}>
      <span className={styles.speaker}>{label}</span>
      <meter className={styles.meter} aria-label={`${label}: level`} min={0} max={1} value={muted ? 0 : level} />
      <button type="button" className="button button-secondary" aria-pressed={muted} disabled={disabled} onClick={() => onMute(speaker, !muted)}>
        {muted ? "Unmute" : "Mute"} <span className="visually-hidden">{label}</span>
      </button>
    </div>
  );
}
