"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { asApiError, type ApiError } from "./api";

export type LoadState<T> =
  | { status: "loading" }
  | { status: "loaded"; value: T }
  | { status: "error"; error: ApiError };

/**
 * Loads something for a page when it mounts and whenever `key` changes (aborting the previous load);
 * `reload` loads it again, `set` replaces what was loaded (e.g. with what a save answered).
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) setState({ status: "loaded", value });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error: asApiError(error) });
      });
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((value: T) => setState({ status: "loaded", value }), []);
  return { state, reload, set };
}
