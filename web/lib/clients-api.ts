import { api } from "./api";
import { phoneType, recordingConsent, type PhoneType, type RecordingConsent } from "./client-terms";
import { toPolicy, type Policy } from "./policies-api";
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  asStrings,
  asTimestamp,
  dateToIso,
  isoToDate,
  protoEnum,
  textToTime,
  timeToText,
} from "./proto-json";

export const clientsPath = "/api/clients";

export function clientPath(clientId: string): string {
  return `${clientsPath}/${encodeURIComponent(clientId)}`;
}

export interface Phone {
  /** E.164 on output; any common format on input. */
  number: string;
  type: PhoneType;
}

export interface PostalAddress {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
}

/** What the agent edits on a client. Dates are "YYYY-MM-DD" or "", times "HH:MM" or "". */
export interface ClientInput {
  displayName: string;
  email: string;
  phones: Phone[];
  address: PostalAddress;
  dateOfBirth: string;
  householdId: string;
  contactWindowStart: string;
  contactWindowEnd: string;
  timeZone: string;
  doNotCall: boolean;
  doNotCallReason: string;
  doNotCallSince: string;
  recordingConsent: RecordingConsent;
  tags: string[];
  notes: string;
  externalId: string;
}

/** A client as read, with proto3's omitted defaults filled in. */
export interface Client extends ClientInput {
  clientId: string;
  householdName: string;
  lastContactedAt?: string;
  lastOutcome: string;
  nextCallAt?: string;
  policies: Policy[];
  createdAt?: string;
  updatedAt?: string;
  etag: string;
}

/** A client as lists show it. */
export interface ClientSummary {
  clientId: string;
  displayName: string;
  email: string;
  phone: string;
  policyCount: number;
  createdAt?: string;
  tags: string[];
  doNotCall: boolean;
  lastContactedAt?: string;
  /** "YYYY-MM-DD" or "". */
  nextRenewalDate: string;
  householdId: string;
}

export const emptyAddress: PostalAddress = { line1: "", line2: "", city: "", region: "", postalCode: "", countryCode: "" };

export function toClient(json: unknown): Client {
  const body = asObject(json);
  const address = asObject(body.address);
  return {
    clientId: asString(body.clientId),
    displayName: asString(body.displayName),
    email: asString(body.email),
    phones: asArray(body.phones).map((item) => {
      const phone = asObject(item);
      return { number: asString(phone.number), type: phoneType.read(phone.type) ?? "other" };
    }),
    address: {
      line1: asString(address.line1),
      line2: asString(address.line2),
      city: asString(address.city),
      region: asString(address.region),
      postalCode: asString(address.postalCode),
      countryCode: asString(address.countryCode),
    },
    dateOfBirth: dateToIso(body.dateOfBirth),
    householdId: asString(body.householdId),
    householdName: asString(body.householdName),
    contactWindowStart: timeToText(body.contactWindowStart),
    contactWindowEnd: timeToText(body.contactWindowEnd),
    timeZone: asString(body.timeZone),
    doNotCall: asBoolean(body.doNotCall),
    doNotCallReason: asString(body.doNotCallReason),
    doNotCallSince: dateToIso(body.doNotCallSince),
    recordingConsent: recordingConsent.read(body.recordingConsent) ?? "not-asked",
    tags: asStrings(body.tags),
    notes: asString(body.notes),
    externalId: asString(body.externalId),
    lastContactedAt: asTimestamp(body.lastContactedAt),
    lastOutcome: asString(body.lastOutcome),
    nextCallAt: asTimestamp(body.nextCallAt),
    policies: asArray(body.policies).map(toPolicy),
    createdAt: asTimestamp(body.createdAt),
    updatedAt: asTimestamp(body.updatedAt),
    etag: asString(body.etag),
  };
}

export function toClientSummary(json: unknown): ClientSummary {
  const body = asObject(json);
  return {
    clientId: asString(body.clientId),
    displayName: asString(body.displayName),
    email: asString(body.email),
    phone: asString(body.phone),
    policyCount: asNumber(body.policyCount),
    createdAt: asTimestamp(body.createdAt),
    tags: asStrings(body.tags),
    doNotCall: asBoolean(body.doNotCall),
    lastContactedAt: asTimestamp(body.lastContactedAt),
    nextRenewalDate: dateToIso(body.nextRenewalDate),
    householdId: asString(body.householdId),
  };
}

/** The client as the API reads it: every editable field, since an update replaces them all. */
export function toClientJson(input: ClientInput): Record<string, unknown> {
  return {
    displayName: input.displayName,
    email: input.email,
    phones: input.phones.map((phone) => ({ number: phone.number, type: phoneType.write(phone.type) })),
    address: input.address,
    dateOfBirth: isoToDate(input.dateOfBirth),
    householdId: input.householdId,
    contactWindowStart: textToTime(input.contactWindowStart),
    contactWindowEnd: textToTime(input.contactWindowEnd),
    timeZone: input.timeZone,
    doNotCall: input.doNotCall,
    doNotCallReason: input.doNotCall ? input.doNotCallReason : "",
    doNotCallSince: input.doNotCall ? isoToDate(input.doNotCallSince) : undefined,
    recordingConsent: input.recordingConsent === "not-asked" ? undefined : recordingConsent.write(input.recordingConsent),
    tags: input.tags,
    notes: input.notes,
    externalId: input.externalId,
  };
}

export async function getClient(clientId: string, signal?: AbortSignal): Promise<Client> {
  return toClient(await api.get<unknown>(clientPath(clientId), { signal, cache: "no-store" }));
}

export async function createClient(input: ClientInput): Promise<Client> {
  return toClient(await api.post<unknown>(clientsPath, toClientJson(input)));
}

/** Replaces every editable field; a stale `etag` answers 409. */
export async function updateClient(clientId: string, etag: string, input: ClientInput): Promise<Client> {
  return toClient(await api.put<unknown>(clientPath(clientId), { ...toClientJson(input), clientId, etag }));
}

/** Deletes the client and its policies if it is still at `etag` (409 otherwise). */
export async function deleteClient(clientId: string, etag: string): Promise<void> {
  await api.delete(`${clientPath(clientId)}?etag=${encodeURIComponent(etag)}`);
}

export interface ClientPage {
  clients: ClientSummary[];
  /** "" on the last page. */
  nextPageToken: string;
}

/** One page of clients; `queryString` is ListClients' query (see `toListClientsQuery`), without "?". */
export async function listClients(queryString: string, signal?: AbortSignal): Promise<ClientPage> {
  const body = asObject(
    await api.get<unknown>(queryString ? `${clientsPath}?${queryString}` : clientsPath, { signal, cache: "no-store" }),
  );
  return { clients: asArray(body.clients).map(toClientSummary), nextPageToken: asString(body.nextPageToken) };
}

export const historyActor = protoEnum("HISTORY_ACTOR", ["agent", "import", "call-log"]);
export const historySubject = protoEnum("HISTORY_SUBJECT", ["client", "policy"]);
export const historyAction = protoEnum("HISTORY_ACTION", ["created", "updated", "deleted"]);

export interface FieldChange {
  field: string;
  oldValue: string;
  newValue: string;
}

/** One change to a client or one of its policies: who, what and when. */
export interface HistoryEntry {
  entryId: string;
  changedAt?: string;
  actor?: (typeof historyActor.keys)[number];
  subject?: (typeof historySubject.keys)[number];
  policyId: string;
  policyNumber: string;
  action?: (typeof historyAction.keys)[number];
  changes: FieldChange[];
  sourceId: string;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  nextPageToken: string;
}

export function toHistoryEntry(json: unknown): HistoryEntry {
  const body = asObject(json);
  return {
    entryId: asString(body.entryId),
    changedAt: asTimestamp(body.changedAt),
    actor: historyActor.read(body.actor),
    subject: historySubject.read(body.subject),
    policyId: asString(body.policyId),
    policyNumber: asString(body.policyNumber),
    action: historyAction.read(body.action),
    changes: asArray(body.changes).map((item) => {
      const change = asObject(item);
      return { field: asString(change.field), oldValue: asString(change.oldValue), newValue: asString(change.newValue) };
    }),
    sourceId: asString(body.sourceId),
  };
}

/** One page of the client's history, newest first. */
export async function listClientHistory(clientId: string, pageToken = "", signal?: AbortSignal): Promise<HistoryPage> {
  const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : "";
  const body = asObject(await api.get<unknown>(`${clientPath(clientId)}/history${query}`, { signal, cache: "no-store" }));
  return { entries: asArray(body.entries).map(toHistoryEntry), nextPageToken: asString(body.nextPageToken) };
}
