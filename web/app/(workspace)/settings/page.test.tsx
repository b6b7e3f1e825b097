import { render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GoogleConnectionProvider } from "@/lib/google-connection";
import { SessionProvider } from "@/lib/session";
import { routeFetch } from "@/testing/gateway";
import { googleConnections } from "@/testing/google";
import { jsonResponse } from "@/testing/responses";
import SettingsPage from "./page";

vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const agent = { agentId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", displayName: "Ann Agent", email: "ann@example.com" };
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("Settings page", () => {
  it("shows the account, Google Calendar, the calendar feed, speech to text, the playbook, sessions and the danger zone, in that order", async () => {
    routeFetch(fetchMock, {
      "GET /api/identity/me": () => jsonResponse(agent),
      "GET /api/identity/google": () => jsonResponse(googleConnections.connected),
      "GET /api/transcription/settings": () =>
        jsonResponse({ settings: { engineInUse: "pocketsphinx", availableEngines: ["pocketsphinx"], defaultEngine: "pocketsphinx" } }),
      "GET /api/transcription/usage": () => jsonResponse({ monthlyLimitSeconds: 36000 }),
      "GET /api/conversation/playbook/cards": () => jsonResponse({ cards: [] }),
    });

    render(
      <SessionProvider>
        <GoogleConnectionProvider>
          <SettingsPage />
        </GoogleConnectionProvider>
      </SessionProvider>,
    );

    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    const account = await screen.findByRole("region", { name: "Account" });
    expect(
      within(account)
        .getAllByRole("term")
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    ).toEqual([
      ["Name", "Ann Agent"],
      ["E-mail", "ann@example.com"],
    ]);
    expect(await screen.findByText(/^Connected as/)).toHaveTextContent(/^Connected as ann\.agent@gmail\.com since/);
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "Account",
      "Google Calendar",
      "Calendar feed",
      "Speech to text",
      "Playbook",
      "Sessions",
      "Delete account",
    ]);
  });
});
