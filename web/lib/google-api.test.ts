import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { authorizationUrl, googleConnections } from "@/testing/google";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { ApiError } from "./api";
import { disconnectGoogle, getGoogleConnection, startGoogleConnection, toGoogleConnection } from "./google-api";
import { navigateTo } from "./navigation";

vi.mock("./navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("toGoogleConnection", () => {
  it("reads a connected account", () => {
    expect(toGoogleConnection(googleConnections.connected)).toEqual({
      googleAvailable: true,
      status: "connected",
      googleEmail: "ann.agent@gmail.com",
      scopes: ["openid", "email", "profile", "https://www.googleapis.com/auth/calendar.events"],
      connectedAt: "2026-11-25T07:00:00Z",
      reason: "",
    });
  });

  it("fills in every field proto3 JSON leaves out at its default", () => {
    expect(toGoogleConnection({})).toEqual({
      googleAvailable: false,
      status: "not-connected",
      googleEmail: "",
      scopes: [],
      connectedAt: undefined,
      reason: "",
    });
  });

  it("reads the reason Google must be reconnected", () => {
    expect(toGoogleConnection(googleConnections.reconnectRequired)).toMatchObject({
      status: "reconnect-required",
      reason: googleConnections.reconnectRequired.reason,
    });
  });

  it.each([
    ["GOOGLE_CONNECTION_STATUS_NOT_CONNECTED", "not-connected"],
    ["GOOGLE_CONNECTION_STATUS_CONNECTED", "connected"],
    ["GOOGLE_CONNECTION_STATUS_RECONNECT_REQUIRED", "reconnect-required"],
    [2, "connected"],
    [3, "reconnect-required"],
    ["GOOGLE_CONNECTION_STATUS_UNSPECIFIED", "not-connected"],
    ["SOMETHING_NEW", "not-connected"],
  ] as const)("reads status %s as %s", (status, expected) => {
    expect(toGoogleConnection({ googleAvailable: true, status }).status).toBe(expected);
  });
});

describe("getGoogleConnection", () => {
  it("asks Identity with a plain GET, bypassing the HTTP cache", async () => {
    const requests = routeFetch(fetchMock, { "GET /api/identity/google": () => jsonResponse(googleConnections.notConnected) });

    await expect(getGoogleConnection()).resolves.toMatchObject({ googleAvailable: true, status: "not-connected" });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.headers.has("X-CSRF")).toBe(false);
    expect(request?.init).toMatchObject({ credentials: "same-origin", cache: "no-store" });
  });
});

describe("startGoogleConnection", () => {
  it("asks for a connect link for the return path, then leaves the app for it", async () => {
    const requests = routeFetch(fetchMock, {
      "POST /api/identity/google:connect": () => jsonResponse({ authorizationUrl }),
    });

    await startGoogleConnection("/clients");

    const [request] = requestsTo(requests, "POST", "/api/identity/google:connect");
    expect(request?.headers.get("X-CSRF")).toBe("1");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.body).toEqual({ returnPath: "/clients" });
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith(authorizationUrl);
  });

  it("stays in the app when Identity refuses", async () => {
    routeFetch(fetchMock, {
      "POST /api/identity/google:connect": () =>
        problemResponse({ title: "No Google client is configured for AgentCalls.", status: 400 }),
    });

    const error = await startGoogleConnection("/settings").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: "No Google client is configured for AgentCalls." });
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("stays in the app when the answer has no link", async () => {
    routeFetch(fetchMock, { "POST /api/identity/google:connect": () => jsonResponse({}) });

    await expect(startGoogleConnection("/settings")).rejects.toMatchObject({
      title: "The server did not say where to connect Google",
    });
    expect(navigateTo).not.toHaveBeenCalled();
  });
});

describe("disconnectGoogle", () => {
  it("posts an empty body with X-CSRF and returns the connection as it is now", async () => {
    const requests = routeFetch(fetchMock, {
      "POST /api/identity/google:disconnect": () => jsonResponse(googleConnections.notConnected),
    });

    await expect(disconnectGoogle()).resolves.toMatchObject({ googleAvailable: true, status: "not-connected" });

    const [request] = requestsTo(requests, "POST", "/api/identity/google:disconnect");
    expect(request?.headers.get("X-CSRF")).toBe("1");
    expect(request?.body).toEqual({});
  });
});
