import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientId, policyId, policyJson } from "@/testing/clients";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse } from "@/testing/responses";
import { createPolicy, deletePolicy, toPolicy, updatePolicy, type PolicyInput } from "./policies-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const input: PolicyInput = {
  policyNumber: "HO-1234",
  carrier: "Acme Mutual",
  lineOfBusiness: "home",
  status: "lapsed",
  premiumMinor: "123450",
  currencyCode: "USD",
  effectiveDate: "2026-03-01",
  expirationDate: "2027-03-01",
  endDate: "2026-10-01",
  notes: "",
};

describe("policies", () => {
  it("reads a policy, and fills in the defaults proto3 JSON leaves out", () => {
    expect(toPolicy(policyJson)).toMatchObject({ lineOfBusiness: "home", status: "active", premiumMinor: "123450", effectiveDate: "2026-03-01", endDate: "" });
    expect(toPolicy({ policyId })).toMatchObject({ lineOfBusiness: undefined, status: undefined, premiumMinor: "0", currencyCode: "USD", notes: "" });
  });

  it("reads the words an imported file gave a line of business and a status it filed as other", () => {
    const imported = toPolicy({
      ...policyJson,
      lineOfBusiness: "LINE_OF_BUSINESS_OTHER",
      lineOfBusinessText: "Commercial Package",
      status: "POLICY_STATUS_OTHER",
      statusText: "Pending Cancel",
    });

    expect(imported).toMatchObject({ lineOfBusiness: "other", lineOfBusinessText: "Commercial Package", status: "other", statusText: "Pending Cancel" });
    expect(toPolicy(policyJson)).toMatchObject({ lineOfBusinessText: "", statusText: "" });
  });

  it("creates a policy under its client, enums by name and dates as google.type.Date", async () => {
    const requests = routeFetch(fetchMock, { [`POST /api/clients/${clientId}/policies`]: () => jsonResponse(policyJson) });

    await createPolicy(clientId, input);

    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.body).toEqual({
      policyNumber: "HO-1234",
      carrier: "Acme Mutual",
      lineOfBusiness: "LINE_OF_BUSINESS_HOME",
      status: "POLICY_STATUS_LAPSED",
      premiumMinor: "123450",
      currencyCode: "USD",
      effectiveDate: { year: 2026, month: 3, day: 1 },
      expirationDate: { year: 2027, month: 3, day: 1 },
      endDate: { year: 2026, month: 10, day: 1 },
      notes: "",
    });
  });

  it("updates with the etag read, and deletes only that version", async () => {
    const requests = routeFetch(fetchMock, {
      [`PUT /api/clients/${clientId}/policies/${policyId}`]: () => jsonResponse(policyJson),
      [`DELETE /api/clients/${clientId}/policies/${policyId}?etag=811`]: () => jsonResponse({}),
    });

    await updatePolicy(clientId, policyId, "811", { ...input, endDate: "" });
    await deletePolicy(clientId, policyId, "811");

    expect(requests[0]?.body).toMatchObject({ clientId, policyId, etag: "811", policyNumber: "HO-1234" });
    expect(requests[0]?.body).not.toHaveProperty("endDate");
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
  });
});
