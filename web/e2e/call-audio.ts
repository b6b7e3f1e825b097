import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const rate = 16_000;

/** One turn of a recorded call: who speaks, and what. */
export interface Turn {
  speaker: "agent" | "client";
  text: string;
  /** An espeak-ng voice; the Transcription tests' two ("en-us", and "en-us+f3" for a second speaker) recognise well. */
  voice?: string;
}

/**
 * Speech as espeak-ng says it (the voice and speed the Transcription tests recognise well), through sox to 16 kHz
 * mono PCM16; `-R` so sox's dither is the same on every run.
 */
function say(text: string, voice: string, directory: string): Int16Array {
  const wav = join(directory, "say.wav");
  execFileSync("espeak-ng", ["-v", voice, "-s", "150", "-w", wav, text]);
  const raw = execFileSync("sox", ["-R", wav, "-r", String(rate), "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", "-"]);
  return new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
}

/**
 * A softphone's stereo recording of a call, as a 16-bit 16 kHz WAV: the agent on the left, the client on the right,
 * one turn after another with a pause between, after `leadSeconds` of silence (Chromium's fake capture starts the
 * file as the page opens the device, before the page listens) and before `tailSeconds` of it. Returns its path.
 */
export function recordCall(turns: Turn[], { leadSeconds = 1.5, gapSeconds = 1.2, tailSeconds = 4 } = {}): string {
  const directory = mkdtempSync(join(tmpdir(), "agentcalls-call-audio-"));
  const spoken = turns.map((turn) => ({ ...turn, samples: say(turn.text, turn.voice ?? "en-us", directory) }));
  const frames = Math.round((leadSeconds + tailSeconds + gapSeconds * (turns.length - 1)) * rate) + spoken.reduce((n, t) => n + t.samples.length, 0);
  const stereo = new Int16Array(frames * 2);
  let at = Math.round(leadSeconds * rate);
  for (const turn of spoken) {
    const side = turn.speaker === "agent" ? 0 : 1;
    turn.samples.forEach((sample, i) => (stereo[(at + i) * 2 + side] = sample));
    at += turn.samples.length + Math.round(gapSeconds * rate);
  }
  const path = join(directory, "call.wav");
  writeFileSync(path, wav(stereo, 2));
  return path;
}

/** A PCM16 WAV file of interleaved samples. */
function wav(samples: Int16Array, channels: number): Buffer {
  const header = Buffer.alloc(44);
  const bytes = samples.length * 2;
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + bytes, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(bytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, bytes)]);
}
