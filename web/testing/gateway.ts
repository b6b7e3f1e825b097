import { expect, onTestFinished, type Mock } from "vitest";

/** One request the app made, as the gateway would see it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  /** The JSON body, parsed; `undefined` when there was none. */
  body: unknown;
  init: RequestInit;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Answers the app's `fetch` calls from routes keyed "METHOD /path" (the path as requested, query included).
 * A request no route answers fails the test when it ends, even if the app swallowed the failure.
 * Returns every request made, in order.
 */
export function routeFetch(fetchMock: Mock<typeof fetch>, routes: Record<string, Route>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];
  onTestFinished(() => {
    expect(unexpected, "requests no route answered").toEqual([]);
  });
  fetchMock.mockImplementation(async (input, init = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? "GET",
      path: String(input),
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : init.body ?? undefined,
      init,
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    if (!route) {
      unexpected.push(`${request.method} ${request.path}`);
      throw new TypeError(`No route for ${request.method} ${request.path}`);
    }
    return route(request);
  });
  return requests;
}

/** The requests made to one endpoint. */
export function requestsTo(requests: RecordedRequest[], method: string, path: string): RecordedRequest[] {
  return requests.filter((request) => request.method === method && request.path === path);
}

/** A 204, as the gateway's BFF endpoints answer. */
export const noContent = () => new Response(null, { status: 204 });
