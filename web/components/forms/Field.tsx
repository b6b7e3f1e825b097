import type { ReactNode } from "react";
import styles from "./Field.module.css";

/** What a field's input needs to be labelled, described and marked invalid. */
export interface FieldInputProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  /** The API's messages for this field (e.g. "is not an e-mail address."), shown under it. */
  errors?: string[];
  hint?: ReactNode;
  /** Renders the input with the id and ARIA attributes it needs. */
  children: (input: FieldInputProps) => ReactNode;
}

/** A labelled form field with an optional hint and the API's errors for it right beside the input. */
export function Field({ id, label, errors = [], hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`${styles.field} ${errors.length > 0 ? styles.invalid : ""}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({ id, "aria-invalid": errors.length > 0 ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className={styles.error}>
          {errors.map((message) => fieldMessage(label, message)).join(" ")}
        </p>
      )}
    </div>
  );
}

/** The API words its messages to follow the field's name ("is required."); others stand as they are. */
export function fieldMessage(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
