import { beforeEach, describe, expect, it, vi } from "vitest";
import { importId, uploadedImportJson } from "@/testing/clients";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse } from "@/testing/responses";
import { cancelImport, listImportErrors, listImportPreview, startImport, toImport, uploadImport } from "./imports-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("imports", () => {
  it("reads an upload's columns and suggestions; an unmapped column is ignored", () => {
    const job = toImport(uploadedImportJson);

    expect(job).toMatchObject({ importId, status: "uploaded", totalRows: 3, rowsDone: 0, rowsFailed: 0, dryRun: false, error: "" });
    expect(job.mapping).toEqual([
      { columnIndex: 0, header: "Name", field: "name" },
      { columnIndex: 1, header: "Email", field: "email" },
      { columnIndex: 2, header: "Policy #", field: "policy-number" },
      { columnIndex: 3, header: "Favourite colour", field: "ignore" },
    ]);
  });

  it("reads the encoding found and what each encoding makes of the file's start", () => {
    const job = toImport({ ...uploadedImportJson, valuesFiledAsOther: 2 });

    expect(job.encoding).toBe("windows-1252");
    expect(job.valuesFiledAsOther).toBe(2);
    expect(job.encodingOptions.map((option) => option.encoding)).toEqual(["windows-1252", "utf-8"]);
    expect(job.encodingOptions[0]?.header).toEqual(["Name", "Email", "Policy #", "Favourite colour"]);
    expect(job.encodingOptions[1]?.rows[0]).toEqual(["Jos\uFFFD \uFFFDlvarez", "jose@example.com", "AU-1", "blue"]);
    expect(toImport({ importId }).encodingOptions).toEqual([]);
  });

  it("uploads the file itself as the body, its name in the query", async () => {
    const requests = routeFetch(fetchMock, {
      "POST /api/clients/imports?fileName=my%20book%20(2).csv": () => jsonResponse(uploadedImportJson, 201),
    });
    const file = new File(["Name\nAnn\n"], "my book (2).csv", { type: "text/csv" });

    await expect(uploadImport(file)).resolves.toMatchObject({ importId });

    expect(requests[0]?.body).toBe(file);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.headers.get("Content-Type")).toBe("text/csv");
  });

  it("starts with the mode and every column's field by name", async () => {
    const requests = routeFetch(fetchMock, {
      [`POST /api/clients/imports/${importId}/start`]: () => jsonResponse({ ...uploadedImportJson, status: "IMPORT_STATUS_QUEUED" }),
    });

    const job = await startImport(importId, { dryRun: true, duplicateMode: "skip", mapping: toImport(uploadedImportJson).mapping, encoding: "utf-8" });

    expect(job.status).toBe("queued");
    expect(requests[0]?.body).toEqual({
      dryRun: true,
      duplicateMode: "DUPLICATE_MODE_SKIP",
      mapping: [
        { columnIndex: 0, field: "IMPORT_FIELD_NAME" },
        { columnIndex: 1, field: "IMPORT_FIELD_EMAIL" },
        { columnIndex: 2, field: "IMPORT_FIELD_POLICY_NUMBER" },
        { columnIndex: 3, field: "IMPORT_FIELD_UNSPECIFIED" },
      ],
      encoding: "utf-8",
    });
  });

  it("cancels, and reads the preview and the error report", async () => {
    const requests = routeFetch(fetchMock, {
      [`POST /api/clients/imports/${importId}/cancel`]: () => jsonResponse({ importId, status: "IMPORT_STATUS_CANCELLED" }),
      [`GET /api/clients/imports/${importId}/preview`]: () =>
        jsonResponse({ rows: [{ line: 2, displayName: "Ann", action: "IMPORT_ROW_ACTION_UPDATE", clientId: "c1", policyCount: 2 }, { line: 3, displayName: "Bo" }] }),
      [`GET /api/clients/imports/${importId}/errors?pageToken=E2`]: () =>
        jsonResponse({
          errors: [
            { line: 7, column: "Email", reason: "is not an e-mail address." },
            { line: 9, reason: "has no name." },
            { line: 11, column: "LOB", reason: "“Boat” is not a line of business AgentCalls knows: filed as other.", kept: true },
          ],
          nextPageToken: "E3",
        }),
    });

    await expect(cancelImport(importId)).resolves.toMatchObject({ status: "cancelled" });
    await expect(listImportPreview(importId)).resolves.toEqual([
      { line: 2, displayName: "Ann", action: "update", clientId: "c1", policyCount: 2 },
      { line: 3, displayName: "Bo", action: undefined, clientId: "", policyCount: 0 },
    ]);
    await expect(listImportErrors(importId, "E2")).resolves.toEqual({
      errors: [
        { line: 7, column: "Email", reason: "is not an e-mail address.", kept: false },
        { line: 9, column: "", reason: "has no name.", kept: false },
        { line: 11, column: "LOB", reason: "“Boat” is not a line of business AgentCalls knows: filed as other.", kept: true },
      ],
      nextPageToken: "E3",
    });
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.body).toEqual({});
  });
});
