"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense, useState, type ReactNode } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { GoogleConnectionProvider } from "@/lib/google-connection";
import { useSession, type Agent } from "@/lib/session";
import { CenteredPanel } from "./CenteredPanel";
import { GoogleConnectNotice } from "./GoogleConnectNotice";
import { GoogleReconnectBanner } from "./GoogleReconnectBanner";
import { ProblemAlert } from "./ProblemAlert";
import { SignInPrompt } from "./SignInPrompt";
import styles from "./AppShell.module.css";

const workspaceLinks = [
  { href: "/today", label: "Today" },
  { href: "/clients", label: "Clients" },
  { href: "/calendar", label: "Calendar" },
  { href: "/calls", label: "Calls" },
  { href: "/recordings", label: "Recordings" },
  { href: "/documents", label: "Documents" },
  { href: "/settings", label: "Settings" },
] as const;

/**
 * The signed-in workspace: sidebar navigation, the agent's name and sign-out, notices about the agent's
 * Google Calendar connection, then the page.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const pathname = usePathname();

  switch (state.status) {
    case "loading":
      return (
        <CenteredPanel>
          <p role="status" className="muted">
            Loading your workspace…
          </p>
        </CenteredPanel>
      );
    case "signed-out":
      return <SignInPrompt returnPath={pathname} />;
    case "error":
      return (
        <CenteredPanel>
          <ProblemAlert error={state.error} onRetry={refresh} />
        </CenteredPanel>
      );
    case "signed-in":
      return (
        <Workspace agent={state.agent} pathname={pathname}>
          {children}
        </Workspace>
      );
  }
}

function Workspace({ agent, pathname, children }: { agent: Agent; pathname: string; children: ReactNode }) {
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<ApiError | null>(null);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(asApiError(error));
      setSigningOut(false);
    }
  }

  return (
    <GoogleConnectionProvider>
      <div className={styles.shell}>
        <a className={styles.skipLink} href="#main">
          Skip to content
        </a>
        <aside className={styles.sidebar}>
          <Link href="/today" className={`brand ${styles.brand}`}>
            AgentCalls
          </Link>
          <nav aria-label="Workspace">
            <ul className={styles.nav}>
              {workspaceLinks.map(({ href, label }) => {
                const current = pathname === href || pathname.startsWith(`${href}/`);
                return (
                  <li key={href}>
                    <Link href={href} className={styles.navLink} aria-current={current ? "page" : undefined}>
                      {label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </aside>
        <div className={styles.column}>
          <header className={styles.header}>
            <div className={styles.agent}>
              <span className={styles.agentName} data-testid="agent-name">
                {agent.displayName}
              </span>
              <span className={styles.agentEmail}>{agent.email}</span>
            </div>
            <button type="button" className="button button-secondary" onClick={handleSignOut} disabled={signingOut}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </header>
          <main id="main" className={styles.main} tabIndex={-1}>
            <div className={styles.notices}>
              {signOutError && <ProblemAlert error={signOutError} />}
              <Suspense fallback={null}>
                <GoogleConnectNotice />
              </Suspense>
              <GoogleReconnectBanner />
            </div>
            {children}
          </main>
        </div>
      </div>
    </GoogleConnectionProvider>
  );
}
