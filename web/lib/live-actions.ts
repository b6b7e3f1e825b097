/** An argument of an action as the screen edits it. */
export interface ActionField {
  name: string;
  label: string;
  kind: "text" | "datetime" | "number" | "outcome" | "long-text";
  required?: boolean;
}

export interface ActionSpec {
  kind: string;
  /** The button that proposes it, and the heading of a proposal of this kind. */
  label: string;
  fields: ActionField[];
}

/** The actions that change data (Conversation.Service/Actions/ActionKinds.cs), with the arguments each takes. */
export const actionSpecs: ActionSpec[] = [
  {
    kind: "schedule_follow_up",
    label: "Schedule a follow-up",
    fields: [
      { name: "startTime", label: "When", kind: "datetime", required: true },
      { name: "durationMinutes", label: "Minutes", kind: "number" },
      { name: "notes", label: "Notes", kind: "text" },
    ],
  },
  { kind: "add_note", label: "Add a note to the client", fields: [{ name: "text", label: "Note", kind: "long-text", required: true }] },
  {
    kind: "update_client",
    label: "Update the client",
    fields: [
      { name: "email", label: "E-mail", kind: "text" },
      { name: "timeZone", label: "Time zone", kind: "text" },
    ],
  },
  { kind: "mark_do_not_call", label: "Mark do not call", fields: [{ name: "reason", label: "Reason", kind: "text" }] },
  { kind: "set_outcome", label: "Set the outcome", fields: [{ name: "outcome", label: "Outcome", kind: "outcome", required: true }] },
];

export function actionSpec(kind: string): ActionSpec {
  return actionSpecs.find((s) => s.kind === kind) ?? { kind, label: kind.replace(/_/g, " "), fields: [] };
}

/** The form's text for each argument: a time with an offset as the browser's local "YYYY-MM-DDTHH:mm". */
export function argumentsToInputs(spec: ActionSpec, args: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = args[field.name];
    if (value === undefined || value === null) inputs[field.name] = "";
    else if (field.kind === "datetime" && typeof value === "string") inputs[field.name] = toLocalInput(value);
    else inputs[field.name] = String(value);
  }
  return inputs;
}

/** The arguments the API takes from the form: empty fields left out, numbers as numbers, local times with their offset. */
export function inputsToArguments(spec: ActionSpec, inputs: Record<string, string>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const text = (inputs[field.name] ?? "").trim();
    if (!text) continue;
    if (field.kind === "number") args[field.name] = Number.isFinite(Number(text)) ? Number(text) : text;
    else if (field.kind === "datetime") args[field.name] = fromLocalInput(text);
    else args[field.name] = text;
  }
  return args;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A moment as `<input type="datetime-local">` shows it in the browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the browser's zone) as ISO 8601 with the browser's offset at that moment. */
export function fromLocalInput(local: string): string {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** A proposal's arguments as the screen lists them; a time also as the moment itself (for `<time dateTime>`). */
export function argumentParts(spec: ActionSpec, args: Record<string, unknown>): { label: string; text: string; dateTime?: string }[] {
  return spec.fields
    .filter((f) => args[f.name] !== undefined && args[f.name] !== "")
    .map((f) => {
      const value = args[f.name];
      if (f.kind === "datetime" && typeof value === "string" && !Number.isNaN(Date.parse(value))) {
        const text = new Date(value).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
        return { label: f.label, text, dateTime: value };
      }
      return { label: f.label, text: String(value) };
    });
}
