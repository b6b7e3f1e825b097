"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { majorToMinor, minorToMajor } from "@/lib/format";
import type { PolicyInput } from "@/lib/policies-api";
import {
  hasEndDate,
  lineOfBusiness,
  lineOfBusinessLabels,
  policyStatus,
  policyStatusLabels,
  type LineOfBusiness,
  type PolicyStatus,
} from "@/lib/policy-terms";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import { SelectField, TextAreaField, TextField } from "../forms/inputs";
import { textFields } from "../forms/text-fields";
import form from "../forms/form.module.css";
import { useSaveAndLeave } from "../forms/use-save";

export const emptyPolicyInput: PolicyInput = {
  policyNumber: "",
  carrier: "",
  lineOfBusiness: undefined,
  status: "active",
  premiumMinor: "0",
  currencyCode: "USD",
  effectiveDate: "",
  expirationDate: "",
  endDate: "",
  notes: "",
};

interface PolicyFormProps {
  /** The form's name, e.g. "New policy" or "Edit policy HO-1234". */
  title: string;
  initial: PolicyInput;
  submitLabel: string;
  savingLabel: string;
  /** Saves the policy; throws ApiError when the API refuses, and the form shows why. */
  onSave: (input: PolicyInput) => Promise<void>;
  /** After a 409: loads the latest version (the parent remounts the form with it). */
  onReload?: () => Promise<void>;
  onCancel: () => void;
}

/** Adds or edits a policy. The premium is typed in major units and sent in minor units. */
export function PolicyForm({ title, initial, submitLabel, savingLabel, onSave, onReload, onCancel }: PolicyFormProps) {
  const id = useId();
  const [input, setInput] = useState<PolicyInput>(initial);
  const [premiumText, setPremiumText] = useState(
    initial.premiumMinor === "0" ? "" : minorToMajor(initial.premiumMinor, initial.currencyCode),
  );
  const [premiumError, setPremiumError] = useState("");
  const { save, saving, error, reload, reloading } = useSaveAndLeave();
  const firstInput = useRef<HTMLInputElement>(null);

  // The form opens below the list of policies: take the agent there.
  useEffect(() => firstInput.current?.focus(), []);

  function set<K extends keyof PolicyInput>(key: K, value: PolicyInput[K]) {
    setInput((current) => ({ ...current, [key]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const premium = majorToMinor(premiumText, input.currencyCode.trim() || "USD");
    if ("error" in premium) {
      setPremiumError(premium.error);
      return;
    }
    setPremiumError("");
    await save(() => onSave({ ...input, premiumMinor: premium.minor, endDate: hasEndDate(input.status) ? input.endDate : "" }));
  }

  const errors = new FormErrors(error);
  const fieldErrors = {
    policyNumber: errors.for("policyNumber"),
    carrier: errors.for("carrier"),
    lineOfBusiness: errors.for("lineOfBusiness"),
    status: errors.for("status"),
    currencyCode: errors.for("currencyCode"),
    effectiveDate: errors.for("effectiveDate"),
    expirationDate: errors.for("expirationDate"),
    // Claimed only while the field is shown, so the alert above lists it otherwise.
    endDate: hasEndDate(input.status) ? errors.for("endDate") : [],
    notes: errors.for("notes"),
  };
  const premiumErrors = [...(premiumError ? [premiumError] : []), ...errors.for("premiumMinor")];
  const field = textFields(input, set, fieldErrors);
  const titleId = `${id}-title`;

  return (
    <form className={form.section} aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId} className={form.legend}>
        {title}
      </h3>
      <FormProblem errors={errors} what="policy" onReload={onReload && (() => reload(onReload))} reloading={reloading} />
      <div className={form.grid}>
        <TextField id={`${id}-number`} label="Policy number" ref={firstInput} autoComplete="off" {...field("policyNumber")} />
        <TextField id={`${id}-carrier`} label="Carrier" autoComplete="off" {...field("carrier")} />
        <SelectField
          id={`${id}-line`}
          label="Line of business"
          errors={fieldErrors.lineOfBusiness}
          value={input.lineOfBusiness ?? ""}
          onChange={(value) => set("lineOfBusiness", (value || undefined) as LineOfBusiness | undefined)}
        >
          <option value="">Choose…</option>
          {lineOfBusiness.keys.map((line) => (
            <option key={line} value={line}>
              {lineOfBusinessLabels[line]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-status`}
          label="Status"
          errors={fieldErrors.status}
          value={input.status ?? ""}
          onChange={(value) => set("status", (value || undefined) as PolicyStatus | undefined)}
        >
          <option value="">Choose…</option>
          {policyStatus.keys.map((status) => (
            <option key={status} value={status}>
              {policyStatusLabels[status]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-premium`}
          label="Premium"
          errors={premiumErrors}
          hint="e.g. 1234.50"
          inputMode="decimal"
          autoComplete="off"
          value={premiumText}
          onChange={setPremiumText}
        />
        <TextField
          id={`${id}-currency`}
          label="Currency"
          maxLength={3}
          autoComplete="off"
          {...field("currencyCode")}
          onChange={(value) => set("currencyCode", value.toUpperCase())}
        />
        <TextField id={`${id}-effective`} label="Effective date" type="date" {...field("effectiveDate")} />
        <TextField id={`${id}-expiration`} label="Expiration date" type="date" {...field("expirationDate")} />
        {hasEndDate(input.status) && (
          <TextField
            id={`${id}-end`}
            label={input.status === "lapsed" ? "Lapse date" : "Cancellation date"}
            hint="Today if left empty"
            type="date"
            {...field("endDate")}
          />
        )}
        <div className={form.wide}>
          <TextAreaField id={`${id}-notes`} label="Policy notes" rows={3} {...field("notes")} />
        </div>
      </div>
      <div className={form.actions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? savingLabel : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
