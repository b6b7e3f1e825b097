"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { asApiError, type ApiError } from "./api";
import { getGoogleConnection, type GoogleConnection } from "./google-api";

export type GoogleConnectionState =
  | { status: "loading" }
  | { status: "loaded"; connection: GoogleConnection }
  | { status: "error"; error: ApiError };

export interface GoogleConnectionContextValue {
  state: GoogleConnectionState;
  /** Asks Identity again. */
  refresh: () => void;
  /** Records what a call that changed the connection (e.g. disconnect) answered. */
  update: (connection: GoogleConnection) => void;
}

const GoogleConnectionContext = createContext<GoogleConnectionContextValue | null>(null);

/**
 * The signed-in agent's Google Calendar connection, asked for once when the workspace opens and shared by
 * everything that shows it (the reconnect banner, Settings), so a change made in one place shows in all.
 */
export function GoogleConnectionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GoogleConnectionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getGoogleConnection(controller.signal)
      .then((connection) => setState({ status: "loaded", connection }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error: asApiError(error) });
      });
    return () => controller.abort();
  }, [attempt]);

  const refresh = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const update = useCallback((connection: GoogleConnection) => setState({ status: "loaded", connection }), []);

  const value = useMemo(() => ({ state, refresh, update }), [state, refresh, update]);
  return <GoogleConnectionContext.Provider value={value}>{children}</GoogleConnectionContext.Provider>;
}

export function useGoogleConnection(): GoogleConnectionContextValue {
  const value = useContext(GoogleConnectionContext);
  if (!value) throw new Error("useGoogleConnection must be used inside <GoogleConnectionProvider>.");
  return value;
}
