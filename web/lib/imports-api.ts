import { api } from "./api";
import { asArray, asBoolean, asNumber, asObject, asString, asStrings, asTimestamp, protoEnum } from "./proto-json";
import { importField, type ImportField } from "./import-fields";

export const importsPath = "/api/clients/imports";
export const exportPath = "/api/clients/export";

export function importPath(importId: string): string {
  return `${importsPath}/${encodeURIComponent(importId)}`;
}

export const importStatus = protoEnum("IMPORT_STATUS", ["uploaded", "queued", "running", "succeeded", "failed", "cancelled"]);
export type ImportStatus = (typeof importStatus.keys)[number];

export const duplicateMode = protoEnum("DUPLICATE_MODE", ["update", "skip"]);
export type DuplicateMode = (typeof duplicateMode.keys)[number];

export const importRowAction = protoEnum("IMPORT_ROW_ACTION", ["create", "update", "skip"]);
export type ImportRowAction = (typeof importRowAction.keys)[number];

/** Which field one CSV column feeds; "ignore" when none. */
export interface ColumnMapping {
  columnIndex: number;
  header: string;
  field: ImportField;
}

/** One way to read the file's bytes as text, with the header and a few rows as they read in it. */
export interface EncodingOption {
  encoding: string;
  header: string[];
  rows: string[][];
}

/** An import of one CSV file, with proto3's omitted defaults filled in. */
export interface Import {
  importId: string;
  fileName: string;
  status?: ImportStatus;
  dryRun: boolean;
  duplicateMode?: DuplicateMode;
  mapping: ColumnMapping[];
  delimiter: string;
  totalRows: number;
  rowsDone: number;
  clientsCreated: number;
  clientsUpdated: number;
  clientsUnchanged: number;
  policiesCreated: number;
  policiesUpdated: number;
  rowsFailed: number;
  /** Values that matched no known line of business or status: their rows were imported, filed as other. */
  valuesFiledAsOther: number;
  /** The encoding the file is read with ("utf-8", "windows-1252", "utf-16le", "utf-16be"). */
  encoding: string;
  /** The encodings the file can be read with, the one found first. */
  encodingOptions: EncodingOption[];
  error: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  /** When the stored file was removed (kept a while after its last use unless imported for real); it cannot start again. */
  fileRemovedAt?: string;
  fileBytes: number;
}

export function toImport(json: unknown): Import {
  const body = asObject(json);
  return {
    importId: asString(body.importId),
    fileName: asString(body.fileName),
    status: importStatus.read(body.status),
    dryRun: asBoolean(body.dryRun),
    duplicateMode: duplicateMode.read(body.duplicateMode),
    mapping: asArray(body.mapping)
      .map((item) => {
        const column = asObject(item);
        return {
          columnIndex: asNumber(column.columnIndex),
          header: asString(column.header),
          field: importField.read(column.field) ?? "ignore",
        };
      })
      .sort((a, b) => a.columnIndex - b.columnIndex),
    delimiter: asString(body.delimiter),
    totalRows: asNumber(body.totalRows),
    rowsDone: asNumber(body.rowsDone),
    clientsCreated: asNumber(body.clientsCreated),
    clientsUpdated: asNumber(body.clientsUpdated),
    clientsUnchanged: asNumber(body.clientsUnchanged),
    policiesCreated: asNumber(body.policiesCreated),
    policiesUpdated: asNumber(body.policiesUpdated),
    rowsFailed: asNumber(body.rowsFailed),
    valuesFiledAsOther: asNumber(body.valuesFiledAsOther),
    encoding: asString(body.encoding),
    encodingOptions: asArray(body.encodingOptions).map((item) => {
      const option = asObject(item);
      return {
        encoding: asString(option.encoding),
        header: asStrings(option.header),
        rows: asArray(option.rows).map((row) => asStrings(asObject(row).cells)),
      };
    }),
    error: asString(body.error),
    createdAt: asTimestamp(body.createdAt),
    startedAt: asTimestamp(body.startedAt),
    finishedAt: asTimestamp(body.finishedAt),
    fileRemovedAt: asTimestamp(body.fileRemovedAt),
    fileBytes: asNumber(body.fileBytes),
  };
}

/** Whether the import is waiting for or in the hands of the import worker. */
export function isInProgress(status: ImportStatus | undefined): boolean {
  return status === "queued" || status === "running";
}

/**
 * Uploads a CSV file as the raw request body (streamed by the service, so large files work): answers the
 * new import with its columns and the suggested mapping.
 */
export async function uploadImport(file: File): Promise<Import> {
  const path = `${importsPath}?fileName=${encodeURIComponent(file.name)}`;
  return toImport(await api.upload<unknown>(path, file, "text/csv"));
}

export async function getImport(importId: string, signal?: AbortSignal): Promise<Import> {
  return toImport(await api.get<unknown>(importPath(importId), { signal, cache: "no-store" }));
}

export interface StartImportOptions {
  dryRun: boolean;
  duplicateMode: DuplicateMode;
  /** Every column with the field it feeds, as the agent left it. */
  mapping: ColumnMapping[];
  /** The encoding to read the file with; one of the import's encoding options. */
  encoding: string;
}

/** Queues the import to run, for real or as a dry run. */
export async function startImport(importId: string, options: StartImportOptions): Promise<Import> {
  return toImport(
    await api.post<unknown>(`${importPath(importId)}/start`, {
      dryRun: options.dryRun,
      duplicateMode: duplicateMode.write(options.duplicateMode),
      mapping: options.mapping.map((column) => ({ columnIndex: column.columnIndex, field: importField.write(column.field) })),
      encoding: options.encoding,
    }),
  );
}

/** Asks a queued or running import to stop; batches already committed stay. */
export async function cancelImport(importId: string): Promise<Import> {
  return toImport(await api.post<unknown>(`${importPath(importId)}/cancel`, {}));
}

/** Why one row was refused, or, kept, a value of an imported row that was filed as other. */
export interface ImportError {
  line: number;
  /** The column's header; "" when the row as a whole is at fault. */
  column: string;
  reason: string;
  /** The row was imported: the value was filed as other, with the file's words kept. */
  kept: boolean;
}

export interface ImportErrorPage {
  errors: ImportError[];
  nextPageToken: string;
}

export async function listImportErrors(importId: string, pageToken = "", signal?: AbortSignal): Promise<ImportErrorPage> {
  const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : "";
  const body = asObject(await api.get<unknown>(`${importPath(importId)}/errors${query}`, { signal, cache: "no-store" }));
  return {
    errors: asArray(body.errors).map((item) => {
      const error = asObject(item);
      return { line: asNumber(error.line), column: asString(error.column), reason: asString(error.reason), kept: asBoolean(error.kept) };
    }),
    nextPageToken: asString(body.nextPageToken),
  };
}

/** What the last run did (or, for a dry run, would do) with one client of the file. */
export interface ImportPreviewRow {
  line: number;
  displayName: string;
  action?: ImportRowAction;
  clientId: string;
  policyCount: number;
}

export async function listImportPreview(importId: string, signal?: AbortSignal): Promise<ImportPreviewRow[]> {
  const body = asObject(await api.get<unknown>(`${importPath(importId)}/preview`, { signal, cache: "no-store" }));
  return asArray(body.rows).map((item) => {
    const row = asObject(item);
    return {
      line: asNumber(row.line),
      displayName: asString(row.displayName),
      action: importRowAction.read(row.action),
      clientId: asString(row.clientId),
      policyCount: asNumber(row.policyCount),
    };
  });
}
