import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importId, uploadedImportJson } from "@/testing/clients";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { pollIntervalMs } from "./ImportSession";
import { ImportWizard } from "./ImportWizard";

const push = vi.fn();
let searchParams = new URLSearchParams();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }), useSearchParams: () => searchParams }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  // Polling runs on timers the tests move on; time otherwise passes as usual.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  searchParams = new URLSearchParams();
});

afterEach(() => {
  vi.useRealTimers();
});

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime, pointerEventsCheck: PointerEventsCheckLevel.Never });
const importPath = `/api/clients/imports/${importId}`;

const mappingAsSent = [
  { columnIndex: 0, field: "IMPORT_FIELD_NAME" },
  { columnIndex: 1, field: "IMPORT_FIELD_EMAIL" },
  { columnIndex: 2, field: "IMPORT_FIELD_POLICY_NUMBER" },
  { columnIndex: 3, field: "IMPORT_FIELD_TAGS" },
];
const mappingAsStarted = uploadedImportJson.mapping.map((column) => (column.columnIndex === 3 ? { ...column, field: "IMPORT_FIELD_TAGS" } : column));

const dryRunDone = {
  ...uploadedImportJson,
  mapping: mappingAsStarted,
  status: "IMPORT_STATUS_SUCCEEDED",
  dryRun: true,
  duplicateMode: "DUPLICATE_MODE_SKIP",
  rowsDone: 3,
  clientsCreated: 1,
  clientsUnchanged: 1,
  policiesCreated: 2,
  rowsFailed: 1,
  startedAt: "2026-11-25T08:01:00Z",
  finishedAt: "2026-11-25T08:01:05Z",
};

const preview = {
  rows: [
    { line: 2, displayName: "Margaret Oyelaran", action: "IMPORT_ROW_ACTION_CREATE", policyCount: 2 },
    { line: 4, displayName: "Theodore Brandt", action: "IMPORT_ROW_ACTION_SKIP", clientId: "c-theo", policyCount: 0 },
  ],
};

const errorsPage1 = { errors: [{ line: 3, column: "Email", reason: "is not an e-mail address." }], nextPageToken: "E2" };
const errorsPage2 = { errors: [{ line: 9, reason: "has no name." }] };

/** Answers GET of the import with each of `states` in turn, the last one from then on. */
function importStates(...states: object[]): Route {
  let call = 0;
  return () => jsonResponse(states[Math.min(call++, states.length - 1)]);
}

function renderImport(search: string, routes: Record<string, Route>) {
  searchParams = new URLSearchParams(search);
  const requests = routeFetch(fetchMock, routes);
  render(<ImportWizard />);
  return requests;
}

async function nextPoll() {
  await act(() => vi.advanceTimersByTimeAsync(pollIntervalMs));
}

describe("Import page", () => {
  it("uploads the chosen file as the raw body, then continues with the import in the URL", async () => {
    const requests = renderImport("", { "POST /api/clients/imports?fileName=book.csv": () => jsonResponse(uploadedImportJson, 201) });
    const file = new File(["Name,Email\nMargaret Oyelaran,margaret@example.com\n"], "book.csv", { type: "text/csv" });
    const u = user();

    expect(screen.getByRole("button", { name: "Upload" })).toBeDisabled();
    await u.upload(screen.getByLabelText("CSV file"), file);
    await u.click(screen.getByRole("button", { name: "Upload" }));

    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith(`/clients/import?id=${importId}`));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.path).toBe("/api/clients/imports?fileName=book.csv");
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.headers.get("Content-Type")).toBe("text/csv");
    expect(requests[0]?.body).toBe(file);
  });

  it("says next to the file input why the file was refused", async () => {
    renderImport("", {
      "POST /api/clients/imports?fileName=empty.csv": () =>
        problemResponse({ title: "One or more validation errors occurred.", status: 400, errors: { file: ["is empty: the first line must name the columns."] } }),
    });
    const u = user();

    await u.upload(screen.getByLabelText("CSV file"), new File([""], "empty.csv", { type: "text/csv" }));
    await u.click(screen.getByRole("button", { name: "Upload" }));

    expect(await screen.findByText("CSV file is empty: the first line must name the columns.")).toBeInTheDocument();
    expect(screen.getByLabelText("CSV file")).toHaveAttribute("aria-invalid", "true");
    expect(push).not.toHaveBeenCalled();
  });

  it("shows the file's columns with the suggested fields, which the agent can change", async () => {
    renderImport(`id=${importId}`, { [`GET ${importPath}`]: () => jsonResponse(uploadedImportJson) });

    expect(await screen.findByRole("heading", { name: "book.csv" })).toBeInTheDocument();
    expect(screen.getByText(/^3 rows, columns separated by commas \(120 bytes\)\./)).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("name");
    expect(screen.getByLabelText("Email")).toHaveValue("email");
    expect(screen.getByLabelText("Policy #")).toHaveValue("policy-number");
    expect(screen.getByLabelText("Favourite colour")).toHaveValue("ignore");
    expect(screen.getByLabelText("Update them with the file's values")).toBeChecked();
    expect(screen.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
    expect(screen.getByText("Run a dry run first: it shows what the import would do without changing your book.")).toBeInTheDocument();
  });

  it("runs a dry run with the agent's mapping and mode, shows its progress, then what it would do", async () => {
    const requests = renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: importStates(
        uploadedImportJson,
        { ...dryRunDone, status: "IMPORT_STATUS_RUNNING", rowsDone: 1, clientsCreated: 0, finishedAt: undefined },
        dryRunDone,
      ),
      [`POST ${importPath}/start`]: () => jsonResponse({ ...uploadedImportJson, mapping: mappingAsStarted, status: "IMPORT_STATUS_QUEUED", dryRun: true }),
      [`GET ${importPath}/preview`]: () => jsonResponse(preview),
      [`GET ${importPath}/errors`]: () => jsonResponse(errorsPage1),
      [`GET ${importPath}/errors?pageToken=E2`]: () => jsonResponse(errorsPage2),
    });
    const u = user();

    await u.selectOptions(await screen.findByLabelText("Favourite colour"), "Tags");
    await u.click(screen.getByLabelText("Skip them: leave them as they are"));
    await u.click(screen.getByRole("button", { name: "Dry run" }));

    const starts = requestsTo(requests, "POST", `${importPath}/start`);
    expect(starts).toHaveLength(1);
    expect(starts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(starts[0]?.body).toEqual({ dryRun: true, duplicateMode: "DUPLICATE_MODE_SKIP", mapping: mappingAsSent, encoding: "windows-1252" });
    expect(await screen.findByText("Dry run waiting to start…")).toBeInTheDocument();
    expect(screen.getByLabelText("Favourite colour")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Dry run" })).not.toBeInTheDocument();

    await nextPoll();
    const progress = await screen.findByRole("progressbar", { name: "Dry run: 1 of 3 rows" });
    expect(progress).toHaveAttribute("value", "1");
    expect(progress).toHaveAttribute("max", "3");

    await nextPoll();
    const summary = await screen.findByRole("region", { name: "Dry run results" });
    expect(summary).toHaveTextContent(
      "Checked all 3 rows: 2 can be imported, 1 has errors and would be left out. Nothing in your book has changed yet.",
    );
    expect(
      within(summary)
        .getAllByRole("term")
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    ).toEqual([
      ["Clients to create", "1"],
      ["Clients to update", "0"],
      ["Clients to leave as they are", "1"],
      ["Policies to create", "2"],
      ["Policies to update", "0"],
      ["Rows with errors", "1"],
      ["Values to file as other", "0"],
    ]);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

    const previewTable = within(await screen.findByRole("region", { name: "The first clients in the file" })).getByRole("table");
    expect(
      within(previewTable)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(["2Margaret OyelaranWill be created2", "4Theodore BrandtWill be skipped0"]);
    expect(within(previewTable).getByRole("link", { name: "Theodore Brandt" })).toHaveAttribute("href", "/clients/c-theo");

    const errors = await screen.findByRole("region", { name: "Rows with errors" });
    expect(errors).toHaveTextContent("1 row was left out.");
    const errorRows = () => within(within(errors).getByRole("table")).getAllByRole("row").slice(1).map((row) => row.textContent);
    await waitFor(() => expect(errorRows()).toEqual(["3Emailis not an e-mail address.Left out"]));
    expect(within(errors).getByRole("button", { name: "Previous errors" })).toBeDisabled();
    await u.click(within(errors).getByRole("button", { name: "Next errors" }));
    await waitFor(() => expect(errorRows()).toEqual(["9The whole rowhas no name.Left out"]));
    expect(within(errors).getByRole("button", { name: "Next errors" })).toBeDisabled();
    await u.click(within(errors).getByRole("button", { name: "Previous errors" }));
    await waitFor(() => expect(errorRows()).toEqual(["3Emailis not an e-mail address.Left out"]));

    // The real run is offered for exactly what the dry run checked.
    const importButton = screen.getByRole("button", { name: "Import 3 rows" });
    expect(importButton).toBeEnabled();
    await u.selectOptions(screen.getByLabelText("Favourite colour"), "Don't import");
    expect(importButton).toBeDisabled();
    await u.selectOptions(screen.getByLabelText("Favourite colour"), "Tags");
    expect(importButton).toBeEnabled();
    await u.click(screen.getByLabelText("Update them with the file's values"));
    expect(importButton).toBeDisabled();
  });

  it("imports for real after the dry run, and cancels on request", async () => {
    const running = { ...dryRunDone, status: "IMPORT_STATUS_RUNNING", dryRun: false, rowsDone: 1, finishedAt: undefined, startedAt: "2026-11-25T08:02:00Z" };
    const cancelled = { ...running, status: "IMPORT_STATUS_CANCELLED", rowsDone: 2, clientsCreated: 1, policiesCreated: 2, rowsFailed: 0, finishedAt: "2026-11-25T08:02:09Z" };
    const requests = renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: importStates(dryRunDone, running, cancelled),
      [`GET ${importPath}/preview`]: () => jsonResponse(preview),
      [`GET ${importPath}/errors`]: () => jsonResponse(errorsPage1),
      [`POST ${importPath}/start`]: () => jsonResponse({ ...running, status: "IMPORT_STATUS_QUEUED", rowsDone: 0 }),
      [`POST ${importPath}/cancel`]: () => jsonResponse(running),
    });
    const u = user();

    await u.click(await screen.findByRole("button", { name: "Import 3 rows" }));

    expect(requestsTo(requests, "POST", `${importPath}/start`)[0]?.body).toEqual({
      dryRun: false,
      duplicateMode: "DUPLICATE_MODE_SKIP",
      mapping: mappingAsSent,
      encoding: "windows-1252",
    });
    expect(await screen.findByText("Import waiting to start…")).toBeInTheDocument();
    await nextPoll();
    expect(await screen.findByRole("progressbar", { name: "Import: 1 of 3 rows" })).toHaveAttribute("value", "1");

    await u.click(screen.getByRole("button", { name: "Cancel import" }));
    expect(await screen.findByRole("button", { name: "Cancelling…" })).toBeDisabled();
    const cancels = requestsTo(requests, "POST", `${importPath}/cancel`);
    expect(cancels).toHaveLength(1);
    expect(cancels[0]?.headers.get("X-CSRF")).toBe("1");

    await nextPoll();
    const summary = await screen.findByRole("region", { name: "Import cancelled" });
    expect(summary).toHaveTextContent("Stopped after 2 of 3 rows. The batches committed before it stopped stay in your book.");
    expect(within(summary).getByText("Clients created").nextElementSibling).toHaveTextContent("1");
    expect(screen.getByRole("region", { name: "Rows with errors" })).toHaveTextContent("No row has an error.");
    expect(screen.getByRole("button", { name: "Dry run" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
  });

  it("reports a finished import and offers the clients, with nothing left to run", async () => {
    const done = { ...dryRunDone, dryRun: false, clientsCreated: 2, clientsUpdated: 1, rowsFailed: 0 };
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse(done),
      [`GET ${importPath}/preview`]: () => jsonResponse({ rows: [{ line: 2, displayName: "Margaret Oyelaran", action: "IMPORT_ROW_ACTION_CREATE", clientId: "c-m" }] }),
    });

    const summary = await screen.findByRole("region", { name: "Import finished" });
    expect(summary).toHaveTextContent("Imported all 3 rows.");
    expect(within(summary).getByRole("link", { name: "Go to your clients" })).toHaveAttribute("href", "/clients");
    expect(await screen.findByRole("row", { name: /Margaret Oyelaran.*Created/ })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toBeDisabled();
    expect(screen.queryByRole("button", { name: /Dry run|Import \d/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Upload a different file" })).toBeInTheDocument();
  });

  it("says why an import failed, without counts when it stopped before the first row", async () => {
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () =>
        jsonResponse({ ...uploadedImportJson, status: "IMPORT_STATUS_FAILED", dryRun: true, error: "The file could not be read." }),
    });

    const summary = await screen.findByRole("region", { name: "Dry run failed" });
    expect(within(summary).getByRole("alert")).toHaveTextContent("The file could not be read.");
    expect(summary).toHaveTextContent("Stopped after 0 of 3 rows. Nothing in your book has changed.");
    expect(within(summary).queryByRole("term")).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "The first clients in the file" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Dry run" })).toBeEnabled();
  });

  it("says a removed file must be uploaded again, with nothing left to run", async () => {
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () =>
        jsonResponse({
          ...uploadedImportJson,
          status: "IMPORT_STATUS_FAILED",
          error: "The file could not be read.",
          fileRemovedAt: "2026-03-05T10:00:00Z",
        }),
    });

    const removed = (await screen.findByText(/This file was removed, as files not imported are after a while\./)).closest("p")!;
    expect(within(removed).getByRole("link", { name: "Upload it again" })).toHaveAttribute("href", "/clients/import");
    expect(screen.queryByRole("button", { name: /Dry run|Import \d/ })).not.toBeInTheDocument();
  });

  it("shows a refused mapping and encoding at the columns and the picker at fault", async () => {
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse(uploadedImportJson),
      [`POST ${importPath}/start`]: () =>
        problemResponse({
          title: "The request is not valid.",
          status: 400,
          errors: {
            mapping: ["has no column for the client's name (Name, or First Name and Last Name)."],
            "mapping[1].field": ["is not an import field."],
            encoding: ["is not an encoding this file can be read with (windows-1252, utf-8)."],
          },
        }),
    });
    const u = user();

    await u.selectOptions(await screen.findByLabelText("Name"), "Don't import");
    await u.click(screen.getByRole("button", { name: "Dry run" }));

    expect(
      await screen.findByText("The mapping has no column for the client's name (Name, or First Name and Last Name)."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("This column is not an import field.");
    expect(screen.getByLabelText("Read the file as")).toHaveAccessibleDescription(
      "The encoding is not an encoding this file can be read with (windows-1252, utf-8).",
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Check the fields marked below.");
    expect(screen.getByLabelText("Name")).toHaveValue("ignore");
  });

  it("after a conflict, reads the import again on request", async () => {
    const requests = renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: importStates(uploadedImportJson, { ...dryRunDone, status: "IMPORT_STATUS_RUNNING", finishedAt: undefined }),
      [`POST ${importPath}/start`]: () =>
        problemResponse({ title: "Conflict", status: 409, detail: "The import changed meanwhile: read it again." }),
    });
    const u = user();

    await u.click(await screen.findByRole("button", { name: "Dry run" }));
    const conflict = await screen.findByRole("alert");
    expect(conflict).toHaveTextContent("This import changed since you opened it.");
    await u.click(screen.getByRole("button", { name: "Load the latest version" }));

    expect(await screen.findByRole("progressbar", { name: "Dry run: 3 of 3 rows" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(requestsTo(requests, "GET", importPath)).toHaveLength(2);
  });

  it("reads the file in the encoding found, shows names as it reads them, and lets the agent pick another", async () => {
    const requests = renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse(uploadedImportJson),
      [`POST ${importPath}/start`]: () => jsonResponse({ ...uploadedImportJson, status: "IMPORT_STATUS_QUEUED", dryRun: true, encoding: "utf-8" }),
    });
    const u = user();
    const names = () => within(screen.getByRole("list", { name: "Names from the file, read this way:" })).getAllByRole("listitem").map((item) => item.textContent);

    const picker = await screen.findByLabelText("Read the file as");
    expect(picker).toHaveValue("windows-1252");
    expect(names()).toEqual(["José Álvarez", "Zoë Müller"]);

    await u.selectOptions(picker, "UTF-8 (Unicode)");
    expect(names()).toEqual(["Jos\uFFFD \uFFFDlvarez", "Zo\uFFFD M\uFFFDller"]);
    await u.click(screen.getByRole("button", { name: "Dry run" }));

    expect(requestsTo(requests, "POST", `${importPath}/start`)[0]?.body).toMatchObject({ dryRun: true, encoding: "utf-8" });
  });

  it("names the names by first and last name when the file splits them, and offers one encoding when the file names it", async () => {
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () =>
        jsonResponse({
          ...uploadedImportJson,
          mapping: [
            { columnIndex: 0, header: "Last", field: "IMPORT_FIELD_LAST_NAME" },
            { columnIndex: 1, header: "First", field: "IMPORT_FIELD_FIRST_NAME" },
          ],
          encoding: "utf-16le",
          encodingOptions: [{ encoding: "utf-16le", header: ["Last", "First"], rows: [{ cells: ["Côté", "François"] }] }],
        }),
    });

    const picker = await screen.findByLabelText("Read the file as");
    expect(picker).toBeDisabled();
    expect(picker).toHaveDisplayValue("UTF-16 (Unicode text)");
    expect(screen.getByText("The file names its encoding itself (a byte order mark).")).toBeInTheDocument();
    expect(screen.getByRole("listitem")).toHaveTextContent("François Côté");
  });

  it("offers the real run only for the encoding the dry run checked", async () => {
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse(dryRunDone),
      [`GET ${importPath}/preview`]: () => jsonResponse(preview),
      [`GET ${importPath}/errors`]: () => jsonResponse(errorsPage2),
    });
    const u = user();

    const importButton = await screen.findByRole("button", { name: "Import 3 rows" });
    expect(importButton).toBeEnabled();
    await u.selectOptions(screen.getByLabelText("Read the file as"), "UTF-8 (Unicode)");
    expect(importButton).toBeDisabled();
  });

  it("counts refused rows in the headline instead of claiming all of them", async () => {
    const done = { ...dryRunDone, dryRun: false, totalRows: 14, rowsDone: 14, clientsCreated: 9, rowsFailed: 3 };
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse(done),
      [`GET ${importPath}/preview`]: () => jsonResponse(preview),
      [`GET ${importPath}/errors`]: () => jsonResponse(errorsPage2),
    });

    const summary = await screen.findByRole("region", { name: "Import finished" });
    expect(summary).toHaveTextContent("Imported 11 of 14 rows; 3 rows were refused (see below).");
    expect(summary).not.toHaveTextContent("Imported all");
  });

  it("says which values were filed as other, in the dry run and in the report", async () => {
    const kept = {
      errors: [
        { line: 4, column: "LOB", reason: "“Commercial Package” is not a line of business AgentCalls knows: filed as other, with the file's words kept.", kept: true },
      ],
    };
    renderImport(`id=${importId}`, {
      [`GET ${importPath}`]: () => jsonResponse({ ...dryRunDone, rowsFailed: 0, valuesFiledAsOther: 1 }),
      [`GET ${importPath}/preview`]: () => jsonResponse(preview),
      [`GET ${importPath}/errors`]: () => jsonResponse(kept),
    });

    const summary = await screen.findByRole("region", { name: "Dry run results" });
    expect(summary).toHaveTextContent(
      "Checked all 3 rows: every one can be imported. 1 value matches no line of business or status AgentCalls knows: it will be filed as other, with the file's words kept.",
    );
    expect(within(summary).getByText("Values to file as other").nextElementSibling).toHaveTextContent("1");
    const report = screen.getByRole("region", { name: "Rows with errors" });
    expect(report).toHaveTextContent("1 value matched no line of business or status AgentCalls knows.");
    expect(report).not.toHaveTextContent("left out");
    expect(await within(report).findByRole("row", { name: /Commercial Package.*Kept, filed as other/ })).toBeInTheDocument();
  });
});
