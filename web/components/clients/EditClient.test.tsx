import { render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientId, clientJson, householdId } from "@/testing/clients";
import { fill, formUser } from "@/testing/forms";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { EditClient } from "./EditClient";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const households = { households: [{ householdId, name: "The Oyelarans", memberCount: 2 }] };
const stale = () =>
  problemResponse({ title: "Conflict", status: 409, detail: "The client changed since you read it: read it again and reapply your change." });

function renderEdit(routes: Record<string, Route>) {
  const requests = routeFetch(fetchMock, {
    "GET /api/clients/households": () => jsonResponse(households),
    [`GET /api/clients/${clientId}`]: () => jsonResponse(clientJson),
    ...routes,
  });
  render(<EditClient clientId={clientId} />);
  return requests;
}

describe("Edit client", () => {
  it("starts from the client as read", async () => {
    renderEdit({});

    expect(await screen.findByRole("heading", { level: 1, name: "Edit Margaret Oyelaran" })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("Margaret Oyelaran");
    expect(screen.getByLabelText("E-mail")).toHaveValue("margaret@example.com");
    expect(screen.getByLabelText("Phone 1")).toHaveValue("+15555550101");
    expect(screen.getByLabelText("Phone 2 type")).toHaveValue("home");
    expect(screen.getByLabelText("City")).toHaveValue("Springfield");
    expect(screen.getByLabelText("Date of birth")).toHaveValue("1961-07-14");
    expect(screen.getByLabelText("Household")).toHaveValue(householdId);
    expect(screen.getByLabelText("Call from")).toHaveValue("09:00");
    expect(screen.getByLabelText("Call until")).toHaveValue("17:30");
    expect(screen.getByLabelText("Time zone")).toHaveValue("America/Chicago");
    expect(screen.getByLabelText("Call recording")).toHaveValue("granted");
    expect(screen.getByLabelText("Tags")).toHaveValue("vip, home");
    expect(screen.getByLabelText("ID in your previous system")).toHaveValue("OLD-77");
    expect(screen.getByLabelText("Notes")).toHaveValue("Prefers mornings.");
    expect(screen.getByRole("link", { name: "Cancel" })).toHaveAttribute("href", `/clients/${clientId}`);
  });

  it("saves every editable field with the etag read, then goes back to the client", async () => {
    const requests = renderEdit({ [`PUT /api/clients/${clientId}`]: () => jsonResponse({ ...clientJson, etag: "813" }) });

    await fill(await screen.findByLabelText("E-mail"), "maggie@example.com");
    await formUser.click(screen.getByRole("button", { name: "Remove phone 2" }));
    await formUser.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith(`/clients/${clientId}`));
    const puts = requestsTo(requests, "PUT", `/api/clients/${clientId}`);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(puts[0]?.body).toEqual({
      clientId,
      etag: "812",
      displayName: "Margaret Oyelaran",
      email: "maggie@example.com",
      phones: [{ number: "+15555550101", type: "PHONE_TYPE_MOBILE" }],
      address: { line1: "12 Elm St", line2: "", city: "Springfield", region: "IL", postalCode: "62701", countryCode: "US" },
      dateOfBirth: { year: 1961, month: 7, day: 14 },
      householdId,
      contactWindowStart: { hours: 9, minutes: 0, seconds: 0 },
      contactWindowEnd: { hours: 17, minutes: 30, seconds: 0 },
      timeZone: "America/Chicago",
      doNotCall: false,
      doNotCallReason: "",
      recordingConsent: "RECORDING_CONSENT_GRANTED",
      tags: ["vip", "home"],
      notes: "Prefers mornings.",
      externalId: "OLD-77",
    });
  });

  it("keeps the agent's changes when someone else saved first, and loads the latest version only when asked", async () => {
    let reads = 0;
    const latest = { ...clientJson, email: "margaret.o@example.com", notes: "Moved to email only.", etag: "900" };
    const requests = renderEdit({
      [`GET /api/clients/${clientId}`]: () => jsonResponse(++reads === 1 ? clientJson : latest),
      [`PUT /api/clients/${clientId}`]: (request) =>
        (request.body as { etag: string }).etag === "812" ? stale() : jsonResponse(latest),
    });

    await fill(await screen.findByLabelText("Notes"), "Call after 5pm.");
    await formUser.click(screen.getByRole("button", { name: "Save changes" }));

    const conflict = await screen.findByRole("alert");
    expect(conflict).toHaveTextContent("This client changed since you opened it.");
    expect(conflict).toHaveTextContent("They are still in the form");
    expect(screen.getByLabelText("Notes")).toHaveValue("Call after 5pm.");
    expect(push).not.toHaveBeenCalled();

    await formUser.click(within(conflict.parentElement as HTMLElement).getByRole("button", { name: "Load the latest version" }));

    await waitFor(() => expect(screen.getByLabelText("Notes")).toHaveValue("Moved to email only."));
    expect(screen.getByLabelText("E-mail")).toHaveValue("margaret.o@example.com");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await formUser.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith(`/clients/${clientId}`));
    expect(requestsTo(requests, "PUT", `/api/clients/${clientId}`).map((r) => (r.body as { etag: string }).etag)).toEqual(["812", "900"]);
  });

  it("says so when the client is not in the agent's book", async () => {
    renderEdit({
      [`GET /api/clients/${clientId}`]: () => problemResponse({ title: "Not Found", status: 404, detail: "No such client." }),
    });

    expect(await screen.findByRole("alert")).toHaveTextContent("Not FoundNo such client.");
  });
});
