import { api } from "./api";
import { asArray, asBoolean, asObject, asString, asStrings, asTimestamp } from "./proto-json";

const cardsPath = "/api/conversation/playbook/cards";

/** The placeholders a card's guidance may use; the live call fills them in with the client's facts. */
export const guidancePlaceholders = ["{client}", "{first_name}", "{policies}", "{next_renewal}"] as const;

/** One playbook card, with proto3's omitted defaults filled in. */
export interface PlaybookCard {
  cardId: string;
  key: string;
  title: string;
  guidance: string;
  examples: string[];
  enabled: boolean;
  updatedAt?: string;
}

/** What the agent edits on a card. */
export type PlaybookCardInput = Pick<PlaybookCard, "title" | "guidance" | "examples" | "enabled">;

export function toPlaybookCard(value: unknown): PlaybookCard {
  const card = asObject(value);
  return {
    cardId: asString(card.cardId),
    key: asString(card.key),
    title: asString(card.title),
    guidance: asString(card.guidance),
    examples: asStrings(card.examples),
    enabled: asBoolean(card.enabled),
    updatedAt: asTimestamp(card.updatedAt),
  };
}

function toCards(value: unknown): PlaybookCard[] {
  return asArray(asObject(value).cards).map(toPlaybookCard);
}

/** The agent's cards in playbook order (the defaults on first use). */
export async function listPlaybookCards(signal?: AbortSignal): Promise<PlaybookCard[]> {
  return toCards(await api.get<unknown>(cardsPath, { signal }));
}

export async function updatePlaybookCard(cardId: string, input: PlaybookCardInput): Promise<PlaybookCard> {
  return toPlaybookCard(await api.put<unknown>(`${cardsPath}/${encodeURIComponent(cardId)}`, input));
}

/** Puts every card back to its default; answers the default cards. */
export async function resetPlaybook(): Promise<PlaybookCard[]> {
  return toCards(await api.post<unknown>("/api/conversation/playbook:reset", {}));
}

/** The examples as the editor shows them, one per line, and back (blank lines dropped). */
export function examplesToText(examples: string[]): string {
  return examples.join("\n");
}

export function textToExamples(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
