import type { GoogleConnectionJson } from "@/lib/google-api";
import { jsonResponse } from "./responses";

/** Identity's GoogleConnection as the gateway sends it; proto3 JSON leaves out fields at their defaults. */
export const googleConnections = {
  notConfigured: {} satisfies GoogleConnectionJson,
  notConnected: { googleAvailable: true, status: "GOOGLE_CONNECTION_STATUS_NOT_CONNECTED" } satisfies GoogleConnectionJson,
  connected: {
    googleAvailable: true,
    status: "GOOGLE_CONNECTION_STATUS_CONNECTED",
    googleEmail: "ann.agent@gmail.com",
    scopes: ["openid", "email", "profile", "https://www.googleapis.com/auth/calendar.events"],
    connectedAt: "2026-11-25T07:00:00Z",
  } satisfies GoogleConnectionJson,
  reconnectRequired: {
    googleAvailable: true,
    status: "GOOGLE_CONNECTION_STATUS_RECONNECT_REQUIRED",
    googleEmail: "ann.agent@gmail.com",
    scopes: ["openid", "email", "profile", "https://www.googleapis.com/auth/calendar.events"],
    connectedAt: "2026-11-25T07:00:00Z",
    reason: "Google no longer accepts AgentCalls' access (invalid_grant: revoked or expired). Connect Google Calendar again.",
  } satisfies GoogleConnectionJson,
};

export const googleConnectionResponse = (connection: GoogleConnectionJson) => () => jsonResponse(connection);

/** What Identity answers to POST /api/identity/google:connect. */
export const authorizationUrl = "/auth/google/connect?ticket=CfDJ8-one-time";
