import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { navigateTo } from "@/lib/navigation";
import { SessionProvider } from "@/lib/session";
import { jsonResponse, problemResponse, signedOutResponse } from "@/testing/responses";
import { AppShell } from "./AppShell";

vi.mock("next/navigation", () => ({ usePathname: () => "/clients" }));
vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const agent = { agentId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", displayName: "Ann Agent", email: "ann@example.com" };
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderShell() {
  return render(
    <SessionProvider>
      <AppShell>
        <p>Page content</p>
      </AppShell>
    </SessionProvider>,
  );
}

function respondToMe(response: () => Response) {
  fetchMock.mockImplementation(async (input) => {
    if (String(input) === "/api/identity/me") return response();
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
});
