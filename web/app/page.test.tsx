import { render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "@/lib/session";
import { jsonResponse, signedOutResponse } from "@/testing/responses";
import LandingPage from "./page";

const replace = vi.fn();
let searchParams = new URLSearchParams();
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }), useSearchParams: () => searchParams }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  searchParams = new URLSearchParams();
});

function renderLanding() {
  return render(
    <SessionProvider>
      <LandingPage />
    </SessionProvider>,
  );
}

describe("landing page", () => {
  it("offers sign-in that returns to /today when nobody is signed in", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());

    renderLanding();

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("AgentCalls");
    expect(await screen.findByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/bff/login?returnUrl=/today");
  });

  it("sends a signed-in agent to /today", async () => {
    fetchMock.mockResolvedValue(jsonResponse({ agentId: "a", displayName: "Ann Agent", email: "ann@example.com" }));

    renderLanding();

    expect(await screen.findByText("Opening your workspace…")).toBeInTheDocument();
    await waitFor(() => expect(replace).toHaveBeenCalledWith("/today"));
    expect(screen.queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("says why the last sign-in did not finish", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());
    searchParams = new URLSearchParams("signInError=access_denied");

    renderLanding();

    expect(await screen.findByRole("alert")).toHaveTextContent("Sign-in was cancelled, or no sign-in method is available here.");
  });

  it("names an unexpected sign-in error code", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());
    searchParams = new URLSearchParams("signInError=server_error");

    renderLanding();

    expect(await screen.findByRole("alert")).toHaveTextContent("Sign-in did not complete (server_error).");
  });

  it("confirms that the account was deleted", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());
    searchParams = new URLSearchParams("accountDeleted=1");

    renderLanding();

    expect(await screen.findByRole("status")).toHaveTextContent(/^Your account has been deleted\.$/);
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/bff/login?returnUrl=/today");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows no error after a normal visit", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());

    renderLanding();

    await screen.findByRole("link", { name: "Sign in" });
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByText("Your account has been deleted.")).not.toBeInTheDocument();
  });
});
