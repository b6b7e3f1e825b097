import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api";
import { notSaved, useSave, useSaveAndLeave } from "./use-save";

const refused = new ApiError({ status: 400, title: "The request is not valid.", fieldErrors: { name: ["is required."] } });

describe("useSave", () => {
  it("hands what was saved on, says it saved, and is ready to save again", async () => {
    const onSaved = vi.fn();
    const { result } = renderHook(() => useSave<string>(onSaved));

    await act(() => result.current.save(async () => "v2"));

    expect(onSaved).toHaveBeenCalledWith("v2");
    expect(result.current).toMatchObject({ saving: false, saved: true, error: null });
    act(() => result.current.edited());
    expect(result.current.saved).toBe(false);
  });

  it("keeps the API's refusal as the error, and clears it on the next try", async () => {
    const onSaved = vi.fn();
    const { result } = renderHook(() => useSave<string>(onSaved));

    await act(() => result.current.save(() => Promise.reject(refused)));
    expect(result.current).toMatchObject({ saving: false, saved: false, error: refused });
    expect(onSaved).not.toHaveBeenCalled();

    await act(() => result.current.save(async () => "v3"));
    expect(result.current.error).toBeNull();
  });
});

describe("useSaveAndLeave", () => {
  it("stays busy after a save that worked, since the form is about to go", async () => {
    const { result } = renderHook(() => useSaveAndLeave());

    await act(() => result.current.save(async () => {}));

    expect(result.current).toMatchObject({ saving: true, saved: true, error: null });
  });

  it("is ready again after a refusal, with the refusal as its error", async () => {
    const { result } = renderHook(() => useSaveAndLeave());

    await act(() => result.current.save(() => Promise.reject(refused)));

    expect(result.current).toMatchObject({ saving: false, error: refused });
  });

  it("stops without an error when the call says it did not save and shows why itself", async () => {
    const { result } = renderHook(() => useSaveAndLeave());

    await act(() => result.current.save(() => Promise.reject(refused)));
    await act(() => result.current.save(async () => notSaved));

    expect(result.current).toMatchObject({ saving: false, saved: false, error: null });
  });

  it("reloads after a conflict, and shows a failure to reload as the error", async () => {
    const { result } = renderHook(() => useSaveAndLeave());
    let finish: () => void = () => {};
    let reloading!: Promise<void>;
    act(() => {
      reloading = result.current.reload(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.reloading).toBe(true);
    await act(async () => {
      finish();
      await reloading;
    });
    // The parent remounts the form with the latest version: nothing to undo here.
    expect(result.current).toMatchObject({ reloading: true, error: null });

    const failed = renderHook(() => useSaveAndLeave()).result;
    await act(() => failed.current.reload(() => Promise.reject(refused)));
    expect(failed.current).toMatchObject({ reloading: false, error: refused });
  });
});
