import type { ApiError } from "@/lib/api";
import styles from "./ProblemAlert.module.css";

interface ProblemAlertProps {
  error: ApiError;
  onRetry?: () => void;
}

/** Shows a failed API call readably: title, detail, per-field messages, wait time and trace reference. */
export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const fieldMessages = Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
    messages.map((message, index) => ({ key: `${field}-${index}`, field, message })),
  );

  return (
    <div role="alert" className={styles.alert}>
      <p className={styles.title}>{error.title}</p>
      {error.detail && <p>{error.detail}</p>}
      {error.retryAfterSeconds !== undefined && <p>Please wait {formatWait(error.retryAfterSeconds)} before trying again.</p>}
      {fieldMessages.length > 0 && (
        <ul className={styles.fields} aria-label="Problems with the form">
          {fieldMessages.map(({ key, field, message }) => (
            <li key={key}>
              {field && <span className={styles.field}>{field}: </span>}
              {message}
            </li>
          ))}
        </ul>
      )}
      {error.traceId && (
        <p className={styles.trace}>
          Reference: <code>{error.traceId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
