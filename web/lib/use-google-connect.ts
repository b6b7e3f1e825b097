"use client";

import { useCallback, useState } from "react";
import { asApiError, type ApiError } from "./api";
import { startGoogleConnection } from "./google-api";

export interface GoogleConnect {
  /** Leaves for Google's consent screen; the browser comes back to `returnPath`. */
  connect: (returnPath: string) => Promise<void>;
  /** True from the click until the browser has left (it stays true: the page is going away). */
  pending: boolean;
  error: ApiError | null;
}

/** Starting the connect (or reconnect) flow from a button: pending and error state for it. */
export function useGoogleConnect(): GoogleConnect {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const connect = useCallback(async (returnPath: string) => {
    setPending(true);
    setError(null);
    try {
      await startGoogleConnection(returnPath);
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }, []);

  return { connect, pending, error };
}
