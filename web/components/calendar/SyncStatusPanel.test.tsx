import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { navigateTo } from "@/lib/navigation";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { authorizationUrl } from "@/testing/google";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { SyncStatusPanel } from "./SyncStatusPanel";

vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderPanel(routes: Record<string, Route>) {
  const requests = routeFetch(fetchMock, routes);
  render(<SyncStatusPanel />);
  return { requests, panel: screen.getByRole("region", { name: "Calendar sync" }) };
}

const synced = {
  provider: "google",
  state: "SYNC_STATE_SYNCED",
  lastSyncedAt: "2026-03-02T11:58:00Z",
  nextSyncAt: "2026-03-02T12:03:00Z",
};

describe("<SyncStatusPanel>", () => {
  it("says calls are on AgentCalls' own calendar, with the feed and Google one click away", async () => {
    const { panel } = renderPanel({ "GET /api/calendar/sync": () => jsonResponse({ provider: "local" }) });

    expect(within(panel).getByText("Checking how your calendar is kept…")).toHaveAttribute("role", "status");
    expect(await within(panel).findByText(/Your calls are on AgentCalls' own calendar\./)).toBeInTheDocument();
    expect(within(panel).getByRole("link", { name: "Subscribe to it from your calendar app" })).toHaveAttribute("href", "/settings#calendar-feed");
    expect(within(panel).getByRole("link", { name: "connect Google Calendar" })).toHaveAttribute("href", "/settings#google-calendar");
    expect(within(panel).queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows when Google was last synced and the next sync, and syncs now on request", async () => {
    const { panel, requests } = renderPanel({
      "GET /api/calendar/sync": () => jsonResponse(synced),
      "POST /api/calendar/sync:run": () => jsonResponse({ ...synced, state: "SYNC_STATE_FULL_SYNC", fullSyncEvents: 0 }),
    });

    const line = await within(panel).findByText("In sync with Google Calendar.");
    expect(line.parentElement).toHaveTextContent(/Last synced .*2026.*Checked for changes regularly\.Next sync .*2026/);
    expect(line.parentElement?.querySelector("time")).toHaveAttribute("dateTime", "2026-03-02T11:58:00Z");
    await userEvent.click(within(panel).getByRole("button", { name: "Sync now" }));

    expect(await within(panel).findByText("Reading your Google Calendar: 0 events (0 pages) so far…")).toBeInTheDocument();
    expect(requestsTo(requests, "POST", "/api/calendar/sync:run")[0]?.headers.get("X-CSRF")).toBe("1");
    expect(within(panel).queryByRole("button", { name: "Sync now" })).not.toBeInTheDocument();
  });

  it("follows a full sync's progress until it is done", async () => {
    let reads = 0;
    const { panel } = renderPanel({
      "GET /api/calendar/sync": () =>
        jsonResponse(
          ++reads === 1
            ? { provider: "google", state: "SYNC_STATE_FULL_SYNC", fullSyncEvents: 250, fullSyncPages: 1 }
            : { ...synced, pushNotifications: true },
        ),
    });

    expect(await within(panel).findByText("Reading your Google Calendar: 250 events (1 page) so far…")).toBeInTheDocument();
    expect(await within(panel).findByText("In sync with Google Calendar.", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(panel).toHaveTextContent("Google tells AgentCalls of changes as they happen.");
  });

  it("shows the last sync's error", async () => {
    const { panel } = renderPanel({
      "GET /api/calendar/sync": () =>
        jsonResponse({ ...synced, state: "SYNC_STATE_FAILED", lastError: "Google answered 503 Service Unavailable." }),
    });

    const alert = await within(panel).findByRole("alert");
    expect(alert).toHaveTextContent("The last sync went wrong: Google answered 503 Service Unavailable.");
    expect(panel).toHaveTextContent("The last sync with Google Calendar failed; it is tried again.");
  });

  it("asks the agent to reconnect Google when it refuses access, and reconnects back to the calendar", async () => {
    const { panel, requests } = renderPanel({
      "GET /api/calendar/sync": () =>
        jsonResponse({
          provider: "google",
          state: "SYNC_STATE_RECONNECT_REQUIRED",
          reconnectRequired: true,
          lastSyncedAt: "2026-03-01T09:00:00Z",
          lastError: "Google no longer accepts AgentCalls' access (invalid_grant).",
        }),
      "POST /api/identity/google:connect": () => jsonResponse({ authorizationUrl }),
    });

    const alert = await within(panel).findByRole("alert");
    expect(alert).toHaveTextContent("Google Calendar needs reconnecting. Google no longer accepts AgentCalls' access (invalid_grant).");
    expect(within(panel).getByRole("link", { name: "Google Calendar settings" })).toHaveAttribute("href", "/settings#google-calendar");
    expect(within(panel).queryByRole("button", { name: "Sync now" })).not.toBeInTheDocument();
    await userEvent.click(within(panel).getByRole("button", { name: "Reconnect Google Calendar" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
    expect(requestsTo(requests, "POST", "/api/identity/google:connect")[0]?.body).toEqual({ returnPath: "/calendar" });
  });

  it("shows why the status could not be read, and asks again", async () => {
    let reads = 0;
    const { panel } = renderPanel({
      "GET /api/calendar/sync": () =>
        ++reads === 1 ? problemResponse({ title: "The service is unavailable", status: 503 }) : jsonResponse({ provider: "local" }),
    });

    await userEvent.click(within(await within(panel).findByRole("alert")).getByRole("button", { name: "Try again" }));

    await waitFor(() => expect(panel).toHaveTextContent("Your calls are on AgentCalls' own calendar."));
  });
});
