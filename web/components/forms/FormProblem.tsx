import { ProblemAlert } from "../ProblemAlert";
import { ConflictNotice } from "./ConflictNotice";
import type { FormErrors } from "./form-errors";

interface FormProblemProps {
  errors: FormErrors;
  /** What the form saves, for the conflict notice ("client", "policy"). */
  what: string;
  /** Loads the latest version after a 409; without it, a conflict is shown like any other failure. */
  onReload?: () => void;
  reloading?: boolean;
}

/**
 * Why the last save failed, at the top of a form: a conflict (409) offers to load the latest version;
 * otherwise the problem, with any field errors no field on the form shows. Render it as a component
 * (not a call) so every field has claimed its errors first.
 */
export function FormProblem({ errors, what, onReload, reloading }: FormProblemProps) {
  const error = errors.unshown();
  if (!error) return null;
  if (error.status === 409 && onReload) return <ConflictNotice what={what} onReload={onReload} reloading={reloading} />;
  return <ProblemAlert error={error} />;
}
