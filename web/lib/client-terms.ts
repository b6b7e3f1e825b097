import { protoEnum } from "./proto-json";

/** PhoneType, by its short name; unspecified is stored as other. */
export const phoneType = protoEnum("PHONE_TYPE", ["mobile", "home", "work", "other"]);
export type PhoneType = (typeof phoneType.keys)[number];

export const phoneTypeLabels: Record<PhoneType, string> = {
  mobile: "Mobile",
  home: "Home",
  work: "Work",
  other: "Other",
};

/** RecordingConsent, by its short name; unspecified means the client was not asked yet. */
export const recordingConsent = protoEnum("RECORDING_CONSENT", ["granted", "declined"]);
export type RecordingConsent = (typeof recordingConsent.keys)[number] | "not-asked";

export const recordingConsentLabels: Record<RecordingConsent, string> = {
  "not-asked": "Not asked yet",
  granted: "Agreed to recording",
  declined: "Declined recording",
};

/** ClientOrder, by its short name; unspecified means by name, or by relevance when there is a query. */
export const clientOrder = protoEnum("CLIENT_ORDER", ["name", "relevance", "last-contacted", "next-renewal", "recently-added"]);
export type ClientOrder = (typeof clientOrder.keys)[number];

export const clientOrderLabels: Record<ClientOrder, string> = {
  name: "Name (A to Z)",
  relevance: "Best match",
  "last-contacted": "Longest without contact",
  "next-renewal": "Soonest renewal",
  "recently-added": "Recently added",
};
