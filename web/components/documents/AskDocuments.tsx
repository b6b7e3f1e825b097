"use client";

import { useRef, useState } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import { documentsApi, type AnswerMessage, type Citation } from "@/lib/documents-api";
import { CitedAnswer } from "./CitedAnswer";
import styles from "./AskDocuments.module.css";

interface AskDocumentsProps {
  /** Opens the cited passage (the Documents page shows it highlighted; the live call may open a side panel). */
  onOpenCitation: (citation: Citation) => void;
  /** Asks with this function instead of the API (the live call passes answers that arrive over its socket). */
  ask?: typeof documentsApi.ask;
}

/** A question box for the agency's documents: the answer streams in, then its citations become links to the passages. */
export function AskDocuments({ onOpenCitation, ask = documentsApi.ask }: AskDocumentsProps) {
  const [question, setQuestion] = useState("");
  const [streamed, setStreamed] = useState("");
  const [final, setFinal] = useState<AnswerMessage | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = useRef<AbortController | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!question.trim()) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setStreamed("");
    setFinal(null);
    setError(null);
    setAsking(true);
    try {
      await ask(
        question,
        (message) => {
          if (message.final) setFinal(message);
          else setStreamed((text) => text + message.text);
        },
        controller.signal,
      );
    } catch (failure) {
      if (!controller.signal.aborted) setError(asApiError(failure));
    } finally {
      if (current.current === controller) setAsking(false);
    }
  }

  return (
    <section aria-label="Ask your documents">
      <form className={styles.form} onSubmit={submit}>
        <input
          className={styles.input}
          aria-label="Question"
          placeholder="Is water backup covered?"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" disabled={asking || !question.trim()}>
          {asking ? "Asking…" : "Ask"}
        </button>
      </form>
      {error && <ProblemAlert error={error} />}
      {!final && streamed && (
        <p className={styles.answer} aria-live="polite">
          {streamed}
        </p>
      )}
      {final && !final.covered && <p className={styles.notCovered}>{final.answer}</p>}
      {final?.covered && <CitedAnswer answer={final.answer} citations={final.citations} onOpenCitation={onOpenCitation} />}
    </section>
  );
}
