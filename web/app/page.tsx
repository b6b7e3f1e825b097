"use client";

import { useRouter } from "next/navigation";
import { Suspense, useEffect } from "react";
import { AccountDeletedNotice } from "@/components/AccountDeletedNotice";
import { CenteredPanel } from "@/components/CenteredPanel";
import { SignInErrorNotice } from "@/components/SignInErrorNotice";
import { signInUrl } from "@/lib/auth-urls";
import { useSession } from "@/lib/session";

export default function LandingPage() {
  const { state } = useSession();
  const router = useRouter();
  const signedIn = state.status === "signed-in";

  useEffect(() => {
    if (signedIn) router.replace("/today");
  }, [signedIn, router]);

  if (signedIn) {
    return (
      <CenteredPanel>
        <p role="status" className="muted">
          Opening your workspace…
        </p>
      </CenteredPanel>
    );
  }

  return (
    <CenteredPanel>
      <h1 className="brand brand-large">AgentCalls</h1>
      <p className="muted">A workspace for insurance agents who call their clients.</p>
      <Suspense>
        <AccountDeletedNotice />
        <SignInErrorNotice />
      </Suspense>
      <a className="button button-primary" href={signInUrl("/today")}>
        Sign in
      </a>
    </CenteredPanel>
  );
}
