"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PageHeader } from "@/components/PageHeader";
import { ProblemAlert } from "@/components/ProblemAlert";
import { Time } from "@/components/Time";
import { asApiError, type ApiError } from "@/lib/api";
import { callLogsApi, formatDuration, outcomes, type CallLogDetail } from "@/lib/call-logs-api";
import { useLoad } from "@/lib/use-load";
import confirmPanel from "../ConfirmPanel.module.css";
import styles from "./CallLogs.module.css";

/** One call log: the transcript with speakers and times, the summary and outcome to edit, the actions' audit trail, delete. */
export function CallLogView({ callLogId }: { callLogId: string }) {
  const { state, reload, set } = useLoad(`call-log:${callLogId}`, (signal) => callLogsApi.get(callLogId, signal));

  if (state.status === "loading") return <p>Loading the call…</p>;
  if (state.status === "error") return <ProblemAlert error={state.error} onRetry={reload} />;
  const log = state.value;
  return (
    <>
      <PageHeader title={`Call with ${log.clientName || "an unnamed client"}`} back={{ href: "/calls", label: "Calls" }}>
        {log.startedAt && <Time value={log.startedAt} />} · {formatDuration(log.durationSeconds)}
      </PageHeader>
      <EditCallLog key={`${log.summary}|${log.outcome}`} log={log} onSaved={set} />
      {(log.followUps.length > 0 || log.notes.length > 0) && (
        <section className={styles.section} aria-labelledby="follow-ups">
          <h2 id="follow-ups">Follow-ups and notes</h2>
          <ul>
            {[...log.followUps, ...log.notes].map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </section>
      )}
      <section className={styles.section} aria-labelledby="transcript">
        <h2 id="transcript">Transcript</h2>
        {log.transcript.length === 0 ? (
          <p>Nothing was transcribed.</p>
        ) : (
          <ol className={styles.transcript}>
            {log.transcript.map((line, index) => (
              <li key={index} className={styles.line}>
                <span className={styles.speaker}>{line.speaker === "agent" ? "You" : "Client"}</span>
                <span className={styles.time}>
                  {formatDuration(line.start)}–{formatDuration(line.end)}
                </span>
                <span>{line.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={styles.section} aria-labelledby="actions">
        <h2 id="actions">Actions</h2>
        {log.audit.length === 0 ? (
          <p>No actions were proposed.</p>
        ) : (
          <ol className={styles.audit}>
            {log.audit.map((step, index) => (
              <li key={index}>
                {step.at && <Time value={step.at} />} · <strong>{step.step}</strong> {step.kind.replaceAll("_", " ")}{" "}
                <code>{step.arguments}</code>
                {step.result && <> — {step.result}</>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <DeleteCallLog callLogId={log.callLogId} />
    </>
  );
}

function EditCallLog({ log, onSaved }: { log: CallLogDetail; onSaved: (log: CallLogDetail) => void }) {
  const [summary, setSummary] = useState(log.summary);
  const [outcome, setOutcome] = useState(log.outcome);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onSaved(await callLogsApi.update(log.callLogId, { summary, outcome }));
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  return (
    <form className={`${styles.section} ${styles.edit}`} onSubmit={save} aria-label="Summary and outcome">
      <label htmlFor="summary">Summary</label>
      <textarea id="summary" value={summary} maxLength={4000} onChange={(e) => setSummary(e.target.value)} />
      <label>
        Outcome{" "}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {!outcomes.some((o) => o === outcome) && <option value={outcome}>{outcome || "Not recorded"}</option>}
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      {error && <ProblemAlert error={error} />}
      <button type="submit" className="button" disabled={pending || (summary === log.summary && outcome === log.outcome)}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}

function DeleteCallLog({ callLogId }: { callLogId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function remove() {
    setError(null);
    try {
      await callLogsApi.delete(callLogId);
      router.push("/calls");
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
        Delete call log
      </button>
    );
  }

  return (
    <div role="group" aria-labelledby="delete-log-title" className={confirmPanel.confirm}>
      <p id="delete-log-title" className={confirmPanel.title}>
        Delete this call log?
      </p>
      <p>Its transcript, summary and actions go with it. It cannot be undone.</p>
      {error && <ProblemAlert error={error} />}
      <button type="button" className="button button-danger" onClick={() => void remove()}>
        Delete
      </button>{" "}
      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}
