/** The keys of T whose values are plain text (not a union of words, a list or a flag). */
type TextKeys<T> = { [K in keyof T]-?: string extends T[K] ? (T[K] extends string ? K : never) : never }[keyof T];

/**
 * Ties a form's text properties to its fields: `field("email")` gives the field its value, a change that sets
 * it, and the API's errors the form claimed for it. Claim them in the form's own render (before FormProblem
 * renders), as `errors` is read here, not claimed.
 */
export function textFields<T>(
  values: T,
  set: <K extends keyof T>(key: K, value: T[K]) => void,
  errors: Partial<Record<keyof T, string[]>>,
) {
  return <K extends TextKeys<T>>(key: K) => ({
    value: values[key] as string,
    onChange: (value: string) => set(key, value as T[K]),
    errors: errors[key],
  });
}

export type TextFieldsOf<T> = ReturnType<typeof textFields<T>>;
