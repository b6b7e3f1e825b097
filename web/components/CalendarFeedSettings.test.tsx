import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { CalendarFeedSettings } from "./CalendarFeedSettings";

const fetchMock = vi.fn<typeof fetch>();
const feed = { url: "https://agentcalls.example/api/calendar/feeds/abc123.ics", createdAt: "2026-03-01T10:00:00Z" };
const newFeed = { url: "https://agentcalls.example/api/calendar/feeds/def456.ics", createdAt: "2026-03-02T10:00:00Z" };

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderFeed(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, {
    "GET /api/calendar/feed": () => jsonResponse(feed),
    "POST /api/calendar/feed:regenerate": () => jsonResponse(newFeed),
    ...routes,
  });
  render(<CalendarFeedSettings />);
  return { requests, section: screen.getByRole("region", { name: "Calendar feed" }) };
}

describe("<CalendarFeedSettings>", () => {
  it("asks for nothing until the agent wants the address, and points to the scheduling settings", () => {
    const { section, requests } = renderFeed();

    expect(within(section).getByRole("link", { name: "scheduling settings on the Calendar page" })).toHaveAttribute("href", "/calendar#scheduling");
    expect(within(section).getByRole("button", { name: "Show my feed address" })).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("shows the address (made on first ask) and copies it", async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    const { section } = renderFeed();

    await user.click(within(section).getByRole("button", { name: "Show my feed address" }));

    const address = await within(section).findByLabelText("Your feed address");
    expect(address).toHaveValue(feed.url);
    expect(address).toHaveAttribute("readonly");
    expect(address).toHaveAccessibleDescription(
      /^Anyone with this address can read your calendar: keep it private\. It is shown only now: AgentCalls keeps no copy of it\. Made .*2026/,
    );
    await user.click(within(section).getByRole("button", { name: "Copy" }));

    expect(writeText).toHaveBeenCalledExactlyOnceWith(feed.url);
    expect(within(section).getByText("Copied.")).toHaveAttribute("role", "status");
  });

  it("says so when the address could not be copied", async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    const { section } = renderFeed();

    await user.click(within(section).getByRole("button", { name: "Show my feed address" }));
    await user.click(await within(section).findByRole("button", { name: "Copy" }));

    expect(await within(section).findByText("Could not copy: select the address and copy it yourself.")).toBeInTheDocument();
  });

  it("replaces the address once confirmed; the old one stops working", async () => {
    const { section, requests } = renderFeed();

    await userEvent.click(within(section).getByRole("button", { name: "Show my feed address" }));
    await userEvent.click(await within(section).findByRole("button", { name: "Replace address" }));
    const confirm = within(section).getByRole("group", { name: "Replace the feed address?" });
    expect(within(confirm).getByRole("button", { name: "Keep it" })).toHaveFocus();
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(requestsTo(requests, "POST", "/api/calendar/feed:regenerate")).toHaveLength(0);

    await userEvent.click(within(section).getByRole("button", { name: "Replace address" }));
    await userEvent.click(within(section).getByRole("button", { name: "Replace the address" }));

    expect(await within(section).findByDisplayValue(newFeed.url)).toBeInTheDocument();
    expect(within(section).getByText("A new address is ready; the old one no longer works.")).toHaveAttribute("role", "status");
    const posts = requestsTo(requests, "POST", "/api/calendar/feed:regenerate");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("says a feed made earlier cannot be shown again, and offers to replace it", async () => {
    const { section, requests } = renderFeed({ "GET /api/calendar/feed": () => jsonResponse({ url: "", createdAt: feed.createdAt }) });

    await userEvent.click(within(section).getByRole("button", { name: "Show my feed address" }));

    expect(await within(section).findByText(/cannot be shown again/)).toHaveTextContent(/Your feed address was made .*2026.* and shown then/);
    expect(within(section).queryByLabelText("Your feed address")).not.toBeInTheDocument();
    await userEvent.click(within(section).getByRole("button", { name: "Replace address" }));
    await userEvent.click(within(section).getByRole("button", { name: "Replace the address" }));
    expect(await within(section).findByDisplayValue(newFeed.url)).toBeInTheDocument();
    expect(requestsTo(requests, "POST", "/api/calendar/feed:regenerate")).toHaveLength(1);
  });

  it("shows why the address could not be had", async () => {
    const { section } = renderFeed({ "GET /api/calendar/feed": () => problemResponse({ title: "The service is unavailable", status: 503 }) });

    await userEvent.click(within(section).getByRole("button", { name: "Show my feed address" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent("The service is unavailable");
    expect(within(section).getByRole("button", { name: "Show my feed address" })).toBeEnabled();
  });
});
