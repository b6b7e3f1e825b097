import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { GoogleConnectionJson } from "@/lib/google-api";
import { GoogleConnectionProvider } from "@/lib/google-connection";
import { navigateTo } from "@/lib/navigation";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { authorizationUrl, googleConnections } from "@/testing/google";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { GoogleCalendarSettings } from "./GoogleCalendarSettings";

vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderSettings(connection: GoogleConnectionJson, routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, { "GET /api/identity/google": () => jsonResponse(connection), ...routes });
  render(
    <GoogleConnectionProvider>
      <GoogleCalendarSettings />
    </GoogleConnectionProvider>,
  );
  return { requests, section: screen.getByRole("region", { name: "Google Calendar" }) };
}

const connectRoute = { "POST /api/identity/google:connect": () => jsonResponse({ authorizationUrl }) };

describe("<GoogleCalendarSettings>", () => {
  it("says it is checking while Identity answers", async () => {
    const { section } = renderSettings(googleConnections.notConnected);

    expect(within(section).getByText("Checking your Google Calendar connection…")).toHaveAttribute("role", "status");
    await within(section).findByText("Not connected");
  });

  it("says calls go on AgentCalls' own calendar when Google isn't configured", async () => {
    const { section } = renderSettings(googleConnections.notConfigured);

    expect(
      await within(section).findByText(
        "Google isn't configured for this AgentCalls, so your calls are scheduled on AgentCalls' own calendar.",
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByRole("button")).not.toBeInTheDocument();
  });

  it("explains what connecting does and connects, coming back to /settings", async () => {
    const { section, requests } = renderSettings(googleConnections.notConnected, connectRoute);

    expect(await within(section).findByText("Not connected")).toBeInTheDocument();
    expect(section).toHaveTextContent(
      "AgentCalls will schedule your calls on your Google Calendar and keep it in sync.",
    );
    await userEvent.click(within(section).getByRole("button", { name: "Connect Google Calendar" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
    const connects = requestsTo(requests, "POST", "/api/identity/google:connect");
    expect(connects).toHaveLength(1);
    expect(connects[0]?.headers.get("X-CSRF")).toBe("1");
    expect(connects[0]?.body).toEqual({ returnPath: "/settings" });
    expect(within(section).getByRole("button", { name: "Opening Google…" })).toBeDisabled();
  });

  it("shows why connecting could not start, and lets the agent try again", async () => {
    const { section } = renderSettings(googleConnections.notConnected, {
      "POST /api/identity/google:connect": () =>
        problemResponse({ title: "The request is not valid.", status: 400, errors: { returnPath: ["must be a path of this site, like /settings."] } }),
    });

    await userEvent.click(await within(section).findByRole("button", { name: "Connect Google Calendar" }));

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("The request is not valid.");
    expect(alert).toHaveTextContent("returnPath: must be a path of this site, like /settings.");
    expect(within(section).getByRole("button", { name: "Connect Google Calendar" })).toBeEnabled();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("shows the connected Google account and since when", async () => {
    const { section } = renderSettings(googleConnections.connected);

    expect(await within(section).findByText("Connected")).toBeInTheDocument();
    const connectedAs = within(section).getByText(/^Connected as/);
    expect(connectedAs).toHaveTextContent(/^Connected as ann\.agent@gmail\.com since .*2026\.$/);
    expect(within(connectedAs).getByText(/2026/).tagName).toBe("TIME");
    expect(within(connectedAs).getByText(/2026/)).toHaveAttribute("dateTime", "2026-11-25T07:00:00Z");
    expect(within(section).getByRole("button", { name: "Disconnect" })).toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: /Connect Google Calendar/ })).not.toBeInTheDocument();
  });

  it("asks before disconnecting, and cancelling changes nothing", async () => {
    const { section, requests } = renderSettings(googleConnections.connected);

    await userEvent.click(await within(section).findByRole("button", { name: "Disconnect" }));

    const confirm = within(section).getByRole("group", { name: "Disconnect Google Calendar?" });
    expect(confirm).toHaveTextContent("This revokes AgentCalls' access at Google");
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));

    expect(within(section).queryByRole("group")).not.toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Disconnect" })).toHaveFocus();
    expect(requestsTo(requests, "POST", "/api/identity/google:disconnect")).toHaveLength(0);
  });

  it("disconnects once confirmed and shows the connection as Identity now reports it", async () => {
    const { section, requests } = renderSettings(googleConnections.connected, {
      "POST /api/identity/google:disconnect": () => jsonResponse(googleConnections.notConnected),
    });

    await userEvent.click(await within(section).findByRole("button", { name: "Disconnect" }));
    await userEvent.click(within(section).getByRole("button", { name: "Disconnect Google Calendar" }));

    expect(await within(section).findByText("Not connected")).toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Connect Google Calendar" })).toBeInTheDocument();
    expect(within(section).getByText("Google Calendar is disconnected.")).toHaveAttribute("role", "status");
    const disconnects = requestsTo(requests, "POST", "/api/identity/google:disconnect");
    expect(disconnects).toHaveLength(1);
    expect(disconnects[0]?.headers.get("X-CSRF")).toBe("1");
    expect(disconnects[0]?.body).toEqual({});
    expect(requestsTo(requests, "GET", "/api/identity/google")).toHaveLength(1);
  });

  it("closes the confirmation once Identity has answered, whatever it reports", async () => {
    const { section } = renderSettings(googleConnections.connected, {
      "POST /api/identity/google:disconnect": () => jsonResponse(googleConnections.connected),
    });

    await userEvent.click(await within(section).findByRole("button", { name: "Disconnect" }));
    await userEvent.click(within(section).getByRole("button", { name: "Disconnect Google Calendar" }));

    expect(await within(section).findByRole("button", { name: "Disconnect" })).toBeEnabled();
    expect(within(section).queryByRole("group")).not.toBeInTheDocument();
    expect(within(section).getByText("Connected")).toBeInTheDocument();
    expect(within(section).queryByText("Google Calendar is disconnected.")).not.toBeInTheDocument();
  });

  it("shows why disconnecting failed and stays connected", async () => {
    const { section } = renderSettings(googleConnections.connected, {
      "POST /api/identity/google:disconnect": () =>
        problemResponse({ title: "The service is unavailable", status: 503, detail: "Identity is restarting." }),
    });

    await userEvent.click(await within(section).findByRole("button", { name: "Disconnect" }));
    await userEvent.click(within(section).getByRole("button", { name: "Disconnect Google Calendar" }));

    const confirm = within(section).getByRole("group", { name: "Disconnect Google Calendar?" });
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("Identity is restarting.");
    expect(within(confirm).getByRole("button", { name: "Disconnect Google Calendar" })).toBeEnabled();
    expect(within(section).getByText("Connected")).toBeInTheDocument();
  });

  it("warns when Google must be reconnected, says why, and reconnects", async () => {
    const { section, requests } = renderSettings(googleConnections.reconnectRequired, connectRoute);

    expect(await within(section).findByText("Google Calendar needs reconnecting")).toBeInTheDocument();
    expect(section).toHaveTextContent(googleConnections.reconnectRequired.reason);
    expect(section).toHaveTextContent("Google account: ann.agent@gmail.com");
    expect(within(section).queryByText(/^Connected as/)).not.toBeInTheDocument();
    await userEvent.click(within(section).getByRole("button", { name: "Reconnect Google Calendar" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
    expect(requestsTo(requests, "POST", "/api/identity/google:connect")[0]?.body).toEqual({ returnPath: "/settings" });
  });

  it("shows why Identity could not be asked, and asks again", async () => {
    let calls = 0;
    const { section } = renderSettings(googleConnections.notConnected, {
      "GET /api/identity/google": () =>
        ++calls === 1
          ? problemResponse({ title: "The service is unavailable", status: 503, traceId: "00-trace-01" })
          : jsonResponse(googleConnections.connected),
    });

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("The service is unavailable");
    expect(alert).toHaveTextContent("Reference: 00-trace-01");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await within(section).findByText("Connected")).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
