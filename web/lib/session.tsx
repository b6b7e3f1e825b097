"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, api } from "./api";
import { identityMePath, logoutPath } from "./auth-urls";
import { navigateTo } from "./navigation";

export interface Agent {
  agentId: string;
  displayName: string;
  email: string;
}

export type SessionState =
  | { status: "loading" }
  | { status: "signed-in"; agent: Agent }
  | { status: "signed-out" }
  | { status: "error"; error: ApiError };

export interface Session {
  state: SessionState;
  /** Asks the gateway again who is signed in. */
  refresh: () => void;
  /** Ends the gateway session, then reloads the app at `/`. Throws {@link ApiError} on failure. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Learns who is signed in from the gateway. Only the browser can: the session
 * cookie is the gateway's, so this runs client-side.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Agent>(identityMePath, { signal: controller.signal, cache: "no-store" })
      .then((agent) => setState({ status: "signed-in", agent }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: "signed-out" });
        else setState({ status: "error", error: error instanceof ApiError ? error : ApiError.network(error) });
      });
    return () => controller.abort();
  }, [attempt]);

  const refresh = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const signOut = useCallback(async () => {
    await api.post(logoutPath);
    navigateTo("/");
  }, []);

  const session = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside <SessionProvider>.");
  return session;
}
