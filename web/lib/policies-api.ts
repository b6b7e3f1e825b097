import { api } from "./api";
import { asObject, asString, asTimestamp, dateToIso, isoToDate } from "./proto-json";
import { lineOfBusiness, policyStatus, type LineOfBusiness, type PolicyStatus } from "./policy-terms";

/** A client's insurance policy, with proto3's omitted defaults filled in. Dates are "YYYY-MM-DD" or "". */
export interface Policy {
  policyId: string;
  clientId: string;
  policyNumber: string;
  carrier: string;
  lineOfBusiness?: LineOfBusiness;
  /** The line of business as an imported file wrote it, when it was filed as other; "" otherwise. */
  lineOfBusinessText: string;
  status?: PolicyStatus;
  /** The status as an imported file wrote it, when it was filed as other; "" otherwise. */
  statusText: string;
  /** The premium in the currency's minor units, as a string (int64). */
  premiumMinor: string;
  currencyCode: string;
  effectiveDate: string;
  expirationDate: string;
  /** The lapse or cancellation date; "" when not known (a policy imported as lapsed without it). */
  endDate: string;
  notes: string;
  createdAt?: string;
  updatedAt?: string;
  etag: string;
}

/** What the agent edits on a policy. */
export interface PolicyInput {
  policyNumber: string;
  carrier: string;
  lineOfBusiness?: LineOfBusiness;
  status?: PolicyStatus;
  premiumMinor: string;
  currencyCode: string;
  effectiveDate: string;
  expirationDate: string;
  endDate: string;
  notes: string;
}

export function toPolicy(json: unknown): Policy {
  const body = asObject(json);
  const premium = body.premiumMinor;
  return {
    policyId: asString(body.policyId),
    clientId: asString(body.clientId),
    policyNumber: asString(body.policyNumber),
    carrier: asString(body.carrier),
    lineOfBusiness: lineOfBusiness.read(body.lineOfBusiness),
    lineOfBusinessText: asString(body.lineOfBusinessText),
    status: policyStatus.read(body.status),
    statusText: asString(body.statusText),
    premiumMinor: typeof premium === "number" ? String(premium) : asString(premium) || "0",
    currencyCode: asString(body.currencyCode) || "USD",
    effectiveDate: dateToIso(body.effectiveDate),
    expirationDate: dateToIso(body.expirationDate),
    endDate: dateToIso(body.endDate),
    notes: asString(body.notes),
    createdAt: asTimestamp(body.createdAt),
    updatedAt: asTimestamp(body.updatedAt),
    etag: asString(body.etag),
  };
}

/** The policy as the API reads it; unset enums and dates are left out, which the API reads as unset. */
export function toPolicyJson(input: PolicyInput): Record<string, unknown> {
  return {
    policyNumber: input.policyNumber,
    carrier: input.carrier,
    lineOfBusiness: input.lineOfBusiness ? lineOfBusiness.write(input.lineOfBusiness) : undefined,
    status: input.status ? policyStatus.write(input.status) : undefined,
    premiumMinor: input.premiumMinor,
    currencyCode: input.currencyCode,
    effectiveDate: isoToDate(input.effectiveDate),
    expirationDate: isoToDate(input.expirationDate),
    endDate: isoToDate(input.endDate),
    notes: input.notes,
  };
}

export function policiesPath(clientId: string): string {
  return `/api/clients/${encodeURIComponent(clientId)}/policies`;
}

export function policyPath(clientId: string, policyId: string): string {
  return `${policiesPath(clientId)}/${encodeURIComponent(policyId)}`;
}

export async function createPolicy(clientId: string, input: PolicyInput): Promise<Policy> {
  return toPolicy(await api.post<unknown>(policiesPath(clientId), toPolicyJson(input)));
}

/** Replaces the policy's editable fields; a stale `etag` answers 409. */
export async function updatePolicy(clientId: string, policyId: string, etag: string, input: PolicyInput): Promise<Policy> {
  return toPolicy(
    await api.put<unknown>(policyPath(clientId, policyId), { ...toPolicyJson(input), clientId, policyId, etag }),
  );
}

/** Deletes the policy if it is still at `etag` (409 otherwise). */
export async function deletePolicy(clientId: string, policyId: string, etag: string): Promise<void> {
  await api.delete(`${policyPath(clientId, policyId)}?etag=${encodeURIComponent(etag)}`);
}
