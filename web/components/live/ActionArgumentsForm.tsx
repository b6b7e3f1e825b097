"use client";

import { useId, useState } from "react";
import { Field } from "@/components/forms/Field";
import { FormErrors } from "@/components/forms/form-errors";
import { FormProblem } from "@/components/forms/FormProblem";
import type { ApiError } from "@/lib/api";
import { argumentsToInputs, inputsToArguments, type ActionSpec } from "@/lib/live-actions";
import { OutcomeOptions } from "./OutcomeOptions";
import styles from "./LiveCall.module.css";

interface ActionArgumentsFormProps {
  spec: ActionSpec;
  initial: Record<string, unknown>;
  submitLabel: string;
  pending: boolean;
  /** The last failure; its field errors (`arguments.startTime`) show at their fields. */
  error: ApiError | null;
  onSubmit: (args: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** An action's arguments as a form: used to propose an action and to edit a proposal before confirming it. */
export function ActionArgumentsForm({ spec, initial, submitLabel, pending, error, onSubmit, onCancel }: ActionArgumentsFormProps) {
  const id = useId();
  const [inputs, setInputs] = useState(() => argumentsToInputs(spec, initial));
  const errors = new FormErrors(error);

  return (
    <form
      className={styles.form}
      aria-label={spec.label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(inputsToArguments(spec, inputs));
      }}
    >
      {spec.fields.map((field) => (
        <Field key={field.name} id={`${id}-${field.name}`} label={field.label} errors={errors.for(`arguments.${field.name}`)}>
          {(input) => {
            const common = { ...input, value: inputs[field.name] ?? "", required: field.required };
            const change = (value: string) => setInputs((all) => ({ ...all, [field.name]: value }));
            if (field.kind === "outcome")
              return (
                <select {...common} onChange={(e) => change(e.target.value)}>
                  <OutcomeOptions />
                </select>
              );
            if (field.kind === "long-text") return <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />;
            const type = field.kind === "datetime" ? "datetime-local" : field.kind === "number" ? "number" : "text";
            return <input {...common} type={type} onChange={(e) => change(e.target.value)} />;
          }}
        </Field>
      ))}
      <FormProblem errors={errors} what="action" />
      <div className={styles.row}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
