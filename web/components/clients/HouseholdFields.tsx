"use client";

import { useEffect, useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { createHousehold, listHouseholds, type Household } from "@/lib/households-api";
import { ProblemAlert } from "../ProblemAlert";
import { SelectField, TextField } from "../forms/inputs";
import form from "../forms/form.module.css";

/** The household select's value for "create a new one". */
const newHousehold = "new";

/** The client's household: one of the agent's, none, or a new one created when the form is sent. */
export function useHouseholdChoice(initialId: string) {
  const [households, setHouseholds] = useState<Household[]>([]);
  const [choice, setChoice] = useState(initialId);
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listHouseholds(controller.signal)
      .then(setHouseholds)
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(failure));
      });
    return () => controller.abort();
  }, []);

  /** The household id to save the client with; creates the new household first. Undefined when that failed (shown here). */
  async function settle(): Promise<string | undefined> {
    setError(null);
    if (choice !== newHousehold) return choice;
    try {
      const created = await createHousehold(newName);
      setHouseholds((current) => [...current, created].sort((a, b) => a.name.localeCompare(b.name)));
      setChoice(created.householdId);
      setNewName("");
      return created.householdId;
    } catch (failure) {
      setError(asApiError(failure));
      return undefined;
    }
  }

  return { households, choice, setChoice, newName, setNewName, error, settle };
}

interface HouseholdFieldsProps {
  household: ReturnType<typeof useHouseholdChoice>;
  /** The API's errors for the client's householdId. */
  errors: string[];
  /** The name of the client's household as last read, until the agent's households are loaded. */
  householdName?: string;
}

export function HouseholdFields({ household, errors, householdName }: HouseholdFieldsProps) {
  const { households, choice, setChoice, newName, setNewName, error } = household;
  const nameErrors = error?.errorsFor("name") ?? [];
  const unlisted = choice && choice !== newHousehold && !households.some((h) => h.householdId === choice);
  return (
    <fieldset className={form.section}>
      <legend className={form.legend}>Household</legend>
      <div className={form.grid}>
        <SelectField id="client-household" label="Household" errors={errors} value={choice} onChange={setChoice}>
          <option value="">No household</option>
          {households.map((h) => (
            <option key={h.householdId} value={h.householdId}>
              {h.name}
            </option>
          ))}
          {unlisted && <option value={choice}>{householdName || "The current household"}</option>}
          <option value={newHousehold}>New household…</option>
        </SelectField>
        {choice === newHousehold && (
          <TextField
            id="client-new-household"
            label="New household's name"
            errors={nameErrors}
            placeholder="The Garcias"
            value={newName}
            onChange={setNewName}
          />
        )}
      </div>
      {error && nameErrors.length === 0 && <ProblemAlert error={error} />}
    </fieldset>
  );
}
