import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { navigateTo } from "@/lib/navigation";
import { SessionProvider } from "@/lib/session";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { authorizationUrl, googleConnections } from "@/testing/google";
import { jsonResponse, problemResponse, signedOutResponse } from "@/testing/responses";
import { AppShell } from "./AppShell";

let pathname = "/clients";
let searchParams = new URLSearchParams();
vi.mock("next/navigation", () => ({
  usePathname: () => pathname,
  useSearchParams: () => searchParams,
  useRouter: () => ({ replace: vi.fn() }),
}));
vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const agent = { agentId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", displayName: "Ann Agent", email: "ann@example.com" };
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  pathname = "/clients";
  searchParams = new URLSearchParams();
});

function shell(content = "Page content") {
  return (
    <SessionProvider>
      <AppShell>
        <p>{content}</p>
      </AppShell>
    </SessionProvider>
  );
}

function renderShell() {
  return render(shell());
}

function respondToMe(response: () => Response) {
  fetchMock.mockImplementation(async (input) => {
    if (String(input) === "/api/identity/me") return response();
    if (String(input) === "/api/identity/google") return jsonResponse(googleConnections.connected);
    if (String(input) === "/bff/logout") return new Response(null, { status: 204 });
    throw new Error(`Unexpected request to ${String(input)}`);
  });
}

describe("<AppShell>", () => {
  it("shows the signed-in agent's name, the navigation and the page", async () => {
    respondToMe(() => jsonResponse(agent));

    renderShell();

    expect(await screen.findByTestId("agent-name")).toHaveTextContent("Ann Agent");
    expect(screen.getByText("ann@example.com")).toBeInTheDocument();
    expect(screen.getByText("Page content")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Workspace" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Today", "/today"],
      ["Clients", "/clients"],
      ["Calendar", "/calendar"],
      ["Calls", "/calls"],
      ["Recordings", "/recordings"],
      ["Documents", "/documents"],
      ["Settings", "/settings"],
    ]);
    expect(within(nav).getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Today" })).not.toHaveAttribute("aria-current");
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin" });
  });

  it("asks to sign in, returning to the current page, when the gateway answers 401", async () => {
    respondToMe(signedOutResponse);

    renderShell();

    const signIn = await screen.findByRole("link", { name: "Sign in" });
    expect(signIn).toHaveAttribute("href", "/bff/login?returnUrl=/clients");
    expect(screen.queryByTestId("agent-name")).not.toBeInTheDocument();
    expect(screen.queryByText("Page content")).not.toBeInTheDocument();
  });

  it("signs out with POST /bff/logout carrying X-CSRF, then goes to the landing page", async () => {
    respondToMe(() => jsonResponse(agent));
    renderShell();

    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith("/"));
    const logout = fetchMock.mock.calls.find(([url]) => url === "/bff/logout");
    expect(logout).toBeDefined();
    const init = logout?.[1] ?? {};
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(new Headers(init.headers).get("X-CSRF")).toBe("1");
  });

  it("shows why sign-out failed and stays signed in", async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input) === "/bff/logout"
        ? problemResponse({ title: "Antiforgery check failed", status: 400 })
        : jsonResponse(agent),
    );
    renderShell();

    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Antiforgery check failed");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeEnabled();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("shows the problem and retries when the identity call fails", async () => {
    let calls = 0;
    respondToMe(() =>
      ++calls === 1
        ? problemResponse({ title: "Service unavailable", status: 503, detail: "Identity is restarting." })
        : jsonResponse(agent),
    );
    renderShell();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Service unavailable");
    expect(alert).toHaveTextContent("Identity is restarting.");

    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("agent-name")).toHaveTextContent("Ann Agent");
  });

  describe("Google Calendar connection", () => {
    it("asks Identity once when the agent is signed in, not again on the next page", async () => {
      const requests = routeFetch(fetchMock, {
        "GET /api/identity/me": () => jsonResponse(agent),
        "GET /api/identity/google": () => jsonResponse(googleConnections.connected),
      });
      const { rerender } = renderShell();
      await screen.findByTestId("agent-name");
      await waitFor(() => expect(requestsTo(requests, "GET", "/api/identity/google")).toHaveLength(1));

      pathname = "/calendar";
      rerender(shell("Calendar page"));

      expect(await screen.findByText("Calendar page")).toBeInTheDocument();
      expect(requestsTo(requests, "GET", "/api/identity/google")).toHaveLength(1);
      expect(requestsTo(requests, "GET", "/api/identity/me")).toHaveLength(1);
    });

    it("doesn't ask Identity about Google when nobody is signed in", async () => {
      const requests = routeFetch(fetchMock, { "GET /api/identity/me": signedOutResponse });
      renderShell();

      await screen.findByRole("link", { name: "Sign in" });
      expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["GET /api/identity/me"]);
    });

    it("shows the reconnect banner above the page and reconnects to the current page", async () => {
      pathname = "/calendar";
      const requests = routeFetch(fetchMock, {
        "GET /api/identity/me": () => jsonResponse(agent),
        "GET /api/identity/google": () => jsonResponse(googleConnections.reconnectRequired),
        "POST /api/identity/google:connect": () => jsonResponse({ authorizationUrl }),
      });
      renderShell();

      await screen.findByTestId("agent-name");
      const main = screen.getByRole("main");
      const banner = await within(main).findByRole("status");
      expect(banner).toHaveTextContent(`Google Calendar needs reconnecting: ${googleConnections.reconnectRequired.reason}`);
      expect(main).toHaveTextContent("Page content");
      await userEvent.click(within(main).getByRole("button", { name: "Reconnect" }));

      expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
      expect(requestsTo(requests, "POST", "/api/identity/google:connect")[0]?.body).toEqual({ returnPath: "/calendar" });
    });

    it("quietly shows the page when Identity can't say", async () => {
      const requests = routeFetch(fetchMock, {
        "GET /api/identity/me": () => jsonResponse(agent),
        "GET /api/identity/google": () => problemResponse({ title: "The service is unavailable", status: 503 }),
      });
      renderShell();

      await screen.findByTestId("agent-name");
      await waitFor(() => expect(requestsTo(requests, "GET", "/api/identity/google")).toHaveLength(1));
      await waitFor(() => expect(fetchMock).toHaveResolvedTimes(2));
      // Let the failure reach the shared state (the banner's own test watches that state directly).
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
      expect(screen.queryByRole("status")).not.toBeInTheDocument();
      expect(screen.getByText("Page content")).toBeInTheDocument();
    });

    it("says how connecting went when Google sends the agent back", async () => {
      pathname = "/calendar";
      searchParams = new URLSearchParams("google=error&reason=GOOGLE_ACCOUNT_MISMATCH");
      routeFetch(fetchMock, {
        "GET /api/identity/me": () => jsonResponse(agent),
        "GET /api/identity/google": () => jsonResponse(googleConnections.notConnected),
      });
      renderShell();

      await screen.findByTestId("agent-name");
      const main = screen.getByRole("main");
      expect(await within(main).findByRole("alert")).toHaveTextContent("connect the Google account you sign in to AgentCalls with");
    });
  });
});
