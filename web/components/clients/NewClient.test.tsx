import { render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientId, clientJson, householdId } from "@/testing/clients";
import { fill, formUser } from "@/testing/forms";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { NewClient } from "./NewClient";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const households = { households: [{ householdId, name: "The Oyelarans", memberCount: 2 }] };

function renderNew(routes: Record<string, Route>) {
  const requests = routeFetch(fetchMock, { "GET /api/clients/households": () => jsonResponse(households), ...routes });
  render(<NewClient />);
  return requests;
}

describe("New client", () => {
  it("adds a client with what the agent typed, then opens the client's page", async () => {
    const requests = renderNew({ "POST /api/clients": () => jsonResponse(clientJson) });
    await screen.findByRole("option", { name: "The Oyelarans" });

    await fill(screen.getByLabelText("Name"), "Margaret Oyelaran");
    await fill(screen.getByLabelText("E-mail"), "margaret@example.com");
    await fill(screen.getByLabelText("Phone 1"), "(312) 555-0101");
    await formUser.click(screen.getByRole("button", { name: "Add a phone number" }));
    await fill(screen.getByLabelText("Phone 2"), "312 555 0102");
    await formUser.selectOptions(screen.getByLabelText("Phone 2 type"), "home");
    await formUser.click(screen.getByRole("button", { name: "Add a phone number" }));
    await fill(screen.getByLabelText("Address line 1"), "12 Elm St");
    await fill(screen.getByLabelText("City"), "Springfield");
    await fill(screen.getByLabelText("State or region"), "IL");
    await fill(screen.getByLabelText("Country code"), "us");
    await fill(screen.getByLabelText("Date of birth"), "1961-07-14");
    await formUser.selectOptions(screen.getByLabelText("Household"), "The Oyelarans");
    await fill(screen.getByLabelText("Call from"), "09:00");
    await fill(screen.getByLabelText("Call until"), "17:30");
    await fill(screen.getByLabelText("Time zone"), "America/Chicago");
    await formUser.selectOptions(screen.getByLabelText("Call recording"), "granted");
    await fill(screen.getByLabelText("Tags"), "VIP, home,,");
    await fill(screen.getByLabelText("Notes"), "Prefers mornings.");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith(`/clients/${clientId}`));
    const posts = requestsTo(requests, "POST", "/api/clients");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(posts[0]?.body).toEqual({
      displayName: "Margaret Oyelaran",
      email: "margaret@example.com",
      // The blank third phone row is left out.
      phones: [
        { number: "(312) 555-0101", type: "PHONE_TYPE_MOBILE" },
        { number: "312 555 0102", type: "PHONE_TYPE_HOME" },
      ],
      address: { line1: "12 Elm St", line2: "", city: "Springfield", region: "IL", postalCode: "", countryCode: "US" },
      dateOfBirth: { year: 1961, month: 7, day: 14 },
      householdId,
      contactWindowStart: { hours: 9, minutes: 0, seconds: 0 },
      contactWindowEnd: { hours: 17, minutes: 30, seconds: 0 },
      timeZone: "America/Chicago",
      doNotCall: false,
      doNotCallReason: "",
      recordingConsent: "RECORDING_CONSENT_GRANTED",
      tags: ["VIP", "home"],
      notes: "Prefers mornings.",
      externalId: "",
    });
  });

  it("shows each field error from the API next to its field, and keeps everything typed", async () => {
    const requests = renderNew({
      "POST /api/clients": () =>
        problemResponse({
          title: "The request is not valid.",
          status: 400,
          detail: "The request is not valid: email, phones[0].number, address.countryCode, contactWindowEnd.",
          errors: {
            email: ["is not an e-mail address."],
            "phones[0].number": ["is not a phone number (numbers without a country code are read as US)."],
            "address.countryCode": ["is not an ISO 3166-1 alpha-2 country code (for example US)."],
            contactWindowEnd: ["must be given with contactWindowStart, and differ from it."],
            somethingNew: ["is not right."],
          },
        }),
    });

    await fill(screen.getByLabelText("Name"), "Margaret Oyelaran");
    await fill(screen.getByLabelText("E-mail"), "margaret@");
    await fill(screen.getByLabelText("Phone 1"), "call me");
    await fill(screen.getByLabelText("Country code"), "ZZ");
    await fill(screen.getByLabelText("Call until"), "17:00");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    const email = screen.getByLabelText("E-mail");
    expect(await screen.findByText("E-mail is not an e-mail address.")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("E-mail is not an e-mail address.");
    expect(email).toHaveValue("margaret@");
    expect(screen.getByLabelText("Phone 1")).toHaveAccessibleDescription(
      "Phone 1 is not a phone number (numbers without a country code are read as US).",
    );
    expect(screen.getByLabelText("Phone 1")).toHaveValue("call me");
    expect(screen.getByLabelText("Country code")).toHaveAccessibleDescription(
      "Country code is not an ISO 3166-1 alpha-2 country code (for example US). Two letters, e.g. US",
    );
    expect(screen.getByLabelText("Call until")).toHaveAccessibleDescription(
      "Call until must be given with contactWindowStart, and differ from it.",
    );
    expect(screen.getByLabelText("Name")).toHaveValue("Margaret Oyelaran");
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");

    // The alert at the top points at the fields, and names only what no field shows.
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("The request is not valid.Check the fields marked below.somethingNew: is not right.");
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Add client" })).toBeEnabled();
    expect(requestsTo(requests, "POST", "/api/clients")).toHaveLength(1);
  });

  it("creates a new household first, then the client in it, and never the household twice", async () => {
    let householdPosts = 0;
    let clientPosts = 0;
    const created = { householdId: "h-new", name: "The Garcias", memberCount: 0 };
    const requests = renderNew({
      "POST /api/clients/households": () =>
        ++householdPosts === 1
          ? problemResponse({ title: "The request is not valid.", status: 400, errors: { name: ["is already the name of one of your households."] } })
          : jsonResponse(created),
      "POST /api/clients": () =>
        ++clientPosts === 1
          ? problemResponse({ title: "The request is not valid.", status: 400, errors: { email: ["is not an e-mail address."] } })
          : jsonResponse(clientJson),
    });
    await screen.findByRole("option", { name: "The Oyelarans" });

    await fill(screen.getByLabelText("Name"), "Ana Garcia");
    await fill(screen.getByLabelText("E-mail"), "ana@");
    await formUser.selectOptions(screen.getByLabelText("Household"), "New household…");
    await fill(screen.getByLabelText("New household's name"), "The Oyelarans");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    expect(await screen.findByText("New household's name is already the name of one of your households.")).toBeInTheDocument();
    expect(requestsTo(requests, "POST", "/api/clients")).toHaveLength(0);

    await fill(screen.getByLabelText("New household's name"), "The Garcias");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    expect(await screen.findByText("E-mail is not an e-mail address.")).toBeInTheDocument();
    expect(screen.getByLabelText("Household")).toHaveValue("h-new");
    expect(screen.getByRole("option", { name: "The Garcias" })).toBeInTheDocument();
    expect(screen.queryByLabelText("New household's name")).not.toBeInTheDocument();

    await fill(screen.getByLabelText("E-mail"), "ana@example.com");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    await waitFor(() => expect(push).toHaveBeenCalledExactlyOnceWith(`/clients/${clientId}`));
    expect(requestsTo(requests, "POST", "/api/clients/households").map((r) => r.body)).toEqual([
      { name: "The Oyelarans" },
      { name: "The Garcias" },
    ]);
    expect(requestsTo(requests, "POST", "/api/clients").map((r) => r.body)).toEqual([
      expect.objectContaining({ displayName: "Ana Garcia", email: "ana@", householdId: "h-new" }),
      expect.objectContaining({ displayName: "Ana Garcia", email: "ana@example.com", householdId: "h-new" }),
    ]);
  });

  it("asks why and since when only for a do-not-call client", async () => {
    const requests = renderNew({ "POST /api/clients": () => jsonResponse(clientJson) });

    expect(screen.queryByLabelText("Why not")).not.toBeInTheDocument();
    await fill(screen.getByLabelText("Name"), "Dan Nocall");
    await formUser.click(screen.getByLabelText("Do not call this client"));
    await fill(screen.getByLabelText("Why not"), "Asked us to stop calling");
    await fill(screen.getByLabelText("Not to be called since"), "2026-11-01");
    await formUser.click(screen.getByRole("button", { name: "Add client" }));

    expect(requestsTo(requests, "POST", "/api/clients")[0]?.body).toMatchObject({
      doNotCall: true,
      doNotCallReason: "Asked us to stop calling",
      doNotCallSince: { year: 2026, month: 11, day: 1 },
      phones: [],
    });
  });

  it("goes back to the list on Cancel", () => {
    renderNew({});

    expect(screen.getByRole("link", { name: "Cancel" })).toHaveAttribute("href", "/clients");
    expect(screen.getByRole("heading", { level: 1, name: "New client" })).toBeInTheDocument();
  });
});
