import { level, PcmFramer, type Speaker } from "./pcm";

/**
 * Where the live call's audio comes from:
 * - `microphone`: the agent's microphone, all of it the agent;
 * - `stereo-mix`: an input carrying a softphone's stereo mix, left the agent and right the client;
 * - `tab`: a shared browser tab (a web softphone, a video call), all of it the client.
 */
export type AudioSourceKind = "microphone" | "stereo-mix" | "tab";

/** Which speaker each input channel of a source is, in order. */
export const sourceChannels: Record<AudioSourceKind, Speaker[]> = {
  microphone: ["agent"],
  "stereo-mix": ["agent", "client"],
  tab: ["client"],
};

/** Raw audio: the browser's echo cancelling, noise suppression and gain control distort speech for recognition. */
const rawAudio = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

export interface Capture {
  stop: () => void;
}

export interface CaptureCallbacks {
  onFrame: (frame: ArrayBuffer, speaker: Speaker) => void;
  /** A speaker's level, 0 … 1, about ten times a second. */
  onLevel: (speaker: Speaker, level: number) => void;
  /** The source stopped by itself (the tab's sharing ended, the device was unplugged). */
  onEnded: () => void;
}

/** Asks the browser for the source's stream (a prompt the first time). */
export async function openSource(kind: AudioSourceKind): Promise<MediaStream> {
  if (kind === "tab") {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: rawAudio });
    if (stream.getAudioTracks().length === 0) {
      stream.getTracks().forEach((t) => t.stop());
      throw new Error("The shared tab brings no sound: share a tab and tick “Share tab audio”.");
    }
    return stream;
  }
  const channelCount = kind === "stereo-mix" ? { ideal: 2 } : { ideal: 1 };
  return navigator.mediaDevices.getUserMedia({ audio: { ...rawAudio, channelCount } });
}

/** Taps the stream's audio in an AudioWorklet and hands 16 kHz PCM16 frames per speaker to `onFrame`. */
export async function startCapture(kind: AudioSourceKind, stream: MediaStream, callbacks: CaptureCallbacks): Promise<Capture> {
  const speakers = sourceChannels[kind];
  const context = new AudioContext();
  await context.audioWorklet.addModule("/audio/capture-worklet.js");
  await context.resume();
  const source = context.createMediaStreamSource(new MediaStream(stream.getAudioTracks()));
  const tap = new AudioWorkletNode(context, "capture-tap", {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    channelCount: speakers.length,
    channelCountMode: "explicit",
    // One speaker: a stereo input is mixed down; a stereo mix: each side stays its own speaker.
    channelInterpretation: speakers.length > 1 ? "discrete" : "speakers",
  });
  // The graph runs only what reaches the destination; the silent gain keeps the tap running without playing it back.
  const silent = context.createGain();
  silent.gain.value = 0;
  source.connect(tap).connect(silent).connect(context.destination);

  const framers = speakers.map((speaker) => new PcmFramer(speaker, context.sampleRate));
  const peaks = speakers.map(() => 0);
  let lastLevel = 0;
  tap.port.onmessage = (event: MessageEvent<Float32Array[]>) => {
    event.data.forEach((block, index) => {
      const framer = framers[index];
      if (!framer) return;
      for (const frame of framer.push(block)) callbacks.onFrame(frame, framer.speaker);
      peaks[index] = Math.max(peaks[index], level(block));
    });
    if (context.currentTime - lastLevel >= 0.1) {
      lastLevel = context.currentTime;
      speakers.forEach((speaker, index) => callbacks.onLevel(speaker, peaks[index]));
      peaks.fill(0);
    }
  };
  stream.getAudioTracks().forEach((track) => track.addEventListener("ended", callbacks.onEnded));

  return {
    stop: () => {
      tap.port.onmessage = null;
      stream.getTracks().forEach((t) => t.stop());
      speakers.forEach((speaker) => callbacks.onLevel(speaker, 0));
      void context.close();
    },
  };
}
