"use client";

import { useState } from "react";
import styles from "./LiveCall.module.css";

interface CallNotesProps {
  notes: string[];
  /** Sends the note; false when it could not be sent (the socket is down). */
  onAdd: (text: string) => boolean;
  disabled: boolean;
}

/** Notes kept with the call and its log; a note shows once the server echoes it. */
export function CallNotes({ notes, onAdd, disabled }: CallNotesProps) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState("");

  function add(event: React.FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (onAdd(text.trim())) {
      setText("");
      setProblem("");
    } else setProblem("Not connected to the call: the note is kept here; add it again once the call is back.");
  }

  return (
    <section className={styles.panel} aria-labelledby="live-notes">
      <h2 id="live-notes">Notes</h2>
      <ul className={styles.list} aria-label="Notes">
        {notes.map((note, index) => (
          <li key={index}>{note}</li>
        ))}
      </ul>
      <form className={styles.form} onSubmit={add}>
        <label htmlFor="live-note">New note</label>
        <textarea id="live-note" rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} disabled={disabled} />
        <div className={styles.row}>
          <button type="submit" className="button button-secondary" disabled={disabled || !text.trim()}>
            Add note
          </button>
          {problem && <span role="alert">{problem}</span>}
        </div>
      </form>
    </section>
  );
}
