"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "./api";

/** A page of a list the API pages with a token: its entries and the token of the next page ("" on the last). */
export interface EntryPage<T> {
  entries: T[];
  nextPageToken: string;
}

/**
 * A list shown from its first page, to which "Show more" appends the next: the entries so far, whether more follow,
 * and the error of the last page that failed (the entries already shown stay).
 */
export function useMorePages<T>(first: EntryPage<T>, fetchPage: (pageToken: string) => Promise<EntryPage<T>>) {
  const [entries, setEntries] = useState(first.entries);
  const [nextPageToken, setNextPageToken] = useState(first.nextPageToken);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function loadMore() {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(nextPageToken);
      setEntries((current) => [...current, ...page.entries]);
      setNextPageToken(page.nextPageToken);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setLoading(false);
    }
  }

  return { entries, setEntries, hasMore: nextPageToken !== "", loading, error, loadMore };
}
