import { api } from "./api";
import { asArray, asBoolean, asNumber, asObject, asString, asTimestamp, dateToIso, protoEnum, timeToText } from "./proto-json";

export const callQueuePath = "/api/clients/call-queue";
export const bookSettingsPath = "/api/clients/settings";

/** CallReasonKind, by its short name. */
export const callReasonKind = protoEnum("CALL_REASON_KIND", ["callback-requested", "lapsed", "renewal-due", "not-contacted"]);
export type CallReasonKind = (typeof callReasonKind.keys)[number];

export interface CallReason {
  kind?: CallReasonKind;
  /** Days until the renewal, since the lapse, or since the last contact; 0 for a callback. */
  days: number;
  policyId: string;
  policyNumber: string;
  /** The reason in words, as the service puts it ("Renewal in 12 days (HO-1234)"): the only wording there is. */
  description: string;
  /** The date is not known (a policy imported as lapsed without its date); `days` is 0 then. */
  dateUnknown: boolean;
}

export interface CallQueueEntry {
  clientId: string;
  displayName: string;
  phone: string;
  reasons: CallReason[];
  score: number;
  contactWindowStart: string;
  contactWindowEnd: string;
  timeZone: string;
  lastContactedAt?: string;
}

export interface CallQueuePage {
  entries: CallQueueEntry[];
  nextPageToken: string;
  /** What "today" is in the agent's time zone, "YYYY-MM-DD"; "" if not said. */
  today: string;
}

export function toCallQueuePage(json: unknown): CallQueuePage {
  const body = asObject(json);
  return {
    entries: asArray(body.entries).map((item) => {
      const entry = asObject(item);
      return {
        clientId: asString(entry.clientId),
        displayName: asString(entry.displayName),
        phone: asString(entry.phone),
        reasons: asArray(entry.reasons).map((reason) => {
          const r = asObject(reason);
          return {
            kind: callReasonKind.read(r.kind),
            days: asNumber(r.days),
            policyId: asString(r.policyId),
            policyNumber: asString(r.policyNumber),
            description: asString(r.description),
            dateUnknown: asBoolean(r.dateUnknown),
          };
        }),
        score: asNumber(entry.score),
        contactWindowStart: timeToText(entry.contactWindowStart),
        contactWindowEnd: timeToText(entry.contactWindowEnd),
        timeZone: asString(entry.timeZone),
        lastContactedAt: asTimestamp(entry.lastContactedAt),
      };
    }),
    nextPageToken: asString(body.nextPageToken),
    today: dateToIso(body.today),
  };
}

/** One page of the call queue, most pressing first. */
export async function listCallQueue(pageToken = "", signal?: AbortSignal): Promise<CallQueuePage> {
  const path = pageToken ? `${callQueuePath}?pageToken=${encodeURIComponent(pageToken)}` : callQueuePath;
  return toCallQueuePage(await api.get<unknown>(path, { signal, cache: "no-store" }));
}

/** The agent's rules for the call queue and defaults for the book. */
export interface BookSettings {
  renewalWindowDays: number;
  contactIntervalDays: number;
  lapseWindowDays: number;
  timeZone: string;
  defaultRegion: string;
}

export function toBookSettings(json: unknown): BookSettings {
  const body = asObject(json);
  return {
    renewalWindowDays: asNumber(body.renewalWindowDays),
    contactIntervalDays: asNumber(body.contactIntervalDays),
    lapseWindowDays: asNumber(body.lapseWindowDays),
    timeZone: asString(body.timeZone),
    defaultRegion: asString(body.defaultRegion),
  };
}

export async function getBookSettings(signal?: AbortSignal): Promise<BookSettings> {
  return toBookSettings(await api.get<unknown>(bookSettingsPath, { signal, cache: "no-store" }));
}

/** Replaces every setting; out-of-range values answer 400 naming the field. */
export async function updateBookSettings(settings: BookSettings): Promise<BookSettings> {
  return toBookSettings(await api.put<unknown>(bookSettingsPath, settings));
}
