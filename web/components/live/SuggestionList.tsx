import type { Suggestion } from "@/lib/live-call";
import styles from "./LiveCall.module.css";

/** The playbook cards the client's words called for, newest first. */
export function SuggestionList({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <section className={styles.panel} aria-labelledby="live-suggestions">
      <h2 id="live-suggestions">Suggestions</h2>
      {suggestions.length === 0 && <p className="muted">Cards from your playbook show here when the client’s words call for one.</p>}
      <ul className={styles.list} aria-label="Suggestions">
        {[...suggestions].reverse().map((s) => (
          <li key={s.suggestionId} className={styles.card} aria-label={s.title}>
            <h3>{s.title}</h3>
            <p>{s.guidance}</p>
            <p className={styles.why}>Because the client said “{s.utterance}”</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
