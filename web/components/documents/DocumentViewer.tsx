"use client";

import { useEffect, useRef } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { documentsApi, type Citation } from "@/lib/documents-api";
import { useLoad } from "@/lib/use-load";
import { highlightSegments, type Range } from "./highlight";
import styles from "./DocumentViewer.module.css";

export interface DocumentViewerProps {
  documentId: string;
  passage: Range;
  quote?: Range;
}

/** Where a citation opens its document: the passage, with the quoted words marked. */
export function citedPlace(citation: Citation): DocumentViewerProps {
  return {
    documentId: citation.passage.documentId,
    passage: { start: citation.passage.startOffset, end: citation.passage.endOffset },
    quote: { start: citation.quoteStart, end: citation.quoteEnd },
  };
}

/** A document's text opened at a passage, the passage highlighted and the quoted words marked. */
export function DocumentViewer({ documentId, passage, quote }: DocumentViewerProps) {
  const { state, reload } = useLoad(documentId, (signal) => documentsApi.get(documentId, signal));
  const mark = useRef<HTMLElement>(null);
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for the effect's cleanup.
  useEffect(() => {
    mark.current?.scrollIntoView?.({ block: "center" });
  }, [state, passage.start, quote?.start]);

  if (state.status === "loading") return <p>Opening the document…</p>;
  if (state.status === "error") return <ProblemAlert error={state.error} onRetry={reload} />;
  const segments = highlightSegments(state.value.text, passage, quote);
  const firstMarked = segments.findIndex((s) => s.kind !== "plain");
  return (
    <article className={styles.viewer} aria-label={state.value.document.title}>
      {segments.map((segment, index) =>
        segment.kind === "plain" ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark key={index} ref={index === firstMarked ? mark : undefined} className={segment.kind === "quote" ? styles.quote : styles.passage}>
            {segment.text}
          </mark>
        ),
      )}
    </article>
  );
}
