"use client";

import { useState, type FormEvent } from "react";
import { uploadImport, type Import } from "@/lib/imports-api";
import { Field } from "../forms/Field";
import { FormErrors } from "../forms/form-errors";
import { FormProblem } from "../forms/FormProblem";
import form from "../forms/form.module.css";
import { useSaveAndLeave } from "../forms/use-save";
import styles from "./imports.module.css";

/** Step 1: choose a CSV file and upload it; the service answers with its columns and a suggested mapping. */
export function ImportUpload({ onUploaded }: { onUploaded: (uploaded: Import) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { save, saving: uploading, error } = useSaveAndLeave();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    await save(async () => onUploaded(await uploadImport(file)));
  }

  const errors = new FormErrors(error);
  const fileErrors = errors.for("file", "fileName");
  return (
    <section aria-labelledby="import-upload-heading" className={styles.step}>
      <h2 id="import-upload-heading" className={styles.heading}>
        Choose a file
      </h2>
      <p className="muted">
        A CSV file exported from your previous system (or from AgentCalls), with a header line naming the columns.
        Commas, semicolons, tabs and pipes all work. Nothing changes in your book until you run the import.
      </p>
      <form className={styles.uploadForm} onSubmit={handleSubmit}>
        <FormProblem errors={errors} what="import" />
        <Field id="import-file" label="CSV file" errors={fileErrors}>
          {(props) => (
            <input
              {...props}
              className={form.input}
              type="file"
              accept=".csv,.txt,text/csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <div className={form.actions}>
          <button type="submit" className="button button-primary" disabled={!file || uploading}>
            {uploading ? "Uploading…" : "Upload"}
          </button>
        </div>
      </form>
    </section>
  );
}
