import { phoneType, phoneTypeLabels, type PhoneType } from "@/lib/client-terms";
import type { Phone } from "@/lib/clients-api";
import { Field, fieldMessage } from "../forms/Field";
import fieldStyles from "../forms/Field.module.css";
import form from "../forms/form.module.css";

export const maxPhones = 10;

interface PhoneFieldsProps {
  phones: Phone[];
  onChange: (phones: Phone[]) => void;
  /** The API's errors for each phone (by position) and for the list as a whole. */
  errors: { number: string[]; type: string[] }[];
  listErrors: string[];
}

/** The client's phone numbers: each a number and its type, added and removed freely. */
export function PhoneFields({ phones, onChange, errors, listErrors }: PhoneFieldsProps) {
  function update(index: number, change: Partial<Phone>) {
    onChange(phones.map((phone, i) => (i === index ? { ...phone, ...change } : phone)));
  }

  return (
    <div className={form.wide}>
      {phones.map((phone, index) => (
        <div key={index} className={form.row}>
          <Field id={`client-phone-${index}`} label={`Phone ${index + 1}`} errors={errors[index]?.number}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="tel"
                autoComplete="off"
                value={phone.number}
                onChange={(event) => update(index, { number: event.target.value })}
              />
            )}
          </Field>
          <Field id={`client-phone-${index}-type`} label={`Phone ${index + 1} type`} errors={errors[index]?.type}>
            {(props) => (
              <select
                {...props}
                className={form.input}
                value={phone.type}
                onChange={(event) => update(index, { type: event.target.value as PhoneType })}
              >
                {phoneType.keys.map((type) => (
                  <option key={type} value={type}>
                    {phoneTypeLabels[type]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange(phones.filter((_, i) => i !== index))}
          >
            Remove phone {index + 1}
          </button>
        </div>
      ))}
      {listErrors.length > 0 && (
        <p className={fieldStyles.error}>{listErrors.map((message) => fieldMessage("Phones", message)).join(" ")}</p>
      )}
      {phones.length < maxPhones && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange([...phones, { number: "", type: "mobile" }])}
          >
            Add a phone number
          </button>
        </p>
      )}
    </div>
  );
}
