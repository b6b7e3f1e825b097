import { api } from "./api";
import { asObject, asString } from "./proto-json";

/**
 * Every page of a list the API pages: `path` as given first, then with each `nextPageToken` until the last page.
 * For lists a screen shows whole (a week's events, the household picker), which stay small but are capped per page.
 */
export async function readAllPages<T>(
  path: string,
  items: (page: Record<string, unknown>) => T[],
  signal?: AbortSignal,
): Promise<T[]> {
  const all: T[] = [];
  let next = "";
  do {
    const url = next ? `${path}${path.includes("?") ? "&" : "?"}pageToken=${encodeURIComponent(next)}` : path;
    const page = asObject(await api.get<unknown>(url, { signal, cache: "no-store" }));
    all.push(...items(page));
    next = asString(page.nextPageToken);
  } while (next);
  return all;
}
