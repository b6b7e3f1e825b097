import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callJson, freeSlotsJson, freeSlotsPath } from "@/testing/calendar";
import { fill } from "@/testing/forms";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ScheduleCallDialog } from "./ScheduleCallDialog";

const fetchMock = vi.fn<typeof fetch>();
const client = { clientId: callJson.clientId, displayName: "Margaret Oyelaran" };
// Noon on Monday 2026-03-02: the dialog asks from the day before (in any zone) for two weeks.
const firstPage = freeSlotsPath("2026-03-01", "2026-03-14", 60);

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T12:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
});

function renderDialog(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, { [`GET ${firstPage}`]: () => jsonResponse(freeSlotsJson), ...routes });
  const onScheduled = vi.fn();
  const onClose = vi.fn();
  const uuid = vi.spyOn(crypto, "randomUUID").mockReturnValue("0b6f4c2e-1111-4222-8333-444455556666");
  render(<ScheduleCallDialog client={client} onScheduled={onScheduled} onClose={onClose} />);
  return { requests, onScheduled, onClose, uuid, dialog: screen.getByRole("dialog", { name: "Schedule a call with Margaret Oyelaran" }) };
}

describe("<ScheduleCallDialog>", () => {
  it("offers the next free slots day by day in the agent's zone, and schedules the one chosen", async () => {
    const { dialog, requests, onScheduled } = renderDialog({ "POST /api/calendar/calls": () => jsonResponse(callJson) });

    expect(within(dialog).getByText("Finding free times…")).toHaveAttribute("role", "status");
    const monday = await within(dialog).findByRole("group", { name: "Monday, March 2" });
    expect(within(dialog).getByText("Times in America/New_York.")).toBeInTheDocument();
    expect(within(monday).getAllByRole("radio").map((radio) => radio.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(/^Mon, Mar 2, 9:00\sAM$/),
      expect.stringMatching(/^Mon, Mar 2, 9:40\sAM$/),
    ]);
    const tuesday = within(dialog).getByRole("group", { name: "Tuesday, March 3" });
    expect(within(dialog).getByRole("button", { name: "Schedule call" })).toBeDisabled();

    await userEvent.click(within(tuesday).getByRole("radio", { name: /11:00\sAM/ }));
    await fill(within(dialog).getByLabelText("Notes for the event"), "About the home renewal ");
    await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

    await waitFor(() => expect(onScheduled).toHaveBeenCalledOnce());
    expect(onScheduled.mock.calls[0]?.[0]).toMatchObject({ eventId: callJson.eventId, clientName: "Margaret Oyelaran" });
    const posts = requestsTo(requests, "POST", "/api/calendar/calls");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(posts[0]?.body).toEqual({
      requestId: "0b6f4c2e-1111-4222-8333-444455556666",
      clientId: client.clientId,
      startTime: "2026-03-03T16:00:00Z",
      notes: "About the home renewal",
    });
  });

  it("shows a refusal plainly, offers the free times again, and retries with the same request id", async () => {
    let posts = 0;
    const { dialog, requests, onScheduled, uuid } = renderDialog({
      "POST /api/calendar/calls": () =>
        ++posts === 1
          ? problemResponse({ title: "Bad Request", status: 400, detail: "Margaret Oyelaran asked not to be called.", grpcStatus: "FailedPrecondition" })
          : jsonResponse(callJson),
    });

    await userEvent.click(await within(dialog).findByRole("radio", { name: /Mon, Mar 2, 9:00/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("The call was not scheduled");
    expect(alert).toHaveTextContent("Margaret Oyelaran asked not to be called.");
    expect(onScheduled).not.toHaveBeenCalled();
    await waitFor(() => expect(requestsTo(requests, "GET", firstPage)).toHaveLength(2));

    await userEvent.click(await within(dialog).findByRole("radio", { name: /Mon, Mar 2, 9:40/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

    await waitFor(() => expect(onScheduled).toHaveBeenCalledOnce());
    const ids = requestsTo(requests, "POST", "/api/calendar/calls").map((request) => (request.body as { requestId: string }).requestId);
    expect(ids).toEqual(["0b6f4c2e-1111-4222-8333-444455556666", "0b6f4c2e-1111-4222-8333-444455556666"]);
    expect(uuid).toHaveBeenCalledOnce();
  });

  it("sends one request id however often the button is pressed", async () => {
    const { dialog, requests, onScheduled } = renderDialog({ "POST /api/calendar/calls": () => jsonResponse(callJson) });

    await userEvent.click(await within(dialog).findByRole("radio", { name: /Mon, Mar 2, 9:00/ }));
    await userEvent.dblClick(within(dialog).getByRole("button", { name: "Schedule call" }));

    await waitFor(() => expect(onScheduled).toHaveBeenCalled());
    const ids = new Set(requestsTo(requests, "POST", "/api/calendar/calls").map((request) => (request.body as { requestId: string }).requestId));
    expect([...ids]).toEqual(["0b6f4c2e-1111-4222-8333-444455556666"]);
  });

  it("shows the API's field errors at the time", async () => {
    const { dialog } = renderDialog({
      "POST /api/calendar/calls": () =>
        problemResponse({ title: "The request is not valid.", status: 400, errors: { startTime: ["must not be in the past."] } }),
    });

    await userEvent.click(await within(dialog).findByRole("radio", { name: /Mon, Mar 2, 9:00/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

    expect(await within(dialog).findByText("The time must not be in the past.")).toBeInTheDocument();
    expect(within(dialog).getByRole("group", { name: "When" })).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByRole("group", { name: "When" })).toHaveAccessibleDescription("The time must not be in the past.");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Check the fields marked below.");
  });

  it("shows later days on request, starting from the last day the service cut short", async () => {
    const full = {
      timeZone: "UTC",
      slots: Array.from({ length: 60 }, (_, index) => {
        const start = new Date(Date.UTC(2026, 2, 2 + Math.floor(index / 12), 9, (index % 12) * 30));
        return { startTime: start.toISOString(), endTime: new Date(start.getTime() + 1_800_000).toISOString() };
      }),
    };
    const { dialog, requests } = renderDialog({
      [`GET ${firstPage}`]: () => jsonResponse(full),
      [`GET ${freeSlotsPath("2026-03-06", "2026-03-19", 60)}`]: () =>
        jsonResponse({ timeZone: "UTC", slots: [{ startTime: "2026-03-06T09:00:00Z", endTime: "2026-03-06T09:30:00Z" }] }),
    });

    await within(dialog).findByRole("group", { name: "Thursday, March 5" });
    // The fifth day was cut short at 60 slots: it is asked for again with the later days.
    expect(within(dialog).queryByRole("group", { name: "Friday, March 6" })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Show later days" }));

    const friday = await within(dialog).findByRole("group", { name: "Friday, March 6" });
    expect(within(friday).getAllByRole("radio")).toHaveLength(1);
    expect(requestsTo(requests, "GET", freeSlotsPath("2026-03-06", "2026-03-19", 60))).toHaveLength(1);
  });

  it("reads another time typed in as the agent's wall-clock time", async () => {
    const { dialog, requests } = renderDialog({ "POST /api/calendar/calls": () => jsonResponse(callJson) });

    await userEvent.click(await within(dialog).findByRole("radio", { name: "Another time" }));
    await fill(within(dialog).getByLabelText("Date"), "2026-03-05");
    await fill(within(dialog).getByLabelText("Time (America/New_York)"), "13:15");
    await userEvent.click(within(dialog).getByRole("button", { name: "Schedule call" }));

    await waitFor(() => expect(requestsTo(requests, "POST", "/api/calendar/calls")).toHaveLength(1));
    expect(requestsTo(requests, "POST", "/api/calendar/calls")[0]?.body).toMatchObject({ startTime: "2026-03-05T18:15:00.000Z" });
  });

  it("takes focus when it opens, and closes with Escape or Cancel without scheduling", async () => {
    const { dialog, onClose, requests } = renderDialog();
    expect(dialog).toHaveFocus();

    await within(dialog).findByRole("group", { name: "Monday, March 2" });
    await userEvent.keyboard("{Escape}");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));

    expect(onClose).toHaveBeenCalledTimes(2);
    expect(requestsTo(requests, "POST", "/api/calendar/calls")).toHaveLength(0);
  });
});
