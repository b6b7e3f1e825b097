import type { ColumnMapping, EncodingOption } from "@/lib/imports-api";
import { fieldMessage } from "../forms/Field";
import fieldStyles from "../forms/Field.module.css";
import form from "../forms/form.module.css";
import styles from "./imports.module.css";

const encodingLabels: Record<string, string> = {
  "utf-8": "UTF-8 (Unicode)",
  "windows-1252": "Windows-1252 (Western European; Excel's “CSV” on Windows)",
  "utf-16le": "UTF-16 (Unicode text)",
  "utf-16be": "UTF-16 big-endian (Unicode text)",
};

function encodingLabel(encoding: string): string {
  return encodingLabels[encoding] ?? encoding;
}

/** The sample rows' names as the mapping reads them: the full name, else first and last name, else the first column. */
function sampleNames(option: EncodingOption, mapping: ColumnMapping[]): string[] {
  const column = (field: ColumnMapping["field"]) => mapping.find((c) => c.field === field)?.columnIndex;
  const [full, first, last] = [column("name"), column("first-name"), column("last-name")];
  const cell = (cells: string[], index: number | undefined) => (index === undefined ? "" : (cells[index] ?? ""));
  return option.rows
    .map((cells) => cell(cells, full) || `${cell(cells, first)} ${cell(cells, last)}`.trim() || (cells[0] ?? ""))
    .filter((name) => name.length > 0);
}

interface ImportEncodingProps {
  options: EncodingOption[];
  encoding: string;
  mapping: ColumnMapping[];
  onChange: (encoding: string) => void;
  errors: string[];
  disabled: boolean;
}

/** How the file's bytes are read as text, with a few names as they read, so the agent sees accents come out right. */
export function ImportEncoding({ options, encoding, mapping, onChange, errors, disabled }: ImportEncodingProps) {
  const chosen = options.find((option) => option.encoding === encoding) ?? options[0];
  if (!chosen) return null;
  const names = sampleNames(chosen, mapping);

  return (
    <section aria-labelledby="import-encoding-heading" className={styles.step}>
      <h2 id="import-encoding-heading" className={styles.heading}>
        Text encoding
      </h2>
      <p className="muted">
        {options.length > 1
          ? "Found from the file's bytes. If the names below show “�” or “Ã©” where accents belong, pick the other one."
          : "The file names its encoding itself (a byte order mark)."}
      </p>
      <label htmlFor="import-encoding">Read the file as</label>
      <select
        id="import-encoding"
        className={form.input}
        value={chosen.encoding}
        disabled={disabled || options.length < 2}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={errors.length > 0 ? "import-encoding-error" : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.encoding} value={option.encoding}>
            {encodingLabel(option.encoding)}
          </option>
        ))}
      </select>
      {errors.length > 0 && (
        <p id="import-encoding-error" className={fieldStyles.error}>
          {errors.map((message) => fieldMessage("The encoding", message)).join(" ")}
        </p>
      )}
      {names.length > 0 && (
        <>
          <p id="import-encoding-names">Names from the file, read this way:</p>
          <ul aria-labelledby="import-encoding-names" className={styles.sampleNames}>
            {names.map((name, index) => (
              <li key={index}>{name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
