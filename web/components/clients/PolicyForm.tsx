"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { asApiError, type ApiError } from "@/lib/api";
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
import { Field } from "../forms/Field";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import form from "../forms/form.module.css";

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
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
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
    setSaving(true);
    setError(null);
    try {
      await onSave({ ...input, premiumMinor: premium.minor, endDate: hasEndDate(input.status) ? input.endDate : "" });
    } catch (failure) {
      setError(asApiError(failure));
      setSaving(false);
    }
  }

  async function handleReload() {
    if (!onReload) return;
    setReloading(true);
    try {
      await onReload();
    } catch (failure) {
      setError(asApiError(failure));
      setReloading(false);
    }
  }

  const errors = new FormErrors(error);
  const fieldErrors = {
    policyNumber: errors.for("policyNumber"),
    carrier: errors.for("carrier"),
    lineOfBusiness: errors.for("lineOfBusiness"),
    status: errors.for("status"),
    premium: [...(premiumError ? [premiumError] : []), ...errors.for("premiumMinor")],
    currencyCode: errors.for("currencyCode"),
    effectiveDate: errors.for("effectiveDate"),
    expirationDate: errors.for("expirationDate"),
    // Claimed only while the field is shown, so the alert above lists it otherwise.
    endDate: hasEndDate(input.status) ? errors.for("endDate") : [],
    notes: errors.for("notes"),
  };
  const titleId = `${id}-title`;

  return (
    <form className={form.section} aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId} className={form.legend}>
        {title}
      </h3>
      <FormProblem errors={errors} what="policy" onReload={onReload && handleReload} reloading={reloading} />
      <div className={form.grid}>
        <Field id={`${id}-number`} label="Policy number" errors={fieldErrors.policyNumber}>
          {(props) => (
            <input
              {...props}
              ref={firstInput}
              className={form.input}
              autoComplete="off"
              value={input.policyNumber}
              onChange={(event) => set("policyNumber", event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-carrier`} label="Carrier" errors={fieldErrors.carrier}>
          {(props) => (
            <input
              {...props}
              className={form.input}
              autoComplete="off"
              value={input.carrier}
              onChange={(event) => set("carrier", event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-line`} label="Line of business" errors={fieldErrors.lineOfBusiness}>
          {(props) => (
            <select
              {...props}
              className={form.input}
              value={input.lineOfBusiness ?? ""}
              onChange={(event) => set("lineOfBusiness", (event.target.value || undefined) as LineOfBusiness | undefined)}
            >
              <option value="">Choose…</option>
              {lineOfBusiness.keys.map((line) => (
                <option key={line} value={line}>
                  {lineOfBusinessLabels[line]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-status`} label="Status" errors={fieldErrors.status}>
          {(props) => (
            <select
              {...props}
              className={form.input}
              value={input.status ?? ""}
              onChange={(event) => set("status", (event.target.value || undefined) as PolicyStatus | undefined)}
            >
              <option value="">Choose…</option>
              {policyStatus.keys.map((status) => (
                <option key={status} value={status}>
                  {policyStatusLabels[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-premium`} label="Premium" errors={fieldErrors.premium} hint="e.g. 1234.50">
          {(props) => (
            <input
              {...props}
              className={form.input}
              inputMode="decimal"
              autoComplete="off"
              value={premiumText}
              onChange={(event) => setPremiumText(event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-currency`} label="Currency" errors={fieldErrors.currencyCode}>
          {(props) => (
            <input
              {...props}
              className={form.input}
              maxLength={3}
              autoComplete="off"
              value={input.currencyCode}
              onChange={(event) => set("currencyCode", event.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field id={`${id}-effective`} label="Effective date" errors={fieldErrors.effectiveDate}>
          {(props) => (
            <input
              {...props}
              className={form.input}
              type="date"
              value={input.effectiveDate}
              onChange={(event) => set("effectiveDate", event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-expiration`} label="Expiration date" errors={fieldErrors.expirationDate}>
          {(props) => (
            <input
              {...props}
              className={form.input}
              type="date"
              value={input.expirationDate}
              onChange={(event) => set("expirationDate", event.target.value)}
            />
          )}
        </Field>
        {hasEndDate(input.status) && (
          <Field
            id={`${id}-end`}
            label={input.status === "lapsed" ? "Lapse date" : "Cancellation date"}
            errors={fieldErrors.endDate}
            hint="Today if left empty"
          >
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="date"
                value={input.endDate}
                onChange={(event) => set("endDate", event.target.value)}
              />
            )}
          </Field>
        )}
        <div className={form.wide}>
          <Field id={`${id}-notes`} label="Policy notes" errors={fieldErrors.notes}>
            {(props) => (
              <textarea
                {...props}
                className={form.input}
                rows={3}
                value={input.notes}
                onChange={(event) => set("notes", event.target.value)}
              />
            )}
          </Field>
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
