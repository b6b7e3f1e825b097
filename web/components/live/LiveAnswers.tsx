import { CitedAnswer } from "@/components/documents/CitedAnswer";
import type { Citation } from "@/lib/documents-api";
import type { LiveAnswer } from "@/lib/live-call";
import styles from "./LiveCall.module.css";

interface LiveAnswersProps {
  answers: LiveAnswer[];
  onOpenCitation: (citation: Citation) => void;
}

/** The client's questions answered from the agency's documents, each citation opening its passage. */
export function LiveAnswers({ answers, onOpenCitation }: LiveAnswersProps) {
  if (answers.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby="live-answers">
      <h2 id="live-answers">From your documents</h2>
      <ul className={styles.list}>
        {[...answers].reverse().map((a) => (
          <li key={a.answerId} aria-label={`Answer to “${a.question}”`}>
            <p className={styles.why}>The client asked “{a.question}”</p>
            <CitedAnswer answer={a.answer} citations={a.citations} onOpenCitation={onOpenCitation} />
          </li>
        ))}
      </ul>
    </section>
  );
}
