import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ApiError, api } from "./api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function lastRequest(): { url: string; init: RequestInit; headers: Headers } {
  const [url, init = {}] = fetchMock.mock.lastCall ?? [];
  return { url: String(url), init, headers: new Headers(init.headers) };
}

describe("api client", () => {
  it("sends GET on the same origin without the CSRF header and returns the JSON body", async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 1 }));

    await expect(api.get("/api/things")).resolves.toEqual({ id: 1 });

    const { url, init, headers } = lastRequest();
    expect(url).toBe("/api/things");
    expect(init.method).toBe("GET");
    expect(init.credentials).toBe("same-origin");
    expect(headers.has("X-CSRF")).toBe(false);
  });

  it.each(["post", "put", "patch"] as const)("sends %s with X-CSRF: 1 and a JSON body", async (method) => {
    fetchMock.mockResolvedValue(jsonResponse({ ok: true }));

    await api[method]("/api/things", { name: "Ann" });

    const { init, headers } = lastRequest();
    expect(init.method).toBe(method.toUpperCase());
    expect(init.credentials).toBe("same-origin");
    expect(headers.get("X-CSRF")).toBe("1");
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init.body).toBe(JSON.stringify({ name: "Ann" }));
  });

  it("sends DELETE with X-CSRF: 1 and resolves a 204 to undefined", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));

    await expect(api.delete("/api/things/1")).resolves.toBeUndefined();

    const { init, headers } = lastRequest();
    expect(init.method).toBe("DELETE");
    expect(headers.get("X-CSRF")).toBe("1");
    expect(init.body).toBeUndefined();
  });

  it("uploads a file as the raw body with X-CSRF: 1 and its media type", async () => {
    fetchMock.mockResolvedValue(jsonResponse({ importId: "i1" }, 201));
    const file = new File(["Name\nAnn\n"], "book.csv", { type: "text/csv" });

    await expect(api.upload("/api/clients/imports?fileName=book.csv", file, "text/csv")).resolves.toEqual({ importId: "i1" });

    const { url, init, headers } = lastRequest();
    expect(url).toBe("/api/clients/imports?fileName=book.csv");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(headers.get("X-CSRF")).toBe("1");
    expect(headers.get("Content-Type")).toBe("text/csv");
    expect(init.body).toBe(file);
  });

  it("throws ApiError built from the problem details of a failed call", async () => {
    fetchMock.mockResolvedValue(
      problemResponse({ title: "Validation failed", status: 422, errors: { email: ["Email is taken."] } }),
    );

    const error = await api.post("/api/things", {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, title: "Validation failed", fieldErrors: { email: ["Email is taken."] } });
  });

  it("turns a network failure into ApiError with status 0", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));

    const error = await api.get("/api/things").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, title: "Could not reach the server" });
  });

  it("rethrows an abort as is", async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException("Aborted", "AbortError");
    fetchMock.mockRejectedValue(abort);

    await expect(api.get("/api/things", { signal: controller.signal })).rejects.toBe(abort);
  });
});
