import { ApiError } from "./api-error";

export { ApiError, asApiError } from "./api-error";
export type { FieldErrors } from "./api-error";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const unsafeMethods: ReadonlySet<Method> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the raw request body instead of JSON (an upload), with its media type. */
  file?: { content: Blob; contentType: string };
  signal?: AbortSignal;
  cache?: RequestCache;
}

/**
 * Calls the gateway on the same origin. Unsafe methods carry `X-CSRF: 1`, which the
 * gateway's antiforgery rule requires. Failures become {@link ApiError}; an empty
 * response (e.g. 204) resolves to `undefined`.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: "application/json, application/problem+json" });
  if (unsafeMethods.has(method)) headers.set("X-CSRF", "1");
  const hasBody = options.body !== undefined;
  if (options.file) headers.set("Content-Type", options.file.contentType);
  else if (hasBody) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.file ? options.file.content : hasBody ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
      signal: options.signal,
      cache: options.cache,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw ApiError.network(cause);
  }

  if (!response.ok) throw await ApiError.fromResponse(response);
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: response.status, title: "The server sent a response the app could not read" });
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, "body">) => request<T>("GET", path, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, { ...options, body }),
  put: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("PUT", path, { ...options, body }),
  patch: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("PATCH", path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, "body">) => request<T>("DELETE", path, options),
  /** POSTs a file as the raw body (with `X-CSRF`), e.g. a CSV to import. */
  upload: <T>(path: string, content: Blob, contentType: string, options?: Omit<RequestOptions, "body" | "file">) =>
    request<T>("POST", path, { ...options, file: { content, contentType } }),
};
