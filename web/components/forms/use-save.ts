"use client";

import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";

/**
 * Saving a settings form: while it saves, whether the last save worked (cleared by `edited` when the agent
 * changes something), and why it failed. `save` resolves with what the API answered, handed to `onSaved`.
 */
export function useSave<T>(onSaved: (result: T) => void) {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(call: () => Promise<T>) {
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const result = await call();
      setSaved(true);
      onSaved(result);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setSaving(false);
    }
  }

  return { save, saving, saved, error, edited: () => setSaved(false) };
}
