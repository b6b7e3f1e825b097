"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { ClientInput, PostalAddress } from "@/lib/clients-api";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import { TextAreaField, TextField } from "../forms/inputs";
import { textFields } from "../forms/text-fields";
import form from "../forms/form.module.css";
import { notSaved, useSaveAndLeave } from "../forms/use-save";
import { CallingFields } from "./CallingFields";
import { HouseholdFields, useHouseholdChoice } from "./HouseholdFields";
import { PhoneFields } from "./PhoneFields";

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

/** The address lines typed as they are; the country code follows them, upper-cased. */
const addressLines = [
  { key: "line1", id: "client-address-line1", label: "Address line 1" },
  { key: "line2", id: "client-address-line2", label: "Address line 2" },
  { key: "city", id: "client-city", label: "City" },
  { key: "region", id: "client-region", label: "State or region" },
  { key: "postalCode", id: "client-postal-code", label: "Postal code" },
] as const;

/**
 * Creates or edits a client. Field errors from the API appear next to their fields; nothing the agent
 * typed is lost when a save fails.
 */
export function ClientForm({ initial, submitLabel, savingLabel, onSave, onReload, cancelHref, householdName }: ClientFormProps) {
  const [input, setInput] = useState<ClientInput>(initial);
  const [tagsText, setTagsText] = useState(initial.tags.join(", "));
  const household = useHouseholdChoice(initial.householdId);
  const { save, saving, error, reload, reloading } = useSaveAndLeave();

  function set<K extends keyof ClientInput>(key: K, value: ClientInput[K]) {
    setInput((current) => ({ ...current, [key]: value }));
  }

  function setAddress(key: keyof PostalAddress, value: string) {
    setInput((current) => ({ ...current, address: { ...current.address, [key]: value } }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save(async () => {
      const householdId = await household.settle();
      if (householdId === undefined) return notSaved;
      // Blank phone rows are dropped here, in the form too, so the API's phones[i] still name the rows shown.
      const phones = input.phones.filter((phone) => phone.number.trim() !== "");
      setInput((current) => ({ ...current, phones }));
      await onSave({ ...input, phones, householdId, tags: splitTags(tagsText) });
    });
  }

  const errors = new FormErrors(error);
  const phoneErrors = input.phones.map((_, index) => ({
    number: errors.for(`phones[${index}].number`),
    type: errors.for(`phones[${index}].type`),
  }));
  const addressErrors = Object.fromEntries(addressLines.map(({ key }) => [key, errors.for(`address.${key}`)]));
  const countryCodeErrors = errors.for("address.countryCode");
  const fieldErrors = {
    displayName: errors.for("displayName"),
    email: errors.for("email"),
    phones: errors.for("phones"),
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
  const field = textFields(input, set, fieldErrors);

  return (
    <form className={form.form} onSubmit={handleSubmit} noValidate>
      <FormProblem errors={errors} what="client" onReload={onReload && (() => reload(onReload))} reloading={reloading} />

      <fieldset className={form.section}>
        <legend className={form.legend}>Contact</legend>
        <div className={form.grid}>
          <TextField id="client-name" label="Name" autoComplete="off" required {...field("displayName")} />
          <TextField id="client-email" label="E-mail" type="email" autoComplete="off" {...field("email")} />
          <TextField id="client-date-of-birth" label="Date of birth" type="date" {...field("dateOfBirth")} />
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
          {addressLines.map(({ key, id, label }) => (
            <TextField
              key={key}
              id={id}
              label={label}
              errors={addressErrors[key]}
              value={input.address[key]}
              onChange={(value) => setAddress(key, value)}
            />
          ))}
          <TextField
            id="client-country"
            label="Country code"
            errors={countryCodeErrors}
            hint="Two letters, e.g. US"
            maxLength={2}
            value={input.address.countryCode}
            onChange={(value) => setAddress("countryCode", value.toUpperCase())}
          />
        </div>
      </fieldset>

      <HouseholdFields household={household} errors={fieldErrors.householdId} householdName={householdName} />
      <CallingFields input={input} set={set} field={field} recordingConsentErrors={fieldErrors.recordingConsent} />

      <fieldset className={form.section}>
        <legend className={form.legend}>Notes</legend>
        <div className={form.grid}>
          <TextField
            id="client-tags"
            label="Tags"
            errors={fieldErrors.tags}
            hint="Separate tags with commas"
            autoComplete="off"
            value={tagsText}
            onChange={setTagsText}
          />
          <TextField id="client-external-id" label="ID in your previous system" autoComplete="off" {...field("externalId")} />
          <div className={form.wide}>
            <TextAreaField id="client-notes" label="Notes" rows={4} {...field("notes")} />
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
