"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";

/** What a save's call returns when it stopped before saving and shows why itself (e.g. a household not created). */
export const notSaved = Symbol("not saved");

/**
 * Saving a settings form: while it saves, whether the last save worked (cleared by `edited` when the agent
 * changes something), and why it failed. `save` resolves with what the API answered, handed to `onSaved`.
 */
export function useSave<T>(onSaved: (result: T) => void) {
  return useSaving(onSaved, false);
}

/**
 * Saving a form that goes away once saved (the page moves on, or the parent remounts it with what was saved):
 * it stays busy after a save that worked, so its button cannot send twice. `reload` loads the latest version
 * after a conflict (409); only a failure to load comes back here, as the form's error.
 */
export function useSaveAndLeave() {
  return useSaving<void>(() => {}, true);
}

function useSaving<T>(onSaved: (result: T) => void, leaves: boolean) {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(call: () => Promise<T | typeof notSaved>) {
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const result = await call();
      if (result === notSaved) {
        setSaving(false);
        return;
      }
      setSaved(true);
      if (!leaves) setSaving(false);
      onSaved(result);
    } catch (failure) {
      setError(asApiError(failure));
      setSaving(false);
    }
  }

  async function reload(call: () => Promise<void>) {
    setReloading(true);
    try {
      await call();
    } catch (failure) {
      setError(asApiError(failure));
      setReloading(false);
    }
  }

  return { save, saving, saved, error, edited: () => setSaved(false), reload, reloading };
}
