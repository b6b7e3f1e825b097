import { ApiError, api } from "./api";
import { navigateTo } from "./navigation";

export const googleConnectionPath = "/api/identity/google";
export const googleConnectPath = "/api/identity/google:connect";
export const googleDisconnectPath = "/api/identity/google:disconnect";

export type GoogleConnectionStatus = "not-connected" | "connected" | "reconnect-required";

/** The agent's Google Calendar connection, with proto3's omitted defaults filled in. */
export interface GoogleConnection {
  /** Whether this AgentCalls has a Google client configured at all. */
  googleAvailable: boolean;
  status: GoogleConnectionStatus;
  /** The Google account connected; "" when none. */
  googleEmail: string;
  scopes: string[];
  /** When the agent connected (RFC 3339), if known. */
  connectedAt?: string;
  /** Why the agent must reconnect; "" when there is no reason given. */
  reason: string;
}

/**
 * `GoogleConnection` as Identity's gRPC JSON transcoding sends it: camelCase, enums by name, and any
 * field at its default value (false, 0, "", []) possibly absent.
 */
export interface GoogleConnectionJson {
  googleAvailable?: boolean;
  status?: string | number;
  googleEmail?: string;
  scopes?: string[];
  connectedAt?: string;
  reason?: string;
}

const statuses: Record<string, GoogleConnectionStatus> = {
  GOOGLE_CONNECTION_STATUS_NOT_CONNECTED: "not-connected",
  GOOGLE_CONNECTION_STATUS_CONNECTED: "connected",
  GOOGLE_CONNECTION_STATUS_RECONNECT_REQUIRED: "reconnect-required",
  1: "not-connected",
  2: "connected",
  3: "reconnect-required",
};

/** Reads the wire form; an absent, unspecified or unknown status counts as not connected. */
export function toGoogleConnection(json: GoogleConnectionJson | undefined): GoogleConnection {
  const body = json ?? {};
  return {
    googleAvailable: body.googleAvailable === true,
    status: statuses[String(body.status ?? "")] ?? "not-connected",
    googleEmail: typeof body.googleEmail === "string" ? body.googleEmail : "",
    scopes: Array.isArray(body.scopes) ? body.scopes.filter((scope) => typeof scope === "string") : [],
    connectedAt: typeof body.connectedAt === "string" && body.connectedAt ? body.connectedAt : undefined,
    reason: typeof body.reason === "string" ? body.reason : "",
  };
}

export async function getGoogleConnection(signal?: AbortSignal): Promise<GoogleConnection> {
  return toGoogleConnection(await api.get<GoogleConnectionJson>(googleConnectionPath, { signal, cache: "no-store" }));
}

/** Revokes AgentCalls' access at Google and forgets the tokens; resolves to the connection as it is now. */
export async function disconnectGoogle(): Promise<GoogleConnection> {
  return toGoogleConnection(await api.post<GoogleConnectionJson>(googleDisconnectPath, {}));
}

/**
 * Starts connecting (or reconnecting) Google Calendar: asks Identity for a one-time link, then leaves the
 * app for it. Google's consent screen follows, and the browser comes back to `returnPath` with
 * `?google=connected` or `?google=error&reason=…`.
 */
export async function startGoogleConnection(returnPath: string): Promise<void> {
  const response = await api.post<{ authorizationUrl?: string } | undefined>(googleConnectPath, { returnPath });
  const url = response?.authorizationUrl;
  if (!url) throw new ApiError({ status: 502, title: "The server did not say where to connect Google" });
  navigateTo(url);
}
