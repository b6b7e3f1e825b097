import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { navigateTo } from "@/lib/navigation";
import { noContent, requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { problemResponse } from "@/testing/responses";
import { DeleteAccountSettings } from "./DeleteAccountSettings";

vi.mock("@/lib/navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderDangerZone(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, routes);
  render(<DeleteAccountSettings />);
  const section = screen.getByRole("region", { name: "Delete account" });
  return {
    requests,
    section,
    confirmation: within(section).getByLabelText("Type DELETE to confirm"),
    deleteButton: within(section).getByRole("button", { name: "Delete my account" }),
  };
}

describe("<DeleteAccountSettings>", () => {
  it("says what deleting erases", () => {
    const { section } = renderDangerZone();

    expect(section).toHaveTextContent(
      "Deleting your account erases your clients, your calendar, your call logs and your usage from every AgentCalls service, and revokes AgentCalls' access to your Google account.",
    );
    expect(section).toHaveTextContent("This can't be undone.");
  });

  it("won't delete until DELETE is typed", async () => {
    const { confirmation, deleteButton, requests } = renderDangerZone();

    expect(deleteButton).toBeDisabled();
    await userEvent.type(confirmation, "delete");
    expect(deleteButton).toBeDisabled();
    await userEvent.type(confirmation, "{Enter}");
    await userEvent.clear(confirmation);
    await userEvent.type(confirmation, "DELET");
    expect(deleteButton).toBeDisabled();

    expect(requests).toEqual([]);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("deletes with POST /bff/delete-account once confirmed, then goes to the landing page", async () => {
    const { confirmation, deleteButton, requests } = renderDangerZone({ "POST /bff/delete-account": noContent });

    await userEvent.type(confirmation, "DELETE");
    expect(deleteButton).toBeEnabled();
    await userEvent.click(deleteButton);

    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/?accountDeleted=1");
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["POST /bff/delete-account"]);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.init.credentials).toBe("same-origin");
    expect(screen.getByRole("button", { name: "Deleting your account…" })).toBeDisabled();
  });

  it("deletes on Enter once confirmed", async () => {
    const { confirmation, requests } = renderDangerZone({ "POST /bff/delete-account": noContent });

    await userEvent.type(confirmation, "DELETE{Enter}");

    expect(requestsTo(requests, "POST", "/bff/delete-account")).toHaveLength(1);
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/?accountDeleted=1");
  });

  it("shows why deleting failed and keeps the account", async () => {
    const { confirmation, section } = renderDangerZone({
      "POST /bff/delete-account": () =>
        problemResponse({ title: "The service is unavailable", status: 503, detail: "Try again in a minute." }),
    });

    await userEvent.type(confirmation, "DELETE");
    await userEvent.click(within(section).getByRole("button", { name: "Delete my account" }));

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("The service is unavailable");
    expect(alert).toHaveTextContent("Try again in a minute.");
    expect(within(section).getByRole("button", { name: "Delete my account" })).toBeEnabled();
    expect(navigateTo).not.toHaveBeenCalled();
  });
});
