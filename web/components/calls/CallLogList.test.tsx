import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { CallLogList } from "./CallLogList";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const renewal = {
  callLogId: "log-1",
  clientName: "Cleo Client",
  startedAt: "2026-03-02T09:00:00Z",
  durationSeconds: 245,
  outcome: "renewed",
  summary: "Renewed the home policy.",
};
const voicemail = { callLogId: "log-2", clientName: "Vic Voicemail", startedAt: "2026-03-01T09:00:00Z", durationSeconds: 30, outcome: "voicemail" };

describe("Calls page", () => {
  it("lists the call logs newest first with client, time, duration, outcome and summary, and pages on", async () => {
    routeFetch(fetchMock, {
      "GET /api/conversation/call-logs": () => jsonResponse({ callLogs: [renewal], nextPageToken: "t2" }),
      "GET /api/conversation/call-logs?pageToken=t2": () => jsonResponse({ callLogs: [voicemail] }),
    });
    render(<CallLogList />);

    const list = await screen.findByRole("list", { name: "Call logs" });
    expect(within(list).getByRole("link", { name: "Cleo Client" })).toHaveAttribute("href", "/calls/log-1");
    expect(list).toHaveTextContent("4:05 · renewed");
    expect(list).toHaveTextContent("Renewed the home policy.");

    await userEvent.click(screen.getByRole("button", { name: "More calls" }));

    expect(await within(list).findByRole("link", { name: "Vic Voicemail" })).toHaveAttribute("href", "/calls/log-2");
    expect(screen.queryByRole("button", { name: "More calls" })).not.toBeInTheDocument();
  });

  it("searches transcripts and summaries, and says when nothing matches", async () => {
    const requests = routeFetch(fetchMock, {
      "GET /api/conversation/call-logs": () => jsonResponse({ callLogs: [renewal, voicemail] }),
      "GET /api/conversation/call-logs?query=flood+cover": () => jsonResponse({}),
    });
    render(<CallLogList />);
    await screen.findByRole("link", { name: "Vic Voicemail" });

    await userEvent.type(screen.getByRole("searchbox"), "flood cover");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText("No call mentions “flood cover”.")).toBeInTheDocument();
    expect(requests.map((r) => r.path)).toEqual(["/api/conversation/call-logs", "/api/conversation/call-logs?query=flood+cover"]);
  });

  it("shows a refused search readably", async () => {
    routeFetch(fetchMock, {
      "GET /api/conversation/call-logs": () => jsonResponse({}),
      "GET /api/conversation/call-logs?query=x": () =>
        problemResponse({ status: 400, title: "The request is not valid: query.", errors: { query: ["is longer than 200 characters."] } }),
    });
    render(<CallLogList />);
    await screen.findByText("No calls logged yet.");

    await userEvent.type(screen.getByRole("searchbox"), "x");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("is longer than 200 characters.");
  });
});
