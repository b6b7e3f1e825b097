"use client";

import Link from "next/link";
import { memo, useEffect, useState, type FormEvent } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { recordingConsentLabels, type RecordingConsent } from "@/lib/client-terms";
import type { ClientInput, PostalAddress } from "@/lib/clients-api";
import { createHousehold, listHouseholds, type Household } from "@/lib/households-api";
import { ProblemAlert } from "../ProblemAlert";
import { Field } from "../forms/Field";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import form from "../forms/form.module.css";
import { PhoneFields } from "./PhoneFields";

/** The household select's value for "create a new one". */
const newHousehold = "new";

interface ClientFormProps {
  initial: ClientInput;
  submitLabel: string;
  savingLabel: string;
  /** Saves the client; throws ApiError when the API refuses, and the form shows why. */
  onSave: (input: ClientInput) => Promise<void>;
  /** After a 409: loads the latest version (the parent remounts the form with it). */
  onReload?: () => Promise<void>;
  cancelHref: string;
  /** The name of the client's household as last read, until the agent's households are loaded. */
  householdName?: string;
}

/**
 * Creates or edits a client. Field errors from the API appear next to their fields; nothing the agent
 * typed is lost when a save fails.
 */
export function ClientForm({
  initial,
  submitLabel,
  savingLabel,
  onSave,
  onReload,
  cancelHref,
  householdName,
}: ClientFormProps) {
  const [input, setInput] = useState<ClientInput>(initial);
  const [tagsText, setTagsText] = useState(initial.tags.join(", "));
  const [households, setHouseholds] = useState<Household[]>([]);
  const [householdChoice, setHouseholdChoice] = useState(initial.householdId);
  const [newHouseholdName, setNewHouseholdName] = useState("");
  const [householdError, setHouseholdError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  // Some 400 suggestions: added to the page once the agent goes to the time zone field.
  const [suggestZones, setSuggestZones] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    listHouseholds(controller.signal)
      .then(setHouseholds)
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setHouseholdError(asApiError(failure));
      });
    return () => controller.abort();
  }, []);

  function set<K extends keyof ClientInput>(key: K, value: ClientInput[K]) {
    setInput((current) => ({ ...current, [key]: value }));
  }

  function setAddress(key: keyof PostalAddress, value: string) {
    setInput((current) => ({ ...current, address: { ...current.address, [key]: value } }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setHouseholdError(null);
    let householdId = householdChoice;
    if (householdChoice === newHousehold) {
      try {
        const created = await createHousehold(newHouseholdName);
        setHouseholds((current) => [...current, created].sort((a, b) => a.name.localeCompare(b.name)));
        setHouseholdChoice(created.householdId);
        setNewHouseholdName("");
        householdId = created.householdId;
      } catch (failure) {
        setHouseholdError(asApiError(failure));
        setSaving(false);
        return;
      }
    }
    // Blank phone rows are dropped here, in the form too, so the API's phones[i] still name the rows shown.
    const phones = input.phones.filter((phone) => phone.number.trim() !== "");
    setInput((current) => ({ ...current, phones }));
    try {
      await onSave({ ...input, phones, householdId, tags: splitTags(tagsText) });
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
  const phoneErrors = input.phones.map((_, index) => ({
    number: errors.for(`phones[${index}].number`),
    type: errors.for(`phones[${index}].type`),
  }));
  const fieldErrors = {
    displayName: errors.for("displayName"),
    email: errors.for("email"),
    phones: errors.for("phones"),
    line1: errors.for("address.line1"),
    line2: errors.for("address.line2"),
    city: errors.for("address.city"),
    region: errors.for("address.region"),
    postalCode: errors.for("address.postalCode"),
    countryCode: errors.for("address.countryCode"),
    dateOfBirth: errors.for("dateOfBirth"),
    householdId: errors.for("householdId"),
    contactWindowStart: errors.for("contactWindowStart"),
    contactWindowEnd: errors.for("contactWindowEnd"),
    timeZone: errors.for("timeZone"),
    // Claimed only while the fields are shown, so the alert above lists them otherwise.
    doNotCallReason: input.doNotCall ? errors.for("doNotCallReason") : [],
    doNotCallSince: input.doNotCall ? errors.for("doNotCallSince") : [],
    recordingConsent: errors.for("recordingConsent"),
    tags: errors.for("tags"),
    notes: errors.for("notes"),
    externalId: errors.for("externalId"),
  };
  const householdNameErrors = householdError?.errorsFor("name") ?? [];

  return (
    <form className={form.form} onSubmit={handleSubmit} noValidate>
      <FormProblem errors={errors} what="client" onReload={onReload && handleReload} reloading={reloading} />

      <fieldset className={form.section}>
        <legend className={form.legend}>Contact</legend>
        <div className={form.grid}>
          <Field id="client-name" label="Name" errors={fieldErrors.displayName}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                autoComplete="off"
                required
                value={input.displayName}
                onChange={(event) => set("displayName", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-email" label="E-mail" errors={fieldErrors.email}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="email"
                autoComplete="off"
                value={input.email}
                onChange={(event) => set("email", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-date-of-birth" label="Date of birth" errors={fieldErrors.dateOfBirth}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="date"
                value={input.dateOfBirth}
                onChange={(event) => set("dateOfBirth", event.target.value)}
              />
            )}
          </Field>
          <PhoneFields
            phones={input.phones}
            onChange={(phones) => set("phones", phones)}
            errors={phoneErrors}
            listErrors={fieldErrors.phones}
          />
        </div>
      </fieldset>

      <fieldset className={form.section}>
        <legend className={form.legend}>Address</legend>
        <div className={form.grid}>
          <Field id="client-address-line1" label="Address line 1" errors={fieldErrors.line1}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                value={input.address.line1}
                onChange={(event) => setAddress("line1", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-address-line2" label="Address line 2" errors={fieldErrors.line2}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                value={input.address.line2}
                onChange={(event) => setAddress("line2", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-city" label="City" errors={fieldErrors.city}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                value={input.address.city}
                onChange={(event) => setAddress("city", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-region" label="State or region" errors={fieldErrors.region}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                value={input.address.region}
                onChange={(event) => setAddress("region", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-postal-code" label="Postal code" errors={fieldErrors.postalCode}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                value={input.address.postalCode}
                onChange={(event) => setAddress("postalCode", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-country" label="Country code" errors={fieldErrors.countryCode} hint="Two letters, e.g. US">
            {(props) => (
              <input
                {...props}
                className={form.input}
                maxLength={2}
                value={input.address.countryCode}
                onChange={(event) => setAddress("countryCode", event.target.value.toUpperCase())}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className={form.section}>
        <legend className={form.legend}>Household</legend>
        <div className={form.grid}>
          <Field id="client-household" label="Household" errors={fieldErrors.householdId}>
            {(props) => (
              <select
                {...props}
                className={form.input}
                value={householdChoice}
                onChange={(event) => setHouseholdChoice(event.target.value)}
              >
                <option value="">No household</option>
                {households.map((household) => (
                  <option key={household.householdId} value={household.householdId}>
                    {household.name}
                  </option>
                ))}
                {householdChoice && householdChoice !== newHousehold && !households.some((h) => h.householdId === householdChoice) && (
                  <option value={householdChoice}>{householdName || "The current household"}</option>
                )}
                <option value={newHousehold}>New household…</option>
              </select>
            )}
          </Field>
          {householdChoice === newHousehold && (
            <Field id="client-new-household" label="New household's name" errors={householdNameErrors}>
              {(props) => (
                <input
                  {...props}
                  className={form.input}
                  placeholder="The Garcias"
                  value={newHouseholdName}
                  onChange={(event) => setNewHouseholdName(event.target.value)}
                />
              )}
            </Field>
          )}
        </div>
        {householdError && householdNameErrors.length === 0 && <ProblemAlert error={householdError} />}
      </fieldset>

      <fieldset className={form.section}>
        <legend className={form.legend}>Calling</legend>
        <div className={form.grid}>
          <Field id="client-window-start" label="Call from" errors={fieldErrors.contactWindowStart}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="time"
                value={input.contactWindowStart}
                onChange={(event) => set("contactWindowStart", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-window-end" label="Call until" errors={fieldErrors.contactWindowEnd}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                type="time"
                value={input.contactWindowEnd}
                onChange={(event) => set("contactWindowEnd", event.target.value)}
              />
            )}
          </Field>
          <Field id="client-time-zone" label="Time zone" errors={fieldErrors.timeZone} hint="e.g. America/Chicago">
            {(props) => (
              <input
                {...props}
                className={form.input}
                list="client-time-zones"
                autoComplete="off"
                value={input.timeZone}
                onFocus={() => setSuggestZones(true)}
                onChange={(event) => set("timeZone", event.target.value)}
              />
            )}
          </Field>
          {suggestZones && <TimeZoneOptions id="client-time-zones" />}
          <Field id="client-recording-consent" label="Call recording" errors={fieldErrors.recordingConsent}>
            {(props) => (
              <select
                {...props}
                className={form.input}
                value={input.recordingConsent}
                onChange={(event) => set("recordingConsent", event.target.value as RecordingConsent)}
              >
                {(Object.keys(recordingConsentLabels) as RecordingConsent[]).map((consent) => (
                  <option key={consent} value={consent}>
                    {recordingConsentLabels[consent]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className={`${form.check} ${form.wide}`}>
            <input type="checkbox" checked={input.doNotCall} onChange={(event) => set("doNotCall", event.target.checked)} />
            Do not call this client
          </label>
          {input.doNotCall && (
            <>
              <Field id="client-dnc-reason" label="Why not" errors={fieldErrors.doNotCallReason}>
                {(props) => (
                  <input
                    {...props}
                    className={form.input}
                    value={input.doNotCallReason}
                    onChange={(event) => set("doNotCallReason", event.target.value)}
                  />
                )}
              </Field>
              <Field id="client-dnc-since" label="Not to be called since" errors={fieldErrors.doNotCallSince} hint="Today if left empty">
                {(props) => (
                  <input
                    {...props}
                    className={form.input}
                    type="date"
                    value={input.doNotCallSince}
                    onChange={(event) => set("doNotCallSince", event.target.value)}
                  />
                )}
              </Field>
            </>
          )}
        </div>
      </fieldset>

      <fieldset className={form.section}>
        <legend className={form.legend}>Notes</legend>
        <div className={form.grid}>
          <Field id="client-tags" label="Tags" errors={fieldErrors.tags} hint="Separate tags with commas">
            {(props) => (
              <input
                {...props}
                className={form.input}
                autoComplete="off"
                value={tagsText}
                onChange={(event) => setTagsText(event.target.value)}
              />
            )}
          </Field>
          <Field id="client-external-id" label="ID in your previous system" errors={fieldErrors.externalId}>
            {(props) => (
              <input
                {...props}
                className={form.input}
                autoComplete="off"
                value={input.externalId}
                onChange={(event) => set("externalId", event.target.value)}
              />
            )}
          </Field>
          <div className={form.wide}>
            <Field id="client-notes" label="Notes" errors={fieldErrors.notes}>
              {(props) => (
                <textarea
                  {...props}
                  className={form.input}
                  rows={4}
                  value={input.notes}
                  onChange={(event) => set("notes", event.target.value)}
                />
              )}
            </Field>
          </div>
        </div>
      </fieldset>

      <div className={form.actions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? savingLabel : submitLabel}
        </button>
        <Link href={cancelHref} className="button button-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** "home, VIP ,, auto" → ["home", "VIP", "auto"]; the API lower-cases and de-duplicates. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** The IANA time zones the browser knows, suggested as the agent types; rendered once, not on every keystroke. */
const TimeZoneOptions = memo(function TimeZoneOptions({ id }: { id: string }) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
});
