import { render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "@/lib/session";
import { jsonResponse, signedOutResponse } from "@/testing/responses";
import LandingPage from "./page";

const replace = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
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
});
