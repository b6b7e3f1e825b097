import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { noContent, requestsTo, routeFetch } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { CallLogView } from "./CallLogView";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  push.mockReset();
});

const path = "/api/conversation/call-logs/log-1";
const log = {
  callLogId: "log-1",
  clientName: "Cleo Client",
  startedAt: "2026-03-02T09:00:00Z",
  durationSeconds: 300,
  summary: "Client: yes renew it",
  outcome: "renewed",
  followUps: ["Done: Outcome set to renewed"],
  transcript: [
    { speaker: "agent", start: "1s", end: "2.500s", text: "shall we renew" },
    { speaker: "client", start: "3s", end: "4s", text: "yes renew it" },
  ],
  audit: [
    { at: "2026-03-02T09:01:00Z", step: "proposed", kind: "set_outcome", arguments: '{"outcome":"renewed"}' },
    { at: "2026-03-02T09:02:00Z", step: "succeeded", kind: "set_outcome", arguments: '{"outcome":"renewed"}', result: "Outcome set to renewed" },
  ],
};

describe("A call log", () => {
  it("shows the transcript with speakers and times, the follow-ups and the actions' audit trail", async () => {
    routeFetch(fetchMock, { [`GET ${path}`]: () => jsonResponse(log) });
    render(<CallLogView callLogId="log-1" />);

    const lines = within(await screen.findByRole("region", { name: "Transcript" })).getAllByRole("listitem");
    expect(lines.map((line) => line.textContent)).toEqual(["You0:01–0:03shall we renew", "Client0:03–0:04yes renew it"]);
    expect(screen.getByRole("heading", { name: "Call with Cleo Client" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Follow-ups and notes" })).toHaveTextContent("Done: Outcome set to renewed");
    const audit = within(screen.getByRole("region", { name: "Actions" })).getAllByRole("listitem");
    expect(audit[1]).toHaveTextContent("succeeded set outcome");
    expect(audit[1]).toHaveTextContent("Outcome set to renewed");
  });

  it("saves an edited summary and outcome, and shows a refused outcome by its field", async () => {
    let attempt = 0;
    const requests = routeFetch(fetchMock, {
      [`GET ${path}`]: () => jsonResponse(log),
      [`PATCH ${path}`]: (request) =>
        ++attempt === 1
          ? problemResponse({ status: 400, title: "The request is not valid: outcome.", errors: { outcome: ["is not an outcome."] } })
          : jsonResponse({ ...log, ...(request.body as object) }),
    });
    render(<CallLogView callLogId="log-1" />);
    const summary = await screen.findByLabelText("Summary");

    await userEvent.clear(summary);
    await userEvent.type(summary, "Wants a callback on Friday.");
    await userEvent.selectOptions(screen.getByLabelText("Outcome"), "callback requested");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("is not an outcome.");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await screen.findByDisplayValue("Wants a callback on Friday.");
    expect(requestsTo(requests, "PATCH", path).map((r) => r.body)).toEqual([
      { summary: "Wants a callback on Friday.", outcome: "callback requested" },
      { summary: "Wants a callback on Friday.", outcome: "callback requested" },
    ]);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("deletes the log after asking, then goes back to the list", async () => {
    const requests = routeFetch(fetchMock, { [`GET ${path}`]: () => jsonResponse(log), [`DELETE ${path}`]: noContent });
    render(<CallLogView callLogId="log-1" />);

    await userEvent.click(await screen.findByRole("button", { name: "Delete call log" }));
    expect(requestsTo(requests, "DELETE", path)).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));

    expect(requestsTo(requests, "DELETE", path)).toHaveLength(1);
    expect(push).toHaveBeenCalledWith("/calls");
  });

  it("says so when the log is not the agent's", async () => {
    routeFetch(fetchMock, { [`GET ${path}`]: () => problemResponse({ status: 404, title: "No such call log." }) });
    render(<CallLogView callLogId="log-1" />);

    expect(await screen.findByRole("alert")).toHaveTextContent("No such call log.");
  });
});
