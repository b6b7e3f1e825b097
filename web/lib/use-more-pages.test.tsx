import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api";
import { useMorePages } from "./use-more-pages";

const unavailable = new ApiError({ status: 503, title: "The service is unavailable." });

describe("useMorePages", () => {
  it("appends each next page, asking with the token the last page gave, until there is none", async () => {
    const fetchPage = vi.fn().mockResolvedValueOnce({ entries: ["c", "d"], nextPageToken: "t2" }).mockResolvedValueOnce({ entries: ["e"], nextPageToken: "" });
    const { result } = renderHook(() => useMorePages({ entries: ["a", "b"], nextPageToken: "t1" }, fetchPage));
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());
    await act(() => result.current.loadMore());

    expect(fetchPage.mock.calls).toEqual([["t1"], ["t2"]]);
    expect(result.current).toMatchObject({ entries: ["a", "b", "c", "d", "e"], hasMore: false, loading: false, error: null });
  });

  it("keeps what is shown when a page fails, says why, and asks for the same page again", async () => {
    const fetchPage = vi.fn().mockRejectedValueOnce(unavailable).mockResolvedValueOnce({ entries: ["c"], nextPageToken: "" });
    const { result } = renderHook(() => useMorePages({ entries: ["a"], nextPageToken: "t1" }, fetchPage));

    await act(() => result.current.loadMore());
    expect(result.current).toMatchObject({ entries: ["a"], hasMore: true, loading: false, error: unavailable });

    await act(() => result.current.loadMore());
    expect(fetchPage.mock.calls).toEqual([["t1"], ["t1"]]);
    expect(result.current).toMatchObject({ entries: ["a", "c"], error: null });
  });
});
