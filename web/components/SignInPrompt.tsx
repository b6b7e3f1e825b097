import { signInUrl } from "@/lib/auth-urls";
import { CenteredPanel } from "./CenteredPanel";

/** Shown in place of the workspace when the gateway says nobody is signed in. */
export function SignInPrompt({ returnPath }: { returnPath: string }) {
  return (
    <CenteredPanel>
      <p className="brand">AgentCalls</p>
      <h1>Sign in to continue</h1>
      <p className="muted">You need to be signed in to see this page.</p>
      <a className="button button-primary" href={signInUrl(returnPath)}>
        Sign in
      </a>
    </CenteredPanel>
  );
}
