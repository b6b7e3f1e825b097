import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GoogleConnectNotice } from "./GoogleConnectNotice";

const replace = vi.fn();
let searchParams = new URLSearchParams();
vi.mock("next/navigation", () => ({
  usePathname: () => "/settings",
  useRouter: () => ({ replace }),
  useSearchParams: () => searchParams,
}));

beforeEach(() => {
  searchParams = new URLSearchParams();
});

function renderNotice(query: string) {
  searchParams = new URLSearchParams(query);
  return render(<GoogleConnectNotice />);
}

describe("<GoogleConnectNotice>", () => {
  it("says Google Calendar is connected after Google's consent", () => {
    renderNotice("google=connected");

    expect(screen.getByRole("status")).toHaveTextContent(
      "Google Calendar is connected. AgentCalls will schedule your calls on it and keep it in sync.",
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it.each([
    ["access_denied", "Google Calendar was not connected: access wasn't allowed on Google's consent screen."],
    [
      "GOOGLE_ACCOUNT_MISMATCH",
      "Google Calendar was not connected: connect the Google account you sign in to AgentCalls with. The account you chose is a different one, or it belongs to another agent.",
    ],
    [
      "GOOGLE_NO_OFFLINE_ACCESS",
      "Google Calendar was not connected: Google didn't give AgentCalls lasting access, which it needs to keep your calendar in sync.",
    ],
    ["server_error", "Google Calendar was not connected (server_error). Please try again."],
  ])("explains reason %s", (reason, message) => {
    renderNotice(`google=error&reason=${reason}`);

    expect(screen.getByRole("alert")).toHaveTextContent(message);
  });

  it("says it did not connect when no reason came back", () => {
    renderNotice("google=error");

    expect(screen.getByRole("alert")).toHaveTextContent(/^Google Calendar was not connected\. Please try again\.$/);
  });

  it.each(["", "google=maybe", "reason=access_denied"])("says nothing for ?%s", (query) => {
    const { container } = renderNotice(query);

    expect(container).toBeEmptyDOMElement();
  });

  it("dismisses by taking its parameters off the address, keeping the others", async () => {
    renderNotice("tab=calendar&google=error&reason=access_denied");

    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));

    expect(replace).toHaveBeenCalledExactlyOnceWith("/settings?tab=calendar", { scroll: false });
  });

  it("dismisses to the bare path when nothing else was in the address", async () => {
    renderNotice("google=connected");

    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));

    expect(replace).toHaveBeenCalledExactlyOnceWith("/settings", { scroll: false });
  });
});
