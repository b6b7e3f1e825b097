import { api } from "./api";
import { asNumber, asObject, asString, asStrings } from "./proto-json";

export const transcriptionSettingsPath = "/api/transcription/settings";
export const transcriptionUsagePath = "/api/transcription/usage";

/** The agent's speech engine: their choice ("" for the deployment's default), the one in use and those offered. */
export interface SpeechSettings {
  engine: string;
  engineInUse: string;
  availableEngines: string[];
  defaultEngine: string;
}

/** This month's transcribed audio against the monthly allowance (0: no limit), in seconds. */
export interface MonthUsage {
  usedSeconds: number;
  limitSeconds: number;
}

const engineNames: Record<string, string> = {
  pocketsphinx: "PocketSphinx (on this server)",
  groq: "Groq Whisper (cloud)",
};

/** An engine's name for people; an engine the app does not know keeps its own name. */
export function engineLabel(engine: string): string {
  return engineNames[engine] ?? engine;
}

export function toSpeechSettings(json: unknown): SpeechSettings {
  const settings = asObject(asObject(json).settings);
  return {
    engine: asString(settings.engine),
    engineInUse: asString(settings.engineInUse),
    availableEngines: asStrings(settings.availableEngines),
    defaultEngine: asString(settings.defaultEngine),
  };
}

export async function getSpeechSettings(signal?: AbortSignal): Promise<SpeechSettings> {
  return toSpeechSettings(await api.get<unknown>(transcriptionSettingsPath, { signal, cache: "no-store" }));
}

/** Chooses the agent's engine ("" for the deployment's default); one not offered answers 400 naming `engine`. */
export async function updateSpeechEngine(engine: string): Promise<SpeechSettings> {
  return toSpeechSettings(await api.put<unknown>(transcriptionSettingsPath, { engine }));
}

export async function getMonthUsage(signal?: AbortSignal): Promise<MonthUsage> {
  const usage = asObject(await api.get<unknown>(transcriptionUsagePath, { signal, cache: "no-store" }));
  return { usedSeconds: asNumber(usage.monthAudioSeconds), limitSeconds: asNumber(usage.monthlyLimitSeconds) };
}
