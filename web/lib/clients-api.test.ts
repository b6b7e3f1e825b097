import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientId, clientJson, clientSummaryJson, householdId, policyId } from "@/testing/clients";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ApiError } from "./api";
import {
  createClient,
  deleteClient,
  listClientHistory,
  listClients,
  toClient,
  toClientJson,
  toClientSummary,
  updateClient,
  type ClientInput,
} from "./clients-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const input: ClientInput = {
  displayName: "Margaret Oyelaran",
  email: "margaret@example.com",
  phones: [{ number: "(312) 555-0101", type: "mobile" }],
  address: { line1: "12 Elm St", line2: "", city: "Springfield", region: "IL", postalCode: "62701", countryCode: "US" },
  dateOfBirth: "1961-07-14",
  householdId,
  contactWindowStart: "09:00",
  contactWindowEnd: "17:30",
  timeZone: "America/Chicago",
  doNotCall: false,
  doNotCallReason: "",
  doNotCallSince: "",
  recordingConsent: "granted",
  tags: ["vip"],
  notes: "Prefers mornings.",
  externalId: "OLD-77",
};

describe("toClient", () => {
  it("reads a client with its policies", () => {
    const client = toClient(clientJson);

    expect(client).toMatchObject({
      clientId,
      displayName: "Margaret Oyelaran",
      phones: [
        { number: "+15555550101", type: "mobile" },
        { number: "+15555550102", type: "home" },
      ],
      address: { line1: "12 Elm St", line2: "", city: "Springfield", region: "IL", postalCode: "62701", countryCode: "US" },
      dateOfBirth: "1961-07-14",
      householdName: "The Oyelarans",
      contactWindowStart: "09:00",
      contactWindowEnd: "17:30",
      recordingConsent: "granted",
      lastContactedAt: "2026-10-01T15:00:00Z",
      etag: "812",
    });
    expect(client.policies[0]).toMatchObject({ policyId, lineOfBusiness: "home", status: "active", premiumMinor: "123450", expirationDate: "2027-03-01" });
  });

  it("fills in every field proto3 JSON leaves out at its default", () => {
    expect(toClient({ clientId, displayName: "Ann", etag: "1" })).toEqual({
      clientId,
      displayName: "Ann",
      email: "",
      phones: [],
      address: { line1: "", line2: "", city: "", region: "", postalCode: "", countryCode: "" },
      dateOfBirth: "",
      householdId: "",
      householdName: "",
      contactWindowStart: "",
      contactWindowEnd: "",
      timeZone: "",
      doNotCall: false,
      doNotCallReason: "",
      doNotCallSince: "",
      recordingConsent: "not-asked",
      tags: [],
      notes: "",
      externalId: "",
      lastContactedAt: undefined,
      lastOutcome: "",
      nextCallAt: undefined,
      policies: [],
      createdAt: undefined,
      updatedAt: undefined,
      etag: "1",
    });
  });

  it("reads a summary, defaults included", () => {
    expect(toClientSummary(clientSummaryJson)).toMatchObject({ policyCount: 1, nextRenewalDate: "2027-03-01", doNotCall: false });
    expect(toClientSummary({ clientId })).toMatchObject({ policyCount: 0, tags: [], nextRenewalDate: "", lastContactedAt: undefined });
  });
});

describe("toClientJson", () => {
  it("writes every editable field as the API reads it", () => {
    expect(JSON.parse(JSON.stringify(toClientJson(input)))).toEqual({
      displayName: "Margaret Oyelaran",
      email: "margaret@example.com",
      phones: [{ number: "(312) 555-0101", type: "PHONE_TYPE_MOBILE" }],
      address: { line1: "12 Elm St", line2: "", city: "Springfield", region: "IL", postalCode: "62701", countryCode: "US" },
      dateOfBirth: { year: 1961, month: 7, day: 14 },
      householdId,
      contactWindowStart: { hours: 9, minutes: 0, seconds: 0 },
      contactWindowEnd: { hours: 17, minutes: 30, seconds: 0 },
      timeZone: "America/Chicago",
      doNotCall: false,
      doNotCallReason: "",
      recordingConsent: "RECORDING_CONSENT_GRANTED",
      tags: ["vip"],
      notes: "Prefers mornings.",
      externalId: "OLD-77",
    });
  });

  it("sends the do-not-call reason and date only with the mark, and leaves consent unset when not asked", () => {
    const marked = toClientJson({ ...input, doNotCall: true, doNotCallReason: "Asked us to stop", doNotCallSince: "2026-11-01", recordingConsent: "not-asked" });
    expect(marked).toMatchObject({ doNotCall: true, doNotCallReason: "Asked us to stop", doNotCallSince: { year: 2026, month: 11, day: 1 } });
    expect(marked.recordingConsent).toBeUndefined();

    const unmarked = toClientJson({ ...input, doNotCallReason: "stale", doNotCallSince: "2026-11-01" });
    expect(unmarked).toMatchObject({ doNotCall: false, doNotCallReason: "" });
    expect(unmarked.doNotCallSince).toBeUndefined();
  });
});

describe("client calls", () => {
  it("creates a client with POST /api/clients", async () => {
    const requests = routeFetch(fetchMock, { "POST /api/clients": () => jsonResponse(clientJson) });

    const client = await createClient(input);

    expect(client.clientId).toBe(clientId);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.body).toEqual(JSON.parse(JSON.stringify(toClientJson(input))));
  });

  it("updates with PUT, sending the etag it read", async () => {
    const requests = routeFetch(fetchMock, { [`PUT /api/clients/${clientId}`]: () => jsonResponse(clientJson) });

    await updateClient(clientId, "811", input);

    expect(requests[0]?.body).toMatchObject({ clientId, etag: "811", displayName: "Margaret Oyelaran" });
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("turns a stale etag's 409 into an ApiError", async () => {
    routeFetch(fetchMock, {
      [`PUT /api/clients/${clientId}`]: () =>
        problemResponse({ title: "Conflict", status: 409, detail: "The client changed since you read it: read it again and reapply your change." }),
    });

    const error = await updateClient(clientId, "1", input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409 });
  });

  it("deletes only the version read", async () => {
    const requests = routeFetch(fetchMock, { [`DELETE /api/clients/${clientId}?etag=812`]: () => jsonResponse({}) });

    await deleteClient(clientId, "812");

    expect(requestsTo(requests, "DELETE", `/api/clients/${clientId}?etag=812`)).toHaveLength(1);
  });

  it("lists a page of clients with the query string given, and the next page's token", async () => {
    routeFetch(fetchMock, {
      "GET /api/clients?query=margret": () => jsonResponse({ clients: [clientSummaryJson], nextPageToken: "T2" }),
      "GET /api/clients": () => jsonResponse({}),
    });

    await expect(listClients("query=margret")).resolves.toMatchObject({ clients: [{ clientId }], nextPageToken: "T2" });
    await expect(listClients("")).resolves.toEqual({ clients: [], nextPageToken: "" });
  });

  it("reads the history page by page", async () => {
    routeFetch(fetchMock, {
      [`GET /api/clients/${clientId}/history?pageToken=H2`]: () =>
        jsonResponse({
          entries: [
            {
              entryId: "e1",
              changedAt: "2026-11-21T10:00:00Z",
              actor: "HISTORY_ACTOR_IMPORT",
              subject: "HISTORY_SUBJECT_POLICY",
              policyNumber: "HO-1234",
              action: "HISTORY_ACTION_UPDATED",
              changes: [{ field: "carrier", oldValue: "Acme", newValue: "Acme Mutual" }],
            },
          ],
        }),
    });

    const page = await listClientHistory(clientId, "H2");

    expect(page).toEqual({
      entries: [
        {
          entryId: "e1",
          changedAt: "2026-11-21T10:00:00Z",
          actor: "import",
          subject: "policy",
          policyId: "",
          policyNumber: "HO-1234",
          action: "updated",
          changes: [{ field: "carrier", oldValue: "Acme", newValue: "Acme Mutual" }],
          sourceId: "",
        },
      ],
      nextPageToken: "",
    });
  });
});
