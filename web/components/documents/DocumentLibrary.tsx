"use client";

import { useState } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import { documentsApi, type UploadProgress } from "@/lib/documents-api";
import { useLoad } from "@/lib/use-load";
import { AskDocuments } from "./AskDocuments";
import { citedPlace, DocumentViewer, type DocumentViewerProps } from "./DocumentViewer";
import styles from "./DocumentLibrary.module.css";
import { UploadFileInput } from "../forms/UploadFileInput";

/** The Documents page: upload with progress, the list with status and delete, the Ask box, and the opened passage. */
export function DocumentLibrary() {
  const { state, reload } = useLoad("documents", (signal) => documentsApi.list(signal));
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<DocumentViewerProps | null>(null);

  async function upload(file: File) {
    setUploading(true);
    setError(null);
    setProgress(null);
    try {
      await documentsApi.upload(file, setProgress);
      reload();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setUploading(false);
    }
  }

  async function remove(documentId: string) {
    setError(null);
    try {
      await documentsApi.delete(documentId);
      if (opened?.documentId === documentId) setOpened(null);
      reload();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  return (
    <>
      <h1>Documents</h1>
      <div className={styles.upload}>
        <UploadFileInput label="Upload a PDF, Word, Markdown or text file" accept=".pdf,.docx,.md,.markdown,.txt" disabled={uploading} onFile={(file) => void upload(file)} />
        {uploading && (
          <progress className={styles.progress} aria-label="Upload progress" max={1} value={uploadFraction(progress)}>
            {describeProgress(progress)}
          </progress>
        )}
        {uploading && <span>{describeProgress(progress)}</span>}
        {!uploading && progress?.stage === "done" && (
          <span role="status">{progress.duplicate ? `${progress.document.title} was already uploaded.` : `${progress.document.title} is ready.`}</span>
        )}
      </div>
      {error && <ProblemAlert error={error} />}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && state.value.documents.length === 0 && <p>No documents yet. Upload your policy forms and carrier guides to ask them questions.</p>}
      {state.status === "loaded" && state.value.embedding.passagesDone < state.value.embedding.passagesTotal && (
        <p role="status">
          Re-embedding for {state.value.embedding.model}: {state.value.embedding.passagesDone} of {state.value.embedding.passagesTotal} passages
          done; until then the others are found by their words only.{" "}
          <button type="button" onClick={reload}>
            Refresh
          </button>
        </p>
      )}
      {state.status === "loaded" && state.value.documents.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Document</th>
              <th>Pages</th>
              <th>Passages</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.value.documents.map((d) => (
              <tr key={d.documentId}>
                <td>
                  <button type="button" onClick={() => setOpened({ documentId: d.documentId, passage: { start: 0, end: 0 } })}>
                    {d.title}
                  </button>
                </td>
                <td>{d.pageCount || "—"}</td>
                <td>{d.passageCount}</td>
                <td>{d.status}</td>
                <td>
                  <button type="button" onClick={() => void remove(d.documentId)} aria-label={`Delete ${d.title}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AskDocuments onOpenCitation={(citation) => setOpened(citedPlace(citation))} />
      {opened && <DocumentViewer key={`${opened.documentId}-${opened.passage.start}-${opened.quote?.start}`} {...opened} />}
    </>
  );
}

export function uploadFraction(progress: UploadProgress | null): number | undefined {
  if (!progress) return undefined;
  if (progress.stage === "done") return 1;
  if (progress.stage === "embedding" && progress.total > 0) return 0.1 + (0.8 * progress.done) / progress.total;
  return progress.stage === "saving" ? 0.95 : 0.1;
}

export function describeProgress(progress: UploadProgress | null): string {
  if (!progress) return "Uploading and reading the file…";
  switch (progress.stage) {
    case "parsed":
      return `Read ${progress.total} passages`;
    case "embedding":
      return `Indexing passages ${progress.done} of ${progress.total}`;
    case "saving":
      return "Saving";
    default:
      return "Done";
  }
}
