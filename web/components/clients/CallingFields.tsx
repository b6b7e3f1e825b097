"use client";

import { useState } from "react";
import { recordingConsentLabels, type RecordingConsent } from "@/lib/client-terms";
import type { ClientInput } from "@/lib/clients-api";
import { SelectField, TextField } from "../forms/inputs";
import type { TextFieldsOf } from "../forms/text-fields";
import { TimeZoneOptions } from "../forms/TimeZoneOptions";
import form from "../forms/form.module.css";

interface CallingFieldsProps {
  input: ClientInput;
  set: <K extends keyof ClientInput>(key: K, value: ClientInput[K]) => void;
  /** The client's text fields, with the errors the form claimed for them. */
  field: TextFieldsOf<ClientInput>;
  recordingConsentErrors: string[];
}

/** When and how the client may be called: contact window, time zone, recording consent and do-not-call. */
export function CallingFields({ input, set, field, recordingConsentErrors }: CallingFieldsProps) {
  // Some 400 suggestions: added to the page once the agent goes to the time zone field.
  const [suggestZones, setSuggestZones] = useState(false);
  return (
    <fieldset className={form.section}>
      <legend className={form.legend}>Calling</legend>
      <div className={form.grid}>
        <TextField id="client-window-start" label="Call from" type="time" {...field("contactWindowStart")} />
        <TextField id="client-window-end" label="Call until" type="time" {...field("contactWindowEnd")} />
        <TextField
          id="client-time-zone"
          label="Time zone"
          hint="e.g. America/Chicago"
          list="client-time-zones"
          autoComplete="off"
          onFocus={() => setSuggestZones(true)}
          {...field("timeZone")}
        />
        {suggestZones && <TimeZoneOptions id="client-time-zones" />}
        <SelectField
          id="client-recording-consent"
          label="Call recording"
          errors={recordingConsentErrors}
          value={input.recordingConsent}
          onChange={(value) => set("recordingConsent", value as RecordingConsent)}
        >
          {(Object.keys(recordingConsentLabels) as RecordingConsent[]).map((consent) => (
            <option key={consent} value={consent}>
              {recordingConsentLabels[consent]}
            </option>
          ))}
        </SelectField>
        <label className={`${form.check} ${form.wide}`}>
          <input type="checkbox" checked={input.doNotCall} onChange={(event) => set("doNotCall", event.target.checked)} />
          Do not call this client
        </label>
        {input.doNotCall && (
          <>
            <TextField id="client-dnc-reason" label="Why not" {...field("doNotCallReason")} />
            <TextField
              id="client-dnc-since"
              label="Not to be called since"
              hint="Today if left empty"
              type="date"
              {...field("doNotCallSince")}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
