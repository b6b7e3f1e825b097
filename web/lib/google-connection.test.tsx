import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { googleConnections } from "@/testing/google";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { toGoogleConnection } from "./google-api";
import { GoogleConnectionProvider, useGoogleConnection } from "./google-connection";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

let latest: ReturnType<typeof useGoogleConnection> | undefined;

function ConnectionProbe() {
  latest = useGoogleConnection();
  const { state, refresh } = latest;
  return (
    <>
      <p>
        {state.status === "loaded"
          ? `loaded ${state.connection.status}`
          : state.status === "error"
            ? `error ${state.error.status}`
            : "loading"}
      </p>
      <button type="button" onClick={refresh}>
        Refresh
      </button>
    </>
  );
}

function renderProbe() {
  return render(
    <GoogleConnectionProvider>
      <ConnectionProbe />
    </GoogleConnectionProvider>,
  );
}

describe("GoogleConnectionProvider", () => {
  it("asks Identity once and shares the answer", async () => {
    const requests = routeFetch(fetchMock, { "GET /api/identity/google": () => jsonResponse(googleConnections.connected) });

    const { rerender } = renderProbe();

    expect(screen.getByText("loading")).toBeInTheDocument();
    expect(await screen.findByText("loaded connected")).toBeInTheDocument();
    rerender(
      <GoogleConnectionProvider>
        <ConnectionProbe />
      </GoogleConnectionProvider>,
    );
    expect(requestsTo(requests, "GET", "/api/identity/google")).toHaveLength(1);
  });

  it("keeps a failure, and asks again on refresh", async () => {
    let calls = 0;
    routeFetch(fetchMock, {
      "GET /api/identity/google": () =>
        ++calls === 1 ? problemResponse({ title: "Unavailable", status: 503 }) : jsonResponse(googleConnections.notConnected),
    });
    renderProbe();

    expect(await screen.findByText("error 503")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Refresh" }));

    expect(await screen.findByText("loaded not-connected")).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("takes the connection a change answered without asking again", async () => {
    const requests = routeFetch(fetchMock, { "GET /api/identity/google": () => jsonResponse(googleConnections.connected) });
    renderProbe();
    await screen.findByText("loaded connected");

    act(() => latest?.update(toGoogleConnection(googleConnections.notConnected)));

    expect(screen.getByText("loaded not-connected")).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it("refuses to be used outside its provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});

    expect(() => render(<ConnectionProbe />)).toThrow("useGoogleConnection must be used inside <GoogleConnectionProvider>.");
  });
});
