import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callJson, eventId, eventsPath, freeSlotsJson, freeSlotsPath, meetingJson, settingsJson } from "@/testing/calendar";
import { fill, formUser } from "@/testing/forms";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { CalendarView } from "./CalendarView";

let searchParams = new URLSearchParams();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useSearchParams: () => searchParams, useRouter: () => ({ push }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  // Noon on Monday 2026-03-02; New York springs forward on Sunday 2026-03-08.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T12:00:00Z") });
  searchParams = new URLSearchParams();
});

afterEach(() => {
  vi.useRealTimers();
});

const thisWeek = eventsPath("2026-03-02T05:00:00.000Z", "2026-03-09T04:00:00.000Z");

function renderCalendar(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, {
    "GET /api/calendar/settings": () => jsonResponse(settingsJson),
    "GET /api/calendar/sync": () => jsonResponse({ provider: "local" }),
    [`GET ${thisWeek}`]: () => jsonResponse({ events: [callJson, meetingJson] }),
    ...routes,
  });
  render(<CalendarView />);
  return requests;
}

/** The page loads its settings, then the week: give findBy* more than a second on a busy machine. */
const loaded = { timeout: 5000 };

function day(name: string): HTMLElement {
  return screen.getByRole("region", { name });
}

describe("Calendar page", () => {
  it("starts a scheduled call as that event and opens the live-call screen", async () => {
    const requests = renderCalendar({ "POST /api/conversation/calls": () => jsonResponse({ callId: "call-1" }) });

    await userEvent.click(await screen.findByRole("button", { name: "Start call with Margaret Oyelaran" }, loaded));

    await waitFor(() => expect(push).toHaveBeenCalledWith("/calls/live/call-1"));
    expect(requestsTo(requests, "POST", "/api/conversation/calls")[0].body).toEqual({ clientId: callJson.clientId, calendarEventId: eventId });
  });

  it("shows this week in the agent's time zone, calls set apart with their client", async () => {
    renderCalendar();

    expect(await screen.findByText(/^Week of Mar 2\s*–\s*8, 2026 · times in America\/New_York$/, {}, loaded)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Calendar" })).toBeInTheDocument();
    await screen.findByRole("link", { name: "Margaret Oyelaran" }, loaded);

    const tuesday = day("Tue, Mar 3");
    const call = within(tuesday).getByRole("listitem");
    expect(call).toHaveTextContent(/^10:00\sAM – 10:30\sAMCallCall with Margaret Oyelaran\+15555550101/);
    expect(within(call).getByRole("link", { name: "Margaret Oyelaran" })).toHaveAttribute("href", `/clients/${callJson.clientId}`);
    expect(within(call).getByRole("button", { name: "Reschedule the call with Margaret Oyelaran" })).toBeInTheDocument();
    expect(within(day("Wed, Mar 4")).getByRole("listitem")).toHaveTextContent(/^1:00\sPM – 2:00\sPMTeam meeting$/);
    expect(within(day("Wed, Mar 4")).queryByRole("button")).not.toBeInTheDocument();
    expect(day("Mon, Mar 2")).toHaveTextContent("Mon, Mar 2 · TodayNothing scheduled");
    expect(day("Sun, Mar 8")).toHaveTextContent("Nothing scheduled");

    const weeks = screen.getByRole("navigation", { name: "Weeks" });
    expect(within(weeks).getByRole("link", { name: "← Previous week" })).toHaveAttribute("href", "/calendar?week=2026-02-23");
    expect(within(weeks).getByRole("link", { name: "Next week →" })).toHaveAttribute("href", "/calendar?week=2026-03-09");
    expect(within(weeks).queryByRole("link", { name: "This week" })).not.toBeInTheDocument();
    expect(within(weeks).getByRole("link", { name: "Scheduling settings" })).toHaveAttribute("href", "#scheduling");
    expect(await screen.findByText(/Your calls are on AgentCalls' own calendar\./)).toBeInTheDocument();
  });

  it("shows a held call as held, with its call log instead of the actions", async () => {
    renderCalendar({
      [`GET ${thisWeek}`]: () => jsonResponse({ events: [{ ...callJson, heldAt: "2026-03-03T15:25:00Z", callLogId: "log-7" }] }),
    });

    await screen.findByRole("link", { name: "Margaret Oyelaran" }, loaded);
    const call = within(day("Tue, Mar 3")).getByRole("listitem");

    expect(call).toHaveTextContent(/^10:00\sAM – 10:30\sAMCallHeldCall with Margaret Oyelaran\+15555550101Held at 10:25\sAM · Call log/);
    expect(within(call).getByRole("link", { name: "Call log of the call with Margaret Oyelaran" })).toHaveAttribute("href", "/calls/log-7");
    expect(within(call).queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows the week in the URL, or the week of a moment, and the way back to this week", async () => {
    searchParams = new URLSearchParams({ at: "2026-03-10T15:00:00Z" });
    const requests = renderCalendar({
      [`GET ${eventsPath("2026-03-09T04:00:00.000Z", "2026-03-16T04:00:00.000Z")}`]: () => jsonResponse({}),
    });

    expect(await screen.findByText(/^Week of Mar 9\s*–\s*15, 2026/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "This week" })).toHaveAttribute("href", "/calendar?week=2026-03-02");
    expect(await screen.findAllByText("Nothing scheduled")).toHaveLength(7);
    expect(requestsTo(requests, "GET", thisWeek)).toHaveLength(0);
  });

  it("moves a call to a free time and reads the week again", async () => {
    let reads = 0;
    const requests = renderCalendar({
      [`GET ${thisWeek}`]: () =>
        jsonResponse({ events: ++reads === 1 ? [callJson] : [{ ...callJson, startTime: "2026-03-03T16:00:00Z", endTime: "2026-03-03T16:30:00Z" }] }),
      [`GET ${freeSlotsPath("2026-03-01", "2026-03-14", 60)}`]: () => jsonResponse(freeSlotsJson),
      [`POST /api/calendar/calls/${eventId}:reschedule`]: () =>
        jsonResponse({ ...callJson, startTime: "2026-03-03T16:00:00Z", endTime: "2026-03-03T16:30:00Z" }),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Reschedule the call with Margaret Oyelaran" }, loaded));
    const dialog = screen.getByRole("dialog", { name: "Reschedule the call with Margaret Oyelaran" });
    expect(dialog).toHaveTextContent(/Now: Tue, Mar 3, 10:00\sAM\./);
    await userEvent.click(await within(dialog).findByRole("radio", { name: /Tue, Mar 3, 11:00/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Move call" }));

    expect(await screen.findByText(/^The call with Margaret Oyelaran is moved to Tue, Mar 3, 11:00\sAM\.$/)).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() => expect(within(day("Tue, Mar 3")).getByRole("listitem")).toHaveTextContent(/^11:00\sAM – 11:30\sAM/));
    const moves = requestsTo(requests, "POST", `/api/calendar/calls/${eventId}:reschedule`);
    expect(moves[0]?.body).toEqual({ startTime: "2026-03-03T16:00:00Z" });
    expect(moves[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("asks before cancelling a call, then cancels it and reads the week again", async () => {
    let reads = 0;
    const requests = renderCalendar({
      [`GET ${thisWeek}`]: () => jsonResponse({ events: ++reads === 1 ? [callJson] : [] }),
      [`POST /api/calendar/calls/${eventId}:cancel`]: () => jsonResponse({}),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Cancel the call with Margaret Oyelaran" }, loaded));
    let confirm = screen.getByRole("group", { name: "Cancel the call with Margaret Oyelaran?" });
    expect(within(confirm).getByRole("button", { name: "Keep it" })).toHaveFocus();
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(requestsTo(requests, "POST", `/api/calendar/calls/${eventId}:cancel`)).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Cancel the call with Margaret Oyelaran" }));
    confirm = screen.getByRole("group", { name: "Cancel the call with Margaret Oyelaran?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel call" }));

    const cancelled = await screen.findByText(/^The call with Margaret Oyelaran on Tue, Mar 3, 10:00\sAM is cancelled\.$/);
    expect(cancelled.closest('[role="status"]')).not.toBeNull();
    await waitFor(() => expect(day("Tue, Mar 3")).toHaveTextContent("Nothing scheduled"));
    expect(requestsTo(requests, "POST", `/api/calendar/calls/${eventId}:cancel`)[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("keeps a call whose cancelling failed, and says why", async () => {
    renderCalendar({
      [`POST /api/calendar/calls/${eventId}:cancel`]: () =>
        problemResponse({ title: "Bad Request", status: 400, detail: "Google no longer accepts AgentCalls' access. Connect Google Calendar again in Settings." }),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Cancel the call with Margaret Oyelaran" }, loaded));
    await userEvent.click(screen.getByRole("button", { name: "Cancel call" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Connect Google Calendar again in Settings.");
    expect(screen.getByRole("button", { name: "Cancel call" })).toBeEnabled();
  });

  it("edits the scheduling settings and shows the week in the new time zone", async () => {
    const saved = {
      ...settingsJson,
      timeZone: "Europe/London",
      workingHours: [
        ...settingsJson.workingHours.slice(0, 4),
        { dayOfWeek: "SATURDAY", start: { hours: 10 }, end: { hours: 24 } },
      ],
      callLengthMinutes: 20,
      updatedAt: "2026-03-02T12:00:00Z",
    };
    const requests = renderCalendar({
      "PUT /api/calendar/settings": () => jsonResponse(saved),
      [`GET ${eventsPath("2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z")}`]: () => jsonResponse({ events: [callJson] }),
    });
    const settings = await screen.findByRole("form", { name: "Scheduling settings" }, loaded);

    expect(within(settings).getByLabelText("Time zone")).toHaveValue("America/New_York");
    expect(within(settings).getByLabelText("Call length (minutes)")).toHaveValue(30);
    expect(within(settings).getByLabelText("Buffer between calls (minutes)")).toHaveValue(10);
    expect(within(settings).getByLabelText("Reminder (minutes before)")).toHaveValue(10);
    expect(within(settings).getByLabelText("Monday from")).toHaveValue("09:00");
    expect(within(settings).getByLabelText("Friday until")).toHaveValue("17:00");
    expect(within(settings).getByRole("checkbox", { name: "Saturday" })).not.toBeChecked();

    await fill(within(settings).getByLabelText("Time zone"), "Europe/London");
    await fill(within(settings).getByLabelText("Call length (minutes)"), "20");
    await formUser.click(within(settings).getByRole("checkbox", { name: "Friday" }));
    await formUser.click(within(settings).getByRole("checkbox", { name: "Saturday" }));
    await fill(within(settings).getByLabelText("Saturday from"), "10:00");
    await fill(within(settings).getByLabelText("Saturday until"), "00:00");
    await formUser.click(within(settings).getByRole("button", { name: "Save scheduling settings" }));

    expect(await within(settings).findByText("Saved. Free times follow the new settings.")).toHaveAttribute("role", "status");
    const puts = requestsTo(requests, "PUT", "/api/calendar/settings");
    expect(puts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(puts[0]?.body).toEqual({
      timeZone: "Europe/London",
      workingHours: [
        ...["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"].map((dayOfWeek) => ({
          dayOfWeek,
          start: { hours: 9, minutes: 0, seconds: 0 },
          end: { hours: 17, minutes: 0, seconds: 0 },
        })),
        { dayOfWeek: "SATURDAY", start: { hours: 10, minutes: 0, seconds: 0 }, end: { hours: 0, minutes: 0, seconds: 0 } },
      ],
      callLengthMinutes: 20,
      bufferMinutes: 10,
      reminderMinutes: 10,
    });
    expect(await screen.findByText(/times in Europe\/London$/)).toBeInTheDocument();
    await waitFor(() => expect(within(day("Tue, Mar 3")).getByRole("listitem")).toHaveTextContent(/^3:00\sPM – 3:30\sPM/));
  });

  it("shows the API's field errors at the settings they name, a day's at that day", async () => {
    renderCalendar({
      "PUT /api/calendar/settings": () =>
        problemResponse({
          title: "The request is not valid.",
          status: 400,
          errors: {
            timeZone: ["is not an IANA time zone (for example America/New_York)."],
            "workingHours[1].end": ["must be after start."],
            bufferMinutes: ["must be between 0 and 120."],
          },
        }),
    });
    const settings = await screen.findByRole("form", { name: "Scheduling settings" }, loaded);

    await fill(within(settings).getByLabelText("Time zone"), "Mars/Olympus");
    await fill(within(settings).getByLabelText("Buffer between calls (minutes)"), "500");
    await fill(within(settings).getByLabelText("Tuesday until"), "08:00");
    await formUser.click(within(settings).getByRole("button", { name: "Save scheduling settings" }));

    expect(await within(settings).findByRole("alert")).toHaveTextContent("Check the fields marked below.");
    expect(within(settings).getByLabelText("Time zone")).toHaveAccessibleDescription(
      "Time zone is not an IANA time zone (for example America/New_York). An IANA name, e.g. America/New_York.",
    );
    expect(within(settings).getByLabelText("Buffer between calls (minutes)")).toHaveAttribute("aria-invalid", "true");
    expect(within(settings).getByLabelText("Tuesday until")).toHaveAccessibleDescription("End must be after start.");
    expect(within(settings).getByLabelText("Tuesday until")).toHaveValue("08:00");
    expect(within(settings).getByLabelText("Monday until")).not.toHaveAttribute("aria-invalid");
  });

  it("shows why the settings could not be read, and tries again", async () => {
    let reads = 0;
    renderCalendar({
      "GET /api/calendar/settings": () =>
        ++reads === 1 ? problemResponse({ title: "The service is unavailable", status: 503 }) : jsonResponse(settingsJson),
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The service is unavailable");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("link", { name: "Margaret Oyelaran" }, loaded)).toBeInTheDocument();
  });
});
