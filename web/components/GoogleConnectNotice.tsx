"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Notice } from "./Notice";

/** Why connecting Google Calendar did not finish, by the `reason` Identity sends back with `?google=error`. */
const failures: Record<string, string> = {
  access_denied: "Google Calendar was not connected: access wasn't allowed on Google's consent screen.",
  GOOGLE_ACCOUNT_MISMATCH:
    "Google Calendar was not connected: connect the Google account you sign in to AgentCalls with. The account you chose is a different one, or it belongs to another agent.",
  GOOGLE_NO_OFFLINE_ACCESS:
    "Google Calendar was not connected: Google didn't give AgentCalls lasting access, which it needs to keep your calendar in sync. Please try again; if this keeps happening, remove AgentCalls from your Google account's third-party access first.",
};

/**
 * How connecting Google Calendar ended, as Identity reports it when Google's consent screen sends the
 * browser back: `?google=connected` or `?google=error&reason=<code>`.
 */
export function GoogleConnectNotice() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const outcome = searchParams.get("google");
  if (outcome !== "connected" && outcome !== "error") return null;

  function dismiss() {
    const rest = new URLSearchParams(searchParams.toString());
    rest.delete("google");
    rest.delete("reason");
    const query = rest.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const dismissButton = (
    <button type="button" className="button button-secondary" onClick={dismiss}>
      Dismiss
    </button>
  );

  if (outcome === "connected") {
    return (
      <Notice tone="success" role="status" actions={dismissButton}>
        <p>Google Calendar is connected. AgentCalls will schedule your calls on it and keep it in sync.</p>
      </Notice>
    );
  }

  const reason = searchParams.get("reason");
  return (
    <Notice tone="danger" role="alert" actions={dismissButton}>
      <p>
        {(reason && failures[reason]) ??
          (reason
            ? `Google Calendar was not connected (${reason}). Please try again.`
            : "Google Calendar was not connected. Please try again.")}
      </p>
    </Notice>
  );
}
