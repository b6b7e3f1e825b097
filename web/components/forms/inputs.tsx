import type { ComponentPropsWithRef, ReactNode } from "react";
import { Field } from "./Field";
import form from "./form.module.css";

/** What every field shows around its input: the label, a hint, and the API's errors for it. */
interface FieldFrame {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

/** An element's own attributes, with its value as text and a change handler that receives the new text. */
type Control<Element extends "input" | "textarea" | "select"> = FieldFrame &
  Omit<ComponentPropsWithRef<Element>, "id" | "value" | "onChange" | "className"> & {
    value: string;
    onChange: (value: string) => void;
  };

/** A labelled input (text, e-mail, date, time, tel…) with its hint and the API's errors beside it. */
export function TextField({ id, label, errors, hint, value, onChange, ...attributes }: Control<"input">) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      {(props) => (
        <input {...props} {...attributes} className={form.input} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/** A whole number typed as text, kept as typed; read it with `wholeNumber` when the form is sent. */
export function NumberField(props: Control<"input"> & { min: number; max: number }) {
  return <TextField {...props} type="number" />;
}

/** A labelled text area with its hint and the API's errors beside it. */
export function TextAreaField({ id, label, errors, hint, value, onChange, ...attributes }: Control<"textarea">) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      {(props) => (
        <textarea {...props} {...attributes} className={form.input} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/** A labelled select whose options are its children, with the API's errors beside it. */
export function SelectField({ id, label, errors, hint, value, onChange, children, ...attributes }: Control<"select">) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      {(props) => (
        <select {...props} {...attributes} className={form.input} value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}
