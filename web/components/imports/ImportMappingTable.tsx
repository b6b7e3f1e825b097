import type { ColumnMapping } from "@/lib/imports-api";
import { importFieldGroups, type ImportField } from "@/lib/import-fields";
import { fieldMessage } from "../forms/Field";
import fieldStyles from "../forms/Field.module.css";
import form from "../forms/form.module.css";
import styles from "./imports.module.css";

interface ImportMappingTableProps {
  mapping: ColumnMapping[];
  onChange: (mapping: ColumnMapping[]) => void;
  /** The API's errors for each column's field, by position. */
  errors: string[][];
  disabled: boolean;
}

/** Step 2: each column of the file and the field it feeds, as suggested from its header; the agent can change any. */
export function ImportMappingTable({ mapping, onChange, errors, disabled }: ImportMappingTableProps) {
  function set(columnIndex: number, field: ImportField) {
    onChange(mapping.map((column) => (column.columnIndex === columnIndex ? { ...column, field } : column)));
  }

  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((column, position) => {
            const id = `import-column-${column.columnIndex}`;
            const columnErrors = errors[position] ?? [];
            return (
              <tr key={column.columnIndex}>
                <th scope="row">
                  <label htmlFor={id}>{column.header || `Column ${column.columnIndex + 1}`}</label>
                </th>
                <td>
                  <select
                    id={id}
                    className={form.input}
                    value={column.field}
                    disabled={disabled}
                    aria-invalid={columnErrors.length > 0 ? true : undefined}
                    aria-describedby={columnErrors.length > 0 ? `${id}-error` : undefined}
                    onChange={(event) => set(column.columnIndex, event.target.value as ImportField)}
                  >
                    <option value="ignore">Don&apos;t import</option>
                    {importFieldGroups.map((group) => (
                      <optgroup key={group.label} label={group.label}>
                        {group.fields.map(({ field, label }) => (
                          <option key={field} value={field}>
                            {label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  {columnErrors.length > 0 && (
                    <p id={`${id}-error`} className={fieldStyles.error}>
                      {columnErrors.map((message) => fieldMessage("This column", message)).join(" ")}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
