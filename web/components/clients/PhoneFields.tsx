import { phoneType, phoneTypeLabels, type PhoneType } from "@/lib/client-terms";
import type { Phone } from "@/lib/clients-api";
import { fieldMessage } from "../forms/Field";
import fieldStyles from "../forms/Field.module.css";
import form from "../forms/form.module.css";
import { SelectField, TextField } from "../forms/inputs";

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
          <TextField
            id={`client-phone-${index}`}
            label={`Phone ${index + 1}`}
            errors={errors[index]?.number}
            type="tel"
            autoComplete="off"
            value={phone.number}
            onChange={(number) => update(index, { number })}
          />
          <SelectField
            id={`client-phone-${index}-type`}
            label={`Phone ${index + 1} type`}
            errors={errors[index]?.type}
            value={phone.type}
            onChange={(type) => update(index, { type: type as PhoneType })}
          >
            {phoneType.keys.map((type) => (
              <option key={type} value={type}>
                {phoneTypeLabels[type]}
              </option>
            ))}
          </SelectField>
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
