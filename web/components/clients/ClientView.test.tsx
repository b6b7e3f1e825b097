import { render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callJson, freeSlotsJson, freeSlotsPath } from "@/testing/calendar";
import { clientId, clientJson, policyId, policyJson } from "@/testing/clients";
import { fill, formUser } from "@/testing/forms";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ClientView } from "./ClientView";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const clientPath = `/api/clients/${clientId}`;
const policyPath = `${clientPath}/policies/${policyId}`;

const history = {
  entries: [
    {
      entryId: "h2",
      changedAt: "2026-11-21T10:00:00Z",
      actor: "HISTORY_ACTOR_AGENT",
      subject: "HISTORY_SUBJECT_POLICY",
      policyId,
      policyNumber: "HO-1234",
      action: "HISTORY_ACTION_UPDATED",
      changes: [{ field: "premiumMinor", oldValue: "120000", newValue: "123450" }, { field: "notes", newValue: "Roof replaced 2025" }],
    },
    {
      entryId: "h1",
      changedAt: "2026-11-20T10:00:00Z",
      actor: "HISTORY_ACTOR_IMPORT",
      subject: "HISTORY_SUBJECT_CLIENT",
      action: "HISTORY_ACTION_CREATED",
      changes: [{ field: "displayName", newValue: "Margaret Oyelaran" }],
      sourceId: "imp-1",
    },
  ],
  nextPageToken: "H2",
};

const stale = (what: string) =>
  problemResponse({ title: "Conflict", status: 409, detail: `The ${what} changed since you read it: read it again and reapply your change.` });

function renderClient(routes: Record<string, Route> = {}, actions?: React.ReactNode) {
  const requests = routeFetch(fetchMock, {
    [`GET ${clientPath}`]: () => jsonResponse(clientJson),
    [`GET ${clientPath}/history`]: () => jsonResponse(history),
    ...routes,
  });
  render(<ClientView clientId={clientId} actions={actions} />);
  return requests;
}

function facts(region: HTMLElement): Record<string, string> {
  return Object.fromEntries(within(region).getAllByRole("term").map((term) => [term.textContent, term.nextElementSibling?.textContent ?? ""]));
}

describe("Client page", () => {
  it("shows the client's details, calling preferences and notes", async () => {
    renderClient();

    expect(await screen.findByRole("heading", { level: 1, name: "Margaret Oyelaran" })).toBeInTheDocument();
    expect(screen.getByText("Household: The Oyelarans")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit client" })).toHaveAttribute("href", `/clients/${clientId}/edit`);
    expect(facts(screen.getByRole("region", { name: "Contact" }))).toEqual({
      "E-mail": "margaret@example.com",
      Phones: "+15555550101 (Mobile)+15555550102 (Home)",
      Address: "12 Elm StSpringfield, IL 62701US",
      "Date of birth": "Jul 14, 1961",
      Household: "The Oyelarans",
    });
    expect(screen.getByRole("link", { name: "+15555550102" })).toHaveAttribute("href", "tel:+15555550102");
    const calling = facts(screen.getByRole("region", { name: "Calling" }));
    expect(calling).toMatchObject({
      "Best time to call": "09:00–17:30",
      "Time zone": "America/Chicago",
      "Do not call": "No",
      "Call recording": "Agreed to recording",
      "Last outcome": "Left a voicemail",
      "Next call": "None scheduled",
    });
    expect(calling["Last contacted"]).toMatch(/2026/);
    expect(facts(screen.getByRole("region", { name: "Notes" }))).toMatchObject({
      Tags: "viphome",
      Notes: "Prefers mornings.",
      "ID in your previous system": "OLD-77",
    });
  });

  it("says what is not known, and marks a do-not-call client", async () => {
    renderClient({
      [`GET ${clientPath}`]: () =>
        jsonResponse({
          clientId,
          displayName: "Dan Nocall",
          doNotCall: true,
          doNotCallReason: "Asked us to stop",
          doNotCallSince: { year: 2026, month: 11, day: 1 },
          nextCallAt: "2026-12-01T15:00:00Z",
          etag: "5",
        }),
      [`GET ${clientPath}/history`]: () => jsonResponse({}),
    });

    await screen.findByRole("heading", { level: 1, name: "Dan Nocall" });
    expect(screen.getAllByText("Do not call")[0]).toBeInTheDocument();
    expect(facts(screen.getByRole("region", { name: "Contact" }))).toEqual({
      "E-mail": "Not given",
      Phones: "Not given",
      Address: "Not given",
      "Date of birth": "Not given",
      Household: "Not given",
    });
    const calling = facts(screen.getByRole("region", { name: "Calling" }));
    expect(calling).toMatchObject({ "Do not call": "Yes since Nov 1, 2026 — Asked us to stop", "Call recording": "Not asked yet", "Last contacted": "Never" });
    expect(calling["Next call"]).toMatch(/Dec 1, 2026/);
    expect(screen.getByText("No policies yet.")).toBeInTheDocument();
    expect(await screen.findByText("No changes recorded yet.")).toBeInTheDocument();
  });

  it("puts the actions it is given beside Edit client", async () => {
    renderClient({}, <button type="button">Another action</button>);

    const edit = await screen.findByRole("link", { name: "Edit client" });
    expect(edit.parentElement).toContainElement(screen.getByRole("button", { name: "Another action" }));
  });

  it("lists the policies", async () => {
    renderClient({
      [`GET ${clientPath}`]: () =>
        jsonResponse({
          ...clientJson,
          policies: [
            policyJson,
            { ...policyJson, policyId: "p2", policyNumber: "AU-9", lineOfBusiness: "LINE_OF_BUSINESS_AUTO", status: "POLICY_STATUS_LAPSED", endDate: { year: 2026, month: 10, day: 5 }, premiumMinor: "88000" },
            // Imported: a line and a status the file named in its own words, and a lapse without its date.
            { ...policyJson, policyId: "p3", policyNumber: "BT-1", lineOfBusiness: "LINE_OF_BUSINESS_OTHER", lineOfBusinessText: "Boat", status: "POLICY_STATUS_LAPSED" },
            { ...policyJson, policyId: "p4", policyNumber: "FL-9", lineOfBusiness: "LINE_OF_BUSINESS_HOME", status: "POLICY_STATUS_OTHER", statusText: "Pending Cancel" },
          ],
        }),
    });

    const table = within(await screen.findByRole("region", { name: "Policies" })).getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => [...row.children].slice(0, 7).map((cell) => cell.textContent))).toEqual([
      ["HO-1234", "Home", "Acme Mutual", "Active", "$1,234.50", "Mar 1, 2026", "Mar 1, 2027"],
      ["AU-9", "Auto", "Acme Mutual", "Lapsedsince Oct 5, 2026", "$880.00", "Mar 1, 2026", "Mar 1, 2027"],
      ["BT-1", "Other“Boat” in the imported file", "Acme Mutual", "Lapseddate unknown", "$1,234.50", "Mar 1, 2026", "Mar 1, 2027"],
      ["FL-9", "Home", "Acme Mutual", "Other“Pending Cancel” in the imported file", "$1,234.50", "Mar 1, 2026", "Mar 1, 2027"],
    ]);
  });

  it("adds a policy, then reads the client and its history again", async () => {
    let reads = 0;
    const added = { ...policyJson, policyId: "p-new", policyNumber: "AU-2", lineOfBusiness: "LINE_OF_BUSINESS_AUTO", premiumMinor: "88000" };
    const requests = renderClient({
      [`GET ${clientPath}`]: () => jsonResponse(++reads === 1 ? clientJson : { ...clientJson, policies: [policyJson, added], etag: "813" }),
      [`POST ${clientPath}/policies`]: () => jsonResponse(added),
    });
    const policies = await screen.findByRole("region", { name: "Policies" });

    await formUser.click(within(policies).getByRole("button", { name: "Add policy" }));
    const form = within(policies).getByRole("form", { name: "New policy" });
    expect(within(form).getByLabelText("Policy number")).toHaveFocus();
    await fill(within(form).getByLabelText("Policy number"), "AU-2");
    await fill(within(form).getByLabelText("Carrier"), "Acme Mutual");
    await formUser.selectOptions(within(form).getByLabelText("Line of business"), "Auto");
    await fill(within(form).getByLabelText("Premium"), "880");
    await fill(within(form).getByLabelText("Effective date"), "2026-06-01");
    await fill(within(form).getByLabelText("Expiration date"), "2027-06-01");
    await formUser.click(within(form).getByRole("button", { name: "Add policy" }));

    expect(await within(policies).findByText("Policy AU-2 added.")).toHaveAttribute("role", "status");
    expect(within(policies).getByRole("row", { name: /AU-2/ })).toHaveTextContent("$880.00");
    expect(within(policies).queryByRole("form")).not.toBeInTheDocument();
    const posts = requestsTo(requests, "POST", `${clientPath}/policies`);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(posts[0]?.body).toEqual({
      policyNumber: "AU-2",
      carrier: "Acme Mutual",
      lineOfBusiness: "LINE_OF_BUSINESS_AUTO",
      status: "POLICY_STATUS_ACTIVE",
      premiumMinor: "88000",
      currencyCode: "USD",
      effectiveDate: { year: 2026, month: 6, day: 1 },
      expirationDate: { year: 2027, month: 6, day: 1 },
      notes: "",
    });
    expect(requestsTo(requests, "GET", clientPath)).toHaveLength(2);
    await waitFor(() => expect(requestsTo(requests, "GET", `${clientPath}/history`)).toHaveLength(2));
  });

  it("shows a policy's field errors at their fields and keeps the input", async () => {
    const requests = renderClient({
      [`POST ${clientPath}/policies`]: () =>
        problemResponse({
          title: "The request is not valid.",
          status: 400,
          errors: {
            expirationDate: ["must be after the effective date."],
            premiumMinor: ["must not be negative."],
            lineOfBusiness: ["is required: one of auto, home, renters, condo, umbrella, life, health, commercial, other."],
          },
        }),
    });
    const policies = await screen.findByRole("region", { name: "Policies" });
    await formUser.click(within(policies).getByRole("button", { name: "Add policy" }));
    const form = within(policies).getByRole("form", { name: "New policy" });

    await fill(within(form).getByLabelText("Premium"), "twelve");
    await formUser.click(within(form).getByRole("button", { name: "Add policy" }));
    expect(within(form).getByLabelText("Premium")).toHaveAccessibleDescription("Premium is not an amount, for example 1234.50. e.g. 1234.50");
    expect(requestsTo(requests, "POST", `${clientPath}/policies`)).toHaveLength(0);

    await fill(within(form).getByLabelText("Premium"), "-5");
    await fill(within(form).getByLabelText("Effective date"), "2027-06-01");
    await fill(within(form).getByLabelText("Expiration date"), "2026-06-01");
    await formUser.click(within(form).getByRole("button", { name: "Add policy" }));

    expect(await within(form).findByText("Expiration date must be after the effective date.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Premium")).toHaveAccessibleDescription("Premium must not be negative. e.g. 1234.50");
    expect(within(form).getByLabelText("Line of business")).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByLabelText("Expiration date")).toHaveValue("2026-06-01");
    expect(requestsTo(requests, "POST", `${clientPath}/policies`)[0]?.body).toMatchObject({ premiumMinor: "-500" });
  });

  it("edits a policy with its etag; after a conflict, loads the latest on request", async () => {
    let reads = 0;
    const newer = { ...policyJson, carrier: "Acme Mutual Group", etag: "950" };
    const requests = renderClient({
      [`GET ${clientPath}`]: () => jsonResponse(++reads === 1 ? clientJson : { ...clientJson, policies: [newer] }),
      [`PUT ${policyPath}`]: (request) =>
        (request.body as { etag: string }).etag === "811" ? stale("policy") : jsonResponse({ ...newer, status: "POLICY_STATUS_LAPSED", etag: "951" }),
    });
    const policies = await screen.findByRole("region", { name: "Policies" });

    await formUser.click(within(policies).getByRole("button", { name: "Edit policy HO-1234" }));
    const form = within(policies).getByRole("form", { name: "Edit policy HO-1234" });
    expect(within(form).getByLabelText("Premium")).toHaveValue("1234.50");
    expect(within(form).queryByLabelText("Lapse date")).not.toBeInTheDocument();
    await formUser.selectOptions(within(form).getByLabelText("Status"), "Lapsed");
    await fill(within(form).getByLabelText("Lapse date"), "2026-11-01");
    await formUser.click(within(form).getByRole("button", { name: "Save policy" }));

    const conflict = await within(form).findByRole("alert");
    expect(conflict).toHaveTextContent("This policy changed since you opened it.");
    expect(within(form).getByLabelText("Status")).toHaveValue("lapsed");
    expect(requestsTo(requests, "PUT", policyPath)[0]?.body).toEqual({
      clientId,
      policyId,
      etag: "811",
      policyNumber: "HO-1234",
      carrier: "Acme Mutual",
      lineOfBusiness: "LINE_OF_BUSINESS_HOME",
      status: "POLICY_STATUS_LAPSED",
      premiumMinor: "123450",
      currencyCode: "USD",
      effectiveDate: { year: 2026, month: 3, day: 1 },
      expirationDate: { year: 2027, month: 3, day: 1 },
      endDate: { year: 2026, month: 11, day: 1 },
      notes: "Roof replaced 2025",
    });

    await formUser.click(within(form).getByRole("button", { name: "Load the latest version" }));
    // The form starts again from the latest version.
    await waitFor(() => expect(within(policies).getByLabelText("Carrier")).toHaveValue("Acme Mutual Group"));
    const reloaded = within(policies).getByRole("form", { name: "Edit policy HO-1234" });
    expect(within(reloaded).getByLabelText("Status")).toHaveValue("active");
    expect(within(reloaded).queryByRole("alert")).not.toBeInTheDocument();

    await formUser.selectOptions(within(reloaded).getByLabelText("Status"), "Lapsed");
    await formUser.click(within(reloaded).getByRole("button", { name: "Save policy" }));
    expect(await within(policies).findByText("Policy HO-1234 saved.")).toBeInTheDocument();
    expect(requestsTo(requests, "PUT", policyPath).map((r) => (r.body as { etag: string }).etag)).toEqual(["811", "950"]);
  });

  it("asks before deleting a policy, and deletes only the version shown", async () => {
    let reads = 0;
    const requests = renderClient({
      [`GET ${clientPath}`]: () => jsonResponse(++reads === 1 ? clientJson : { ...clientJson, policies: [] }),
      [`DELETE ${policyPath}?etag=811`]: () => jsonResponse({}),
    });
    const policies = await screen.findByRole("region", { name: "Policies" });

    await formUser.click(within(policies).getByRole("button", { name: "Delete policy HO-1234" }));
    let confirm = within(policies).getByRole("group", { name: "Delete policy HO-1234?" });
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await formUser.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(within(policies).queryByRole("group")).not.toBeInTheDocument();
    expect(requestsTo(requests, "DELETE", `${policyPath}?etag=811`)).toHaveLength(0);

    await formUser.click(within(policies).getByRole("button", { name: "Delete policy HO-1234" }));
    confirm = within(policies).getByRole("group", { name: "Delete policy HO-1234?" });
    await formUser.click(within(confirm).getByRole("button", { name: "Delete policy" }));

    expect(await within(policies).findByText("Policy HO-1234 deleted.")).toBeInTheDocument();
    expect(within(policies).getByText("No policies yet.")).toBeInTheDocument();
    const deletes = requestsTo(requests, "DELETE", `${policyPath}?etag=811`);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("shows the history, newest first, and older changes on request", async () => {
    const requests = renderClient({
      [`GET ${clientPath}/history?pageToken=H2`]: () =>
        jsonResponse({
          entries: [
            {
              entryId: "h0",
              changedAt: "2026-11-19T10:00:00Z",
              actor: "HISTORY_ACTOR_CALL_LOG",
              subject: "HISTORY_SUBJECT_CLIENT",
              action: "HISTORY_ACTION_UPDATED",
              changes: [{ field: "lastOutcome", oldValue: "", newValue: "Left a voicemail" }],
            },
          ],
        }),
    });
    const section = await screen.findByRole("region", { name: "History" });

    const list = await within(section).findByRole("list", { name: "Changes, newest first" });
    const entries = () => within(list).getAllByRole("listitem").filter((item) => item.parentElement === list);
    expect(entries().map((entry) => entry.firstElementChild?.firstElementChild?.textContent)).toEqual([
      "You changed policy HO-1234",
      "An import added the client",
    ]);
    expect(entries()[0]).toHaveTextContent("Premium (minor units): 120000 → 123450");
    expect(entries()[0]).toHaveTextContent("Notes: (empty) → Roof replaced 2025");
    expect(entries()[1]).toHaveTextContent("Name: Margaret Oyelaran");
    expect(entries()[0]?.querySelector("time")).toHaveAttribute("dateTime", "2026-11-21T10:00:00Z");

    await formUser.click(within(section).getByRole("button", { name: "Show older changes" }));

    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(entries()[2]).toHaveTextContent("A logged call changed the client");
    expect(entries()[2]).toHaveTextContent("Last outcome: (empty) → Left a voicemail");
    expect(within(section).queryByRole("button", { name: "Show older changes" })).not.toBeInTheDocument();
    expect(requestsTo(requests, "GET", `${clientPath}/history?pageToken=H2`)).toHaveLength(1);
  });

  it("asks before deleting the client, deletes the version shown and goes back to the list", async () => {
    const requests = renderClient({ [`DELETE ${clientPath}?etag=812`]: () => jsonResponse({}) });

    await formUser.click(await screen.findByRole("button", { name: "Delete client" }));
    const confirm = screen.getByRole("group", { name: "Delete Margaret Oyelaran?" });
    expect(confirm).toHaveTextContent("This deletes the client and their policy from your book. It cannot be undone.");
    await formUser.click(within(confirm).getByRole("button", { name: "Delete client" }));

    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith("/clients"));
    expect(requestsTo(requests, "DELETE", `${clientPath}?etag=812`)[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("does not delete a client changed meanwhile, and offers the latest version", async () => {
    let reads = 0;
    const requests = renderClient({
      [`GET ${clientPath}`]: () => jsonResponse(++reads === 1 ? clientJson : { ...clientJson, displayName: "Margaret O. Oyelaran", etag: "900" }),
      [`DELETE ${clientPath}?etag=812`]: () => stale("client"),
    });

    await formUser.click(await screen.findByRole("button", { name: "Delete client" }));
    await formUser.click(within(screen.getByRole("group", { name: "Delete Margaret Oyelaran?" })).getByRole("button", { name: "Delete client" }));

    const conflict = await screen.findByRole("alert");
    expect(conflict).toHaveTextContent("This client changed since you opened it. It was not deleted");
    await formUser.click(screen.getByRole("button", { name: "Load the latest version" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Margaret O. Oyelaran" })).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
    expect(requestsTo(requests, "GET", clientPath)).toHaveLength(2);
  });

  it("says so when the client is not in the agent's book, without offering to try again", async () => {
    renderClient({
      [`GET ${clientPath}`]: () => problemResponse({ title: "Not Found", status: 404, detail: "No such client." }),
      [`GET ${clientPath}/history`]: () => problemResponse({ title: "Not Found", status: 404 }),
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Not FoundNo such client.");
    expect(within(alert).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← Clients" })).toHaveAttribute("href", "/clients");
  });

  it("schedules a call and shows it as the next call once Clients has heard of it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T12:00:00Z") });
    let reads = 0;
    const requests = renderClient({
      // Clients learns of the call through the event stream: the second read after scheduling has it.
      [`GET ${clientPath}`]: () => jsonResponse(++reads <= 2 ? clientJson : { ...clientJson, nextCallAt: "2026-03-03T15:00:00Z" }),
      [`GET ${freeSlotsPath("2026-03-01", "2026-03-14", 60)}`]: () => jsonResponse(freeSlotsJson),
      "POST /api/calendar/calls": () => jsonResponse(callJson),
    });
    try {
      await formUser.click(await screen.findByRole("button", { name: "Schedule call with Margaret Oyelaran" }));
      const dialog = screen.getByRole("dialog", { name: "Schedule a call with Margaret Oyelaran" });
      await formUser.click(await within(dialog).findByRole("radio", { name: /Tue, Mar 3, 11:00/ }));
      await formUser.click(within(dialog).getByRole("button", { name: "Schedule call" }));

      expect(await screen.findByText(/^Call with Margaret Oyelaran scheduled for .*It shows here as the next call in a moment\.$/)).toBeInTheDocument();
      await waitFor(() => expect(facts(screen.getByRole("region", { name: "Calling" }))["Next call"]).toMatch(/Mar 3, 2026/), { timeout: 4000 });
      expect(screen.queryByText(/It shows here as the next call in a moment/)).not.toBeInTheDocument();
      expect(requestsTo(requests, "POST", "/api/calendar/calls")[0]?.body).toMatchObject({ clientId, startTime: "2026-03-03T16:00:00Z" });
      expect(requestsTo(requests, "GET", clientPath)).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
