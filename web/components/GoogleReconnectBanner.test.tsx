import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { GoogleConnectionJson } from "@/lib/google-api";
import { GoogleConnectionProvider, useGoogleConnection } from "@/lib/google-connection";
import { navigateTo } from "@/lib/navigation";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { authorizationUrl, googleConnections } from "@/testing/google";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { GoogleReconnectBanner } from "./GoogleReconnectBanner";

vi.mock("next/navigation", () => ({ usePathname: () => "/clients" }));
vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

/** Shows when the shared connection has settled, so "says nothing" is checked after Identity answered. */
function ConnectionState() {
  return <p data-testid="connection-state">{useGoogleConnection().state.status}</p>;
}

function renderBanner(google: Route, routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, { "GET /api/identity/google": google, ...routes });
  render(
    <GoogleConnectionProvider>
      <GoogleReconnectBanner />
      <ConnectionState />
    </GoogleConnectionProvider>,
  );
  return requests;
}

const connection = (json: GoogleConnectionJson) => () => jsonResponse(json);

describe("<GoogleReconnectBanner>", () => {
  it("says Google Calendar needs reconnecting, and why", async () => {
    renderBanner(connection(googleConnections.reconnectRequired));

    const banner = await screen.findByRole("status");
    expect(banner).toHaveTextContent(`Google Calendar needs reconnecting: ${googleConnections.reconnectRequired.reason}`);
    expect(screen.getByRole("button", { name: "Reconnect" })).toBeInTheDocument();
  });

  it("reconnects, coming back to the page the agent is on", async () => {
    const requests = renderBanner(connection(googleConnections.reconnectRequired), {
      "POST /api/identity/google:connect": () => jsonResponse({ authorizationUrl }),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Reconnect" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
    const connects = requestsTo(requests, "POST", "/api/identity/google:connect");
    expect(connects).toHaveLength(1);
    expect(connects[0]?.headers.get("X-CSRF")).toBe("1");
    expect(connects[0]?.body).toEqual({ returnPath: "/clients" });
    expect(screen.getByRole("button", { name: "Opening Google…" })).toBeDisabled();
  });

  it("shows why reconnecting could not start", async () => {
    renderBanner(connection(googleConnections.reconnectRequired), {
      "POST /api/identity/google:connect": () => problemResponse({ title: "Too many requests", status: 429 }, { "Retry-After": "30" }),
    });

    await userEvent.click(await screen.findByRole("button", { name: "Reconnect" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Too many requests");
    expect(alert).toHaveTextContent("Please wait 30 seconds before trying again.");
    expect(screen.getByRole("button", { name: "Reconnect" })).toBeEnabled();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("falls back to a plain reason when Identity gives none", async () => {
    renderBanner(connection({ ...googleConnections.reconnectRequired, reason: undefined }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Google Calendar needs reconnecting: Google no longer accepts AgentCalls' access to your calendar.",
    );
  });

  it.each([
    ["connected", googleConnections.connected],
    ["not connected", googleConnections.notConnected],
    ["Google not configured", googleConnections.notConfigured],
    ["Google not configured any more", { ...googleConnections.reconnectRequired, googleAvailable: false }],
  ])("says nothing when %s", async (_, json) => {
    renderBanner(connection(json));

    await waitFor(() => expect(screen.getByTestId("connection-state")).toHaveTextContent("loaded"));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("says nothing when Identity can't be asked", async () => {
    renderBanner(() => problemResponse({ title: "The service is unavailable", status: 503 }));

    await waitFor(() => expect(screen.getByTestId("connection-state")).toHaveTextContent("error"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
