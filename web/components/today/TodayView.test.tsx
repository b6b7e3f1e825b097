import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callJson, freeSlotsJson, freeSlotsPath } from "@/testing/calendar";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { TodayView } from "./TodayView";

const fetchMock = vi.fn<typeof fetch>();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const settings = { renewalWindowDays: 45, contactIntervalDays: 180, lapseWindowDays: 90, timeZone: "UTC", defaultRegion: "US" };

const queue = {
  entries: [
    {
      clientId: "c-margaret",
      displayName: "Margaret Oyelaran",
      phone: "+13125550101",
      reasons: [
        { kind: "CALL_REASON_KIND_CALLBACK_REQUESTED", description: "Asked to be called back" },
        { kind: "CALL_REASON_KIND_RENEWAL_DUE", days: 12, policyId: "p1", policyNumber: "HO-1234", description: "Renewal in 12 days (HO-1234)" },
      ],
      score: 900,
      contactWindowStart: { hours: 9 },
      contactWindowEnd: { hours: 17 },
      timeZone: "America/Chicago",
      lastContactedAt: "2026-05-01T15:00:00Z",
    },
    {
      clientId: "c-theo",
      displayName: "Theodore Brandt",
      // The service words every reason; the app shows its words as they are.
      reasons: [
        { kind: "CALL_REASON_KIND_LAPSED", days: 5, policyNumber: "AU-77", description: "Lapsed 5 days ago (AU-77)" },
        { kind: "CALL_REASON_KIND_LAPSED", policyNumber: "BT-1", dateUnknown: true, description: "Lapsed, date unknown (BT-1)" },
        { kind: "CALL_REASON_KIND_NOT_CONTACTED", days: 200, description: "Never contacted (added 200 days ago)" },
      ],
      score: 500,
    },
  ],
  nextPageToken: "Q2",
  today: { year: 2026, month: 11, day: 25 },
};

function renderToday(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, {
    "GET /api/clients/call-queue": () => jsonResponse(queue),
    "GET /api/clients/settings": () => jsonResponse(settings),
    ...routes,
  });
  render(<TodayView />);
  return requests;
}

describe("Today page", () => {
  it("starts a call with an entry's client and opens the live-call screen", async () => {
    const requests = renderToday({ "POST /api/conversation/calls": () => jsonResponse({ callId: "call-7" }) });

    await userEvent.click(await screen.findByRole("button", { name: "Start call with Theodore Brandt" }));

    expect(push).toHaveBeenCalledWith("/calls/live/call-7");
    expect(requestsTo(requests, "POST", "/api/conversation/calls")[0].body).toEqual({ clientId: "c-theo", calendarEventId: "" });
  });

  it("shows why a call could not start beside the entry", async () => {
    renderToday({ "POST /api/conversation/calls": () => problemResponse({ title: "Too many requests", status: 429 }, { "Retry-After": "5" }) });

    await userEvent.click(await screen.findByRole("button", { name: "Start call with Theodore Brandt" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many requests");
    expect(push).not.toHaveBeenCalled();
  });

  it("lists who to call, most pressing first, with the reasons in words and a link to each client", async () => {
    renderToday();

    expect(screen.getByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument();
    const section = screen.getByRole("region", { name: /Who to call/ });
    const list = await within(section).findByRole("list", { name: "Clients to call" });
    const entries = within(list).getAllByRole("listitem").filter((item) => item.parentElement === list);
    expect(entries).toHaveLength(2);

    const margaret = entries[0] as HTMLElement;
    expect(within(margaret).getByRole("link", { name: "Margaret Oyelaran" })).toHaveAttribute("href", "/clients/c-margaret");
    expect(within(margaret).getByRole("link", { name: "+13125550101" })).toHaveAttribute("href", "tel:+13125550101");
    const reasons = within(margaret).getByRole("list", { name: "Why call Margaret Oyelaran" });
    expect(within(reasons).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Asked to be called back",
      "Renewal in 12 days (HO-1234)",
    ]);
    expect(margaret).toHaveTextContent("Prefers calls 09:00–17:00 (America/Chicago)");
    expect(within(margaret).getByText("Last contacted", { exact: false }).querySelector("time")).toHaveAttribute(
      "dateTime",
      "2026-05-01T15:00:00Z",
    );

    const theo = entries[1] as HTMLElement;
    expect(
      within(within(theo).getByRole("list", { name: "Why call Theodore Brandt" }))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Lapsed 5 days ago (AU-77)", "Lapsed, date unknown (BT-1)", "Never contacted (added 200 days ago)"]);
    expect(theo).toHaveTextContent("Never contacted");
    expect(section).toHaveTextContent("Who to call · Nov 25, 2026");
  });

  it("loads more of the queue with the next page's token", async () => {
    const requests = renderToday({
      "GET /api/clients/call-queue?pageToken=Q2": () =>
        jsonResponse({ entries: [{ clientId: "c-priya", displayName: "Priya Raman", reasons: [{ kind: "CALL_REASON_KIND_NOT_CONTACTED", days: 181, description: "Not contacted for 181 days" }] }] }),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Show more clients" }));

    expect(await screen.findByRole("link", { name: "Priya Raman" })).toHaveAttribute("href", "/clients/c-priya");
    expect(screen.getByRole("link", { name: "Margaret Oyelaran" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Show more clients" })).not.toBeInTheDocument();
    expect(requestsTo(requests, "GET", "/api/clients/call-queue?pageToken=Q2")).toHaveLength(1);
  });

  it("says so when nobody needs a call", async () => {
    renderToday({ "GET /api/clients/call-queue": () => jsonResponse({ today: { year: 2026, month: 11, day: 25 } }) });

    expect(await screen.findByText("Nobody needs a call today.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Show more clients" })).not.toBeInTheDocument();
  });

  it("shows why the queue could not be read, and tries again", async () => {
    let calls = 0;
    renderToday({
      "GET /api/clients/call-queue": () =>
        ++calls === 1 ? problemResponse({ title: "The service is unavailable", status: 503 }) : jsonResponse(queue),
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The service is unavailable");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("link", { name: "Margaret Oyelaran" })).toBeInTheDocument();
  });

  it("shows the queue rules, saves them all with PUT and reads the queue again", async () => {
    const saved = { ...settings, renewalWindowDays: 30, timeZone: "America/Chicago" };
    const requests = renderToday({ "PUT /api/clients/settings": () => jsonResponse(saved) });
    const rules = screen.getByRole("region", { name: "Queue rules" });

    const renewal = await within(rules).findByLabelText("Renewal window (days)");
    expect(renewal).toHaveValue(45);
    expect(within(rules).getByLabelText("Lapse window (days)")).toHaveValue(90);
    expect(within(rules).getByLabelText("Contact interval (days)")).toHaveValue(180);
    expect(within(rules).getByLabelText("Your time zone")).toHaveValue("UTC");
    expect(within(rules).getByLabelText("Default phone region")).toHaveValue("US");
    await screen.findByRole("link", { name: "Margaret Oyelaran" });

    await userEvent.clear(renewal);
    await userEvent.type(renewal, "30");
    await userEvent.clear(within(rules).getByLabelText("Your time zone"));
    await userEvent.type(within(rules).getByLabelText("Your time zone"), "America/Chicago");
    await userEvent.click(within(rules).getByRole("button", { name: "Save rules" }));

    expect(await within(rules).findByText("Saved. The queue follows the new rules.")).toHaveAttribute("role", "status");
    const puts = requestsTo(requests, "PUT", "/api/clients/settings");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(puts[0]?.body).toEqual({ renewalWindowDays: 30, lapseWindowDays: 90, contactIntervalDays: 180, timeZone: "America/Chicago", defaultRegion: "US" });
    await screen.findByRole("link", { name: "Margaret Oyelaran" });
    expect(requestsTo(requests, "GET", "/api/clients/call-queue")).toHaveLength(2);
  });

  it("shows the API's field errors next to the rules, keeping what was typed", async () => {
    const requests = renderToday({
      "PUT /api/clients/settings": () =>
        problemResponse({
          title: "The request is not valid.",
          status: 400,
          errors: { renewalWindowDays: ["must be between 1 and 365."], timeZone: ["is not an IANA time zone (for example America/Chicago)."] },
        }),
    });
    const rules = screen.getByRole("region", { name: "Queue rules" });
    const renewal = await within(rules).findByLabelText("Renewal window (days)");

    await userEvent.clear(renewal);
    await userEvent.type(renewal, "400");
    await userEvent.clear(within(rules).getByLabelText("Your time zone"));
    await userEvent.type(within(rules).getByLabelText("Your time zone"), "Mars/Olympus");
    await userEvent.click(within(rules).getByRole("button", { name: "Save rules" }));

    expect(await within(rules).findByRole("alert")).toHaveTextContent("Check the fields marked below.");
    expect(renewal).toHaveAccessibleDescription("Renewal window (days) must be between 1 and 365. Call about a policy expiring within this many days.");
    expect(renewal).toHaveAttribute("aria-invalid", "true");
    expect(renewal).toHaveValue(400);
    expect(within(rules).getByLabelText("Your time zone")).toHaveAccessibleDescription(
      "Your time zone is not an IANA time zone (for example America/Chicago). Decides when “today” starts.",
    );
    expect(within(rules).getByLabelText("Your time zone")).toHaveValue("Mars/Olympus");
    expect(requestsTo(requests, "GET", "/api/clients/call-queue")).toHaveLength(1);
  });

  it("schedules a call from an entry: the client leaves the queue and the call links to its week", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T12:00:00Z") });
    vi.spyOn(crypto, "randomUUID").mockReturnValue("4d3c2b1a-0000-4000-8000-000000000001");
    const requests = renderToday({
      [`GET ${freeSlotsPath("2026-03-01", "2026-03-14", 60)}`]: () => jsonResponse(freeSlotsJson),
      "POST /api/calendar/calls": () => jsonResponse({ ...callJson, clientId: "c-margaret", startTime: "2026-03-03T16:00:00Z" }),
    });
    try {
      const list = await screen.findByRole("list", { name: "Clients to call" });
      const margaret = within(list).getByRole("link", { name: "Margaret Oyelaran" }).closest("li") as HTMLElement;

      await userEvent.click(within(margaret).getByRole("button", { name: "Schedule call with Margaret Oyelaran" }));
      const dialog = screen.getByRole("dialog", { name: "Schedule a call with Margaret Oyelaran" });
      await userEvent.click(await within(dialog).findByRole("radio", { name: /Tue, Mar 3, 11:00/ }));
      await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

      const notice = await screen.findByText(/^Call with Margaret Oyelaran scheduled for/);
      expect(notice.closest('[role="status"]')).not.toBeNull();
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
      expect(screen.getByRole("link", { name: "See it on the calendar" })).toHaveAttribute(
        "href",
        `/calendar?at=${encodeURIComponent("2026-03-03T16:00:00Z")}`,
      );
      expect(within(list).queryByRole("link", { name: "Margaret Oyelaran" })).not.toBeInTheDocument();
      expect(within(list).getByRole("link", { name: "Theodore Brandt" })).toBeInTheDocument();
      expect(requestsTo(requests, "POST", "/api/calendar/calls")[0]?.body).toEqual({
        requestId: "4d3c2b1a-0000-4000-8000-000000000001",
        clientId: "c-margaret",
        startTime: "2026-03-03T16:00:00Z",
        notes: "",
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
