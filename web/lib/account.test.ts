import { beforeEach, describe, expect, it, vi } from "vitest";
import { noContent, routeFetch } from "@/testing/gateway";
import { problemResponse } from "@/testing/responses";
import { deleteAccount, signOutEverywhere } from "./account";
import { navigateTo } from "./navigation";

vi.mock("./navigation", () => ({ navigateTo: vi.fn() }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("signOutEverywhere", () => {
  it("posts /bff/logout-everywhere with X-CSRF, then goes to the landing page", async () => {
    const requests = routeFetch(fetchMock, { "POST /bff/logout-everywhere": noContent });

    await signOutEverywhere();

    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["POST /bff/logout-everywhere"]);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[0]?.init.credentials).toBe("same-origin");
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/");
  });

  it("stays put when the gateway refuses", async () => {
    routeFetch(fetchMock, { "POST /bff/logout-everywhere": () => problemResponse({ title: "Bad gateway", status: 502 }) });

    await expect(signOutEverywhere()).rejects.toMatchObject({ status: 502 });
    expect(navigateTo).not.toHaveBeenCalled();
  });
});

describe("deleteAccount", () => {
  it("posts /bff/delete-account with X-CSRF, then goes to the landing page that confirms it", async () => {
    const requests = routeFetch(fetchMock, { "POST /bff/delete-account": noContent });

    await deleteAccount();

    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual(["POST /bff/delete-account"]);
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(navigateTo).toHaveBeenCalledExactlyOnceWith("/?accountDeleted=1");
  });

  it("stays put when the gateway refuses", async () => {
    routeFetch(fetchMock, {
      "POST /bff/delete-account": () => problemResponse({ title: "The service is unavailable", status: 503 }),
    });

    await expect(deleteAccount()).rejects.toMatchObject({ status: 503 });
    expect(navigateTo).not.toHaveBeenCalled();
  });
});
