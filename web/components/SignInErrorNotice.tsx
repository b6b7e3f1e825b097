"use client";

import { useSearchParams } from "next/navigation";

/** Why the last sign-in did not finish, as the gateway reports it in `?signInError=<OAuth error code>`. */
const messages: Record<string, string> = {
  access_denied: "Sign-in was cancelled, or no sign-in method is available here.",
  login_required: "Please sign in again.",
};

export function SignInErrorNotice() {
  const error = useSearchParams().get("signInError");
  if (!error) return null;
  return (
    <p role="alert" className="muted">
      {messages[error] ?? `Sign-in did not complete (${error}). Please try again.`}
    </p>
  );
}
