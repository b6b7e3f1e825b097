import { protoEnum } from "./proto-json";

const fields = protoEnum("IMPORT_FIELD", [
  "client-id",
  "external-id",
  "name",
  "first-name",
  "last-name",
  "email",
  "mobile-phone",
  "home-phone",
  "work-phone",
  "other-phone",
  "address-line1",
  "address-line2",
  "city",
  "region",
  "postal-code",
  "country",
  "date-of-birth",
  "household",
  "contact-window-start",
  "contact-window-end",
  "time-zone",
  "do-not-call",
  "do-not-call-reason",
  "do-not-call-since",
  "recording-consent",
  "tags",
  "notes",
  "last-contacted",
  "last-outcome",
  "policy-number",
  "carrier",
  "line-of-business",
  "policy-status",
  "premium",
  "currency",
  "effective-date",
  "expiration-date",
  "end-date",
  "policy-notes",
]);

/** The client or policy field a CSV column feeds; "ignore" for a column the import skips. */
export type ImportField = (typeof fields.keys)[number] | "ignore";

/** ImportField on the wire; unspecified (and anything unknown) reads as "ignore". */
export const importField = {
  read: (value: unknown): ImportField => fields.read(value) ?? "ignore",
  write: (field: ImportField): string => (field === "ignore" ? "IMPORT_FIELD_UNSPECIFIED" : fields.write(field)),
};

/** The fields an agent can pick for a column, grouped as the select shows them. */
export const importFieldGroups: { label: string; fields: { field: ImportField; label: string }[] }[] = [
  {
    label: "Client",
    fields: [
      { field: "name", label: "Full name" },
      { field: "first-name", label: "First name" },
      { field: "last-name", label: "Last name" },
      { field: "email", label: "E-mail" },
      { field: "date-of-birth", label: "Date of birth" },
      { field: "household", label: "Household" },
      { field: "tags", label: "Tags" },
      { field: "notes", label: "Client notes" },
      { field: "external-id", label: "ID in your previous system" },
      { field: "client-id", label: "AgentCalls client ID" },
    ],
  },
  {
    label: "Phones",
    fields: [
      { field: "mobile-phone", label: "Mobile phone" },
      { field: "home-phone", label: "Home phone" },
      { field: "work-phone", label: "Work phone" },
      { field: "other-phone", label: "Other phone" },
    ],
  },
  {
    label: "Address",
    fields: [
      { field: "address-line1", label: "Address line 1" },
      { field: "address-line2", label: "Address line 2" },
      { field: "city", label: "City" },
      { field: "region", label: "State or region" },
      { field: "postal-code", label: "Postal code" },
      { field: "country", label: "Country" },
    ],
  },
  {
    label: "Calling",
    fields: [
      { field: "contact-window-start", label: "Call from (time)" },
      { field: "contact-window-end", label: "Call until (time)" },
      { field: "time-zone", label: "Time zone" },
      { field: "do-not-call", label: "Do not call" },
      { field: "do-not-call-reason", label: "Do-not-call reason" },
      { field: "do-not-call-since", label: "Do not call since" },
      { field: "recording-consent", label: "Recording consent" },
      { field: "last-contacted", label: "Last contacted" },
      { field: "last-outcome", label: "Last outcome" },
    ],
  },
  {
    label: "Policy",
    fields: [
      { field: "policy-number", label: "Policy number" },
      { field: "carrier", label: "Carrier" },
      { field: "line-of-business", label: "Line of business" },
      { field: "policy-status", label: "Policy status" },
      { field: "premium", label: "Premium" },
      { field: "currency", label: "Currency" },
      { field: "effective-date", label: "Effective date" },
      { field: "expiration-date", label: "Expiration date" },
      { field: "end-date", label: "Lapse or cancellation date" },
      { field: "policy-notes", label: "Policy notes" },
    ],
  },
];

const labels = new Map<ImportField, string>(
  importFieldGroups.flatMap((group) => group.fields.map(({ field, label }) => [field, label] as const)),
);

export function importFieldLabel(field: ImportField): string {
  return field === "ignore" ? "Don't import" : (labels.get(field) ?? field);
}
