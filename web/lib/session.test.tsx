import { render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, problemResponse, signedOutResponse } from "@/testing/responses";
import { SessionProvider, useSession } from "./session";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function SessionProbe() {
  const { state } = useSession();
  switch (state.status) {
    case "signed-in":
      return <p>signed-in as {state.agent.displayName}</p>;
    case "error":
      return <p>error {state.error.status}</p>;
    default:
      return <p>{state.status}</p>;
  }
}

function renderProbe() {
  return render(
    <SessionProvider>
      <SessionProbe />
    </SessionProvider>,
  );
}

describe("SessionProvider", () => {
  it("asks the gateway who is signed in, bypassing the HTTP cache", async () => {
    fetchMock.mockResolvedValue(jsonResponse({ agentId: "a", displayName: "Ann Agent", email: "ann@example.com" }));

    renderProbe();

    expect(screen.getByText("loading")).toBeInTheDocument();
    expect(await screen.findByText("signed-in as Ann Agent")).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/identity/me");
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin", cache: "no-store" });
  });

  it("is signed out when the gateway answers 401", async () => {
    fetchMock.mockResolvedValue(signedOutResponse());

    renderProbe();

    expect(await screen.findByText("signed-out")).toBeInTheDocument();
  });

  it("keeps any other failure as an error", async () => {
    fetchMock.mockResolvedValue(problemResponse({ title: "Bad gateway", status: 502 }));

    renderProbe();

    expect(await screen.findByText("error 502")).toBeInTheDocument();
  });

  it("refuses to be used outside its provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});

    expect(() => render(<SessionProbe />)).toThrow("useSession must be used inside <SessionProvider>.");
  });
});
