"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { openSource, startCapture, type AudioSourceKind, type Capture } from "./audio-capture";
import { initialLiveCallState, liveCallReducer, type LiveCommand } from "./live-call";
import { liveSocketUrl } from "./live-call-api";
import { LiveConnection, type ConnectionStatus } from "./live-connection";
import type { Speaker } from "./pcm";

/** A capture the agent turned on, and the reason one could not be. */
export interface SourceState {
  active: AudioSourceKind[];
  problem?: string;
}

/**
 * A live call on the screen: its socket (reconnecting by itself), the state the server keeps sending, the audio
 * sources with their levels, and control messages. Audio of a channel the server reports muted is not even sent.
 */
export function useLiveCall(callId: string) {
  const [call, dispatch] = useReducer(liveCallReducer, initialLiveCallState);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [levels, setLevels] = useState<Record<Speaker, number>>({ agent: 0, client: 0 });
  const [sources, setSources] = useState<SourceState>({ active: [] });
  const connection = useRef<LiveConnection | null>(null);
  const captures = useRef(new Map<AudioSourceKind, Capture>());
  const muted = useRef<string[]>([]);
  muted.current = call.muted;

  useEffect(() => {
    const live = new LiveConnection({ url: liveSocketUrl(callId), onMessage: dispatch, onStatus: setStatus });
    connection.current = live;
    live.open();
    const running = captures.current;
    return () => {
      live.close();
      running.forEach((capture) => capture.stop());
      running.clear();
    };
  }, [callId]);

  const stopSource = useCallback((kind: AudioSourceKind) => {
    captures.current.get(kind)?.stop();
    captures.current.delete(kind);
    setSources((s) => ({ active: s.active.filter((k) => k !== kind) }));
  }, []);

  const startSource = useCallback(
    async (kind: AudioSourceKind) => {
      setSources((s) => ({ active: s.active, problem: undefined }));
      try {
        const stream = await openSource(kind);
        const capture = await startCapture(kind, stream, {
          onFrame: (frame, speaker) => {
            if (!muted.current.includes(speaker)) connection.current?.sendAudio(frame);
          },
          onLevel: (speaker, value) => setLevels((l) => (l[speaker] === value ? l : { ...l, [speaker]: value })),
          onEnded: () => stopSource(kind),
        });
        captures.current.set(kind, capture);
        setSources((s) => ({ active: [...s.active.filter((k) => k !== kind), kind] }));
      } catch (failure) {
        setSources((s) => ({ active: s.active, problem: describeCaptureFailure(kind, failure) }));
      }
    },
    [stopSource],
  );

  const send = useCallback((command: LiveCommand) => connection.current?.send(command) ?? false, []);
  const stopAll = useCallback(() => {
    captures.current.forEach((capture) => capture.stop());
    captures.current.clear();
    setSources({ active: [] });
  }, []);
  const reconnect = useCallback(() => connection.current?.open(), []);

  return { call, status, levels, sources, startSource, stopSource, stopAll, send, reconnect };
}

function describeCaptureFailure(kind: AudioSourceKind, failure: unknown): string {
  const name = failure instanceof DOMException ? failure.name : "";
  const what = kind === "tab" ? "the shared tab's sound" : "the microphone";
  if (name === "NotAllowedError") return `The browser was not allowed to use ${what}.`;
  if (name === "NotFoundError") return `No ${kind === "tab" ? "tab was shared" : "microphone was found"}.`;
  return failure instanceof Error && failure.message ? failure.message : `Could not start ${what}.`;
}
