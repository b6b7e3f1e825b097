"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { PageHeader } from "@/components/PageHeader";
import { ProblemAlert } from "@/components/ProblemAlert";
import { Time } from "@/components/Time";
import { asApiError, type ApiError } from "@/lib/api";
import { callLogsApi, formatDuration, type CallLogSummary } from "@/lib/call-logs-api";
import { useLoad } from "@/lib/use-load";
import styles from "./CallLogs.module.css";

/** The Calls page: the agent's call logs, newest first, a search over transcripts and summaries, and more on request. */
export function CallLogList() {
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [more, setMore] = useState<{ logs: CallLogSummary[]; nextPageToken: string } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const { state, reload } = useLoad(`call-logs:${query}`, (signal) => callLogsApi.list(query, "", signal));

  function search(event: FormEvent) {
    event.preventDefault();
    setMore(null);
    setQuery(typed.trim());
  }

  async function loadMore(pageToken: string) {
    setMoreError(null);
    try {
      const page = await callLogsApi.list(query, pageToken);
      setMore((shown) => ({ logs: [...(shown?.logs ?? []), ...page.callLogs], nextPageToken: page.nextPageToken }));
    } catch (failure) {
      setMoreError(asApiError(failure));
    }
  }

  const logs = state.status === "loaded" ? [...state.value.callLogs, ...(more?.logs ?? [])] : [];
  const nextPageToken = more ? more.nextPageToken : state.status === "loaded" ? state.value.nextPageToken : "";

  return (
    <>
      <PageHeader title="Calls">Every call leaves a log: its transcript, a summary and the outcome.</PageHeader>
      <form role="search" className={styles.search} onSubmit={search}>
        <label>
          Search transcripts and summaries{" "}
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={'flood cover, "home policy", -voicemail'} />
        </label>
        <button type="submit">Search</button>
      </form>
      {state.status === "loading" && <p>Loading calls…</p>}
      {state.status === "error" && <ProblemAlert error={state.error} onRetry={reload} />}
      {state.status === "loaded" && logs.length === 0 && <p>{query ? `No call mentions “${query}”.` : "No calls logged yet."}</p>}
      {logs.length > 0 && (
        <ul className={styles.logs} aria-label="Call logs">
          {logs.map((log) => (
            <li key={log.callLogId} className={styles.log}>
              <Link href={`/calls/${log.callLogId}`}>{log.clientName || "Unnamed client"}</Link>
              <span className={styles.meta}>
                {log.startedAt && <Time value={log.startedAt} />} · {formatDuration(log.durationSeconds)}
                {log.outcome && <> · {log.outcome}</>}
              </span>
              {log.summary && <p className={styles.summary}>{log.summary}</p>}
            </li>
          ))}
        </ul>
      )}
      {moreError && <ProblemAlert error={moreError} />}
      {nextPageToken && (
        <button type="button" onClick={() => void loadMore(nextPageToken)}>
          More calls
        </button>
      )}
    </>
  );
}
