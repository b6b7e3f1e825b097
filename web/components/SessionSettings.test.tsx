import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { navigateTo } from "@/lib/navigation";
import { SessionProvider } from "@/lib/session";
import { noContent, requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { SessionSettings } from "./SessionSettings";

vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const agent = { agentId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", displayName: "Ann Agent", email: "ann@example.com" };
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderSessions(routes: Record<string, Route>) {
  const requests = routeFetch(fetchMock, { "GET /api/identity/me": () => jsonResponse(agent), ...routes });
  render(
    <SessionProvider>
      <SessionSettings />
    </SessionProvider>,
  );
  return { requests, section: screen.getByRole("region", { name: "Sessions" }) };
}

describe("<SessionSettings>", () => {
  it("signs out of this browser with the session's sign-out", async () => {
    const { section, requests } = renderSessions({ "POST /bff/logout": noContent });

    await userEvent.click(within(section).getByRole("button", { name: "Sign out" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/");
    const logouts = requestsTo(requests, "POST", "/bff/logout");
    expect(logouts).toHaveLength(1);
    expect(logouts[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("signs out everywhere with POST /bff/logout-everywhere, then goes to the landing page", async () => {
    const { section, requests } = renderSessions({ "POST /bff/logout-everywhere": noContent });

    expect(section).toHaveTextContent("Ends your sessions in every browser and app, this one included.");
    await userEvent.click(within(section).getByRole("button", { name: "Sign out everywhere" }));

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/");
    const everywhere = requestsTo(requests, "POST", "/bff/logout-everywhere");
    expect(everywhere).toHaveLength(1);
    expect(everywhere[0]?.headers.get("X-CSRF")).toBe("1");
    expect(everywhere[0]?.init.credentials).toBe("same-origin");
    expect(everywhere[0]?.body).toBeUndefined();
    expect(requestsTo(requests, "POST", "/bff/logout")).toHaveLength(0);
    expect(within(section).getByRole("button", { name: "Signing out everywhere…" })).toBeDisabled();
    expect(within(section).getByRole("button", { name: "Sign out" })).toBeDisabled();
  });

  it("shows why signing out everywhere failed and stays signed in", async () => {
    const { section } = renderSessions({
      "POST /bff/logout-everywhere": () => problemResponse({ title: "Antiforgery check failed", status: 400 }),
    });

    await userEvent.click(within(section).getByRole("button", { name: "Sign out everywhere" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent("Antiforgery check failed");
    expect(within(section).getByRole("button", { name: "Sign out everywhere" })).toBeEnabled();
    expect(within(section).getByRole("button", { name: "Sign out" })).toBeEnabled();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("shows why signing out of this browser failed", async () => {
    const { section } = renderSessions({
      "POST /bff/logout": () => problemResponse({ title: "The service is unavailable", status: 503 }),
    });

    await userEvent.click(within(section).getByRole("button", { name: "Sign out" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent("The service is unavailable");
    expect(navigateTo).not.toHaveBeenCalled();
  });
});
