/** The book-of-business API's answers as gRPC JSON transcoding sends them, for unit tests. */

export const clientId = "3f2b8c1e-5d4a-4e6b-9a7c-1d2e3f4a5b6c";
export const policyId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
export const householdId = "c0ffee00-1111-4222-8333-444455556666";
export const importId = "b1e2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

export const policyJson = {
  policyId,
  clientId,
  policyNumber: "HO-1234",
  carrier: "Acme Mutual",
  lineOfBusiness: "LINE_OF_BUSINESS_HOME",
  status: "POLICY_STATUS_ACTIVE",
  premiumMinor: "123450",
  currencyCode: "USD",
  effectiveDate: { year: 2026, month: 3, day: 1 },
  expirationDate: { year: 2027, month: 3, day: 1 },
  notes: "Roof replaced 2025",
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-21T10:00:00Z",
  etag: "811",
};

/** Margaret, as GetClient answers: every field set. */
export const clientJson = {
  clientId,
  displayName: "Margaret Oyelaran",
  email: "margaret@example.com",
  phones: [
    { number: "+15555550101", type: "PHONE_TYPE_MOBILE" },
    { number: "+15555550102", type: "PHONE_TYPE_HOME" },
  ],
  address: { line1: "12 Elm St", city: "Springfield", region: "IL", postalCode: "62701", countryCode: "US" },
  dateOfBirth: { year: 1961, month: 7, day: 14 },
  householdId,
  householdName: "The Oyelarans",
  contactWindowStart: { hours: 9 },
  contactWindowEnd: { hours: 17, minutes: 30 },
  timeZone: "America/Chicago",
  recordingConsent: "RECORDING_CONSENT_GRANTED",
  tags: ["vip", "home"],
  notes: "Prefers mornings.",
  externalId: "OLD-77",
  lastContactedAt: "2026-10-01T15:00:00Z",
  lastOutcome: "Left a voicemail",
  policies: [policyJson],
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-21T10:00:00Z",
  etag: "812",
};

export const clientSummaryJson = {
  clientId,
  displayName: "Margaret Oyelaran",
  email: "margaret@example.com",
  phone: "+15555550101",
  policyCount: 1,
  createdAt: "2026-11-20T10:00:00Z",
  tags: ["vip"],
  lastContactedAt: "2026-10-01T15:00:00Z",
  nextRenewalDate: { year: 2027, month: 3, day: 1 },
  householdId,
};

/** An upload's answer: the columns with their suggested fields. */
export const uploadedImportJson = {
  importId,
  fileName: "book.csv",
  status: "IMPORT_STATUS_UPLOADED",
  mapping: [
    { columnIndex: 0, header: "Name", field: "IMPORT_FIELD_NAME" },
    { columnIndex: 1, header: "Email", field: "IMPORT_FIELD_EMAIL" },
    { columnIndex: 2, header: "Policy #", field: "IMPORT_FIELD_POLICY_NUMBER" },
    { columnIndex: 3, header: "Favourite colour" },
  ],
  delimiter: ",",
  totalRows: 3,
  createdAt: "2026-11-25T08:00:00Z",
  fileBytes: 120,
  encoding: "windows-1252",
  encodingOptions: [
    {
      encoding: "windows-1252",
      header: ["Name", "Email", "Policy #", "Favourite colour"],
      rows: [{ cells: ["José Álvarez", "jose@example.com", "AU-1", "blue"] }, { cells: ["Zoë Müller", "zoe@example.com", "", "green"] }],
    },
    {
      encoding: "utf-8",
      header: ["Name", "Email", "Policy #", "Favourite colour"],
      rows: [{ cells: ["Jos\uFFFD \uFFFDlvarez", "jose@example.com", "AU-1", "blue"] }, { cells: ["Zo\uFFFD M\uFFFDller", "zoe@example.com", "", "green"] }],
    },
  ],
};
