import { api, ApiError } from "./api";
import { asArray, asBoolean, asNumber, asObject, asString, asStrings, asTimestamp } from "./proto-json";

export const documentsPath = "/api/conversation/documents";

export function documentPath(documentId: string): string {
  return `${documentsPath}/${encodeURIComponent(documentId)}`;
}

/** A document as listed, with proto3's omitted defaults filled in. */
export interface DocumentSummary {
  documentId: string;
  title: string;
  format: string;
  sizeBytes: number;
  pageCount: number;
  passageCount: number;
  status: string;
  uploadedAt?: string;
}

/** How far the agent's passages are embedded by the configured model (the rest are being re-embedded). */
export interface EmbeddingProgress {
  model: string;
  passagesDone: number;
  passagesTotal: number;
}

/** A piece of a document; offsets point into the document's text (UTF-16, as JavaScript counts). */
export interface Passage {
  passageId: string;
  documentId: string;
  documentTitle: string;
  page: number;
  headingPath: string[];
  text: string;
  startOffset: number;
  endOffset: number;
}

export interface DocumentDetail {
  document: DocumentSummary;
  text: string;
  passages: Passage[];
}

/** Where a claim of an answer comes from; an unverified one carries the reason as `problem`. */
export interface Citation {
  number: number;
  passage: Passage;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  verified: boolean;
  problem: string;
}

/** One message of a streamed answer: text pieces, then a final one with the checked citations. */
export interface AnswerMessage {
  text: string;
  final: boolean;
  covered: boolean;
  answer: string;
  citations: Citation[];
  source: string;
}

/** Upload progress as the service reports it; `done` carries the stored document. */
export type UploadProgress =
  | { stage: "parsed" | "embedding" | "saving"; done: number; total: number }
  | { stage: "done"; duplicate: boolean; document: DocumentSummary };

/** ListDocuments' answer: the documents, and how far they are embedded by the configured model. */
export function toDocumentList(value: unknown): { documents: DocumentSummary[]; embedding: EmbeddingProgress } {
  const listed = asObject(value);
  const embedding = asObject(listed.embedding);
  return {
    documents: asArray(listed.documents).map(toDocumentSummary),
    embedding: { model: asString(embedding.model), passagesDone: asNumber(embedding.passagesDone), passagesTotal: asNumber(embedding.passagesTotal) },
  };
}

export function toDocumentSummary(value: unknown): DocumentSummary {
  const d = asObject(value);
  return {
    documentId: asString(d.documentId),
    title: asString(d.title),
    format: asString(d.format),
    sizeBytes: asNumber(d.sizeBytes),
    pageCount: asNumber(d.pageCount),
    passageCount: asNumber(d.passageCount),
    status: asString(d.status),
    uploadedAt: asTimestamp(d.uploadedAt),
  };
}

export function toPassage(value: unknown): Passage {
  const p = asObject(value);
  return {
    passageId: asString(p.passageId),
    documentId: asString(p.documentId),
    documentTitle: asString(p.documentTitle),
    page: asNumber(p.page),
    headingPath: asStrings(p.headingPath),
    text: asString(p.text),
    startOffset: asNumber(p.startOffset),
    endOffset: asNumber(p.endOffset),
  };
}

export function toAnswerMessage(value: unknown): AnswerMessage {
  const m = asObject(value);
  return {
    text: asString(m.text),
    final: asBoolean(m.final),
    covered: asBoolean(m.covered),
    answer: asString(m.answer),
    source: asString(m.source),
    citations: asArray(m.citations).map(toCitation),
  };
}

/** A citation in AskDocuments' REST JSON (also how the live call's answers carry them). */
export function toCitation(value: unknown): Citation {
  const citation = asObject(value);
  return {
    number: asNumber(citation.number),
    passage: toPassage(citation.passage),
    quote: asString(citation.quote),
    quoteStart: asNumber(citation.quoteStart),
    quoteEnd: asNumber(citation.quoteEnd),
    verified: asBoolean(citation.verified),
    problem: asString(citation.problem),
  };
}

export function toUploadProgress(value: unknown): UploadProgress {
  const line = asObject(value);
  const stage = asString(line.stage);
  if (stage === "done") return { stage, duplicate: asBoolean(line.duplicate), document: toDocumentSummary(line.document) };
  if (stage === "parsed" || stage === "embedding" || stage === "saving") return { stage, done: asNumber(line.done), total: asNumber(line.total) };
  if (stage === "failed") throw new ApiError({ status: 500, title: "The document could not be indexed", detail: asString(line.detail) });
  throw new ApiError({ status: 0, title: "The server sent an upload step the app does not know", detail: stage });
}

/**
 * Splits a growing stream of JSON values into whole values: newline-delimited JSON, or the array form
 * (`[{…},{…}]`) some servers stream. Returns the values complete so far and the unfinished rest.
 */
export function takeJsonValues(buffer: string): { values: unknown[]; rest: string } {
  const values: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let consumed = 0;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0 && start >= 0) {
        values.push(JSON.parse(buffer.slice(start, i + 1)));
        consumed = i + 1;
        start = -1;
      }
    }
  }
  return { values, rest: buffer.slice(depth > 0 && start >= 0 ? start : consumed) };
}

/** POSTs and hands each JSON value of the streamed answer to `onValue` as it arrives. */
async function streamJson(path: string, init: RequestInit, onValue: (value: unknown) => void): Promise<void> {
  const headers = new Headers(init.headers);
  headers.set("X-CSRF", "1");
  headers.set("Accept", "application/json, application/x-ndjson, application/problem+json");
  let response: Response;
  try {
    response = await fetch(path, { ...init, method: "POST", headers, credentials: "same-origin" });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw ApiError.network(cause);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const taken = takeJsonValues(buffer + value);
    buffer = taken.rest;
    taken.values.forEach(onValue);
  }
}

export const documentsApi = {
  list: async (signal?: AbortSignal) => toDocumentList(await api.get<unknown>(documentsPath, { signal })),
  get: async (documentId: string, signal?: AbortSignal): Promise<DocumentDetail> => {
    const d = asObject(await api.get<unknown>(documentPath(documentId), { signal }));
    return { document: toDocumentSummary(d.document), text: asString(d.text), passages: asArray(d.passages).map(toPassage) };
  },
  delete: (documentId: string) => api.delete(documentPath(documentId)),
  /** Uploads a file; progress arrives as the service parses, embeds and saves it. */
  upload: (file: File, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal) =>
    streamJson(
      `${documentsPath}?name=${encodeURIComponent(file.name)}`,
      { body: file, headers: { "Content-Type": "application/octet-stream" }, signal },
      (value) => onProgress(toUploadProgress(value)),
    ),
  /** Asks the documents; the answer's text arrives in pieces, then a final message with the checked citations. */
  ask: (question: string, onMessage: (message: AnswerMessage) => void, signal?: AbortSignal) =>
    streamJson(
      `${documentsPath}:ask`,
      { body: JSON.stringify({ question }), headers: { "Content-Type": "application/json" }, signal },
      (value) => onMessage(toAnswerMessage(value)),
    ),
};
