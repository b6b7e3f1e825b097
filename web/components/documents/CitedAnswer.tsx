import type { Citation } from "@/lib/documents-api";
import { answerParts } from "./highlight";
import styles from "./AskDocuments.module.css";

interface CitedAnswerProps {
  /** The answer's text with `[n]` markers. */
  answer: string;
  citations: Citation[];
  onOpenCitation: (citation: Citation) => void;
}

/** An answer whose `[n]` markers and listed sources open the cited passages; an unverified citation says why. */
export function CitedAnswer({ answer, citations, onOpenCitation }: CitedAnswerProps) {
  const byNumber = new Map(citations.map((c) => [c.number, c]));
  return (
    <>
      <p className={styles.answer} aria-label="Answer">
        {answerParts(answer).map((part, index) =>
          typeof part === "number" && byNumber.has(part) ? (
            <button key={index} type="button" className={styles.cite} onClick={() => onOpenCitation(byNumber.get(part)!)}>
              [{part}]
            </button>
          ) : (
            <span key={index}>{typeof part === "number" ? `[${part}]` : part}</span>
          ),
        )}
      </p>
      <ol className={styles.citations} aria-label="Sources">
        {citations.map((citation) => (
          <li key={citation.number}>
            <button type="button" className={styles.cite} onClick={() => onOpenCitation(citation)}>
              {describe(citation)}
            </button>
            {!citation.verified && <span className={styles.flag}> — {citation.problem}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

function describe({ passage }: Citation): string {
  const place = passage.page > 0 ? `page ${passage.page}` : passage.headingPath.join(" › ");
  return place ? `${passage.documentTitle}, ${place}` : passage.documentTitle;
}
