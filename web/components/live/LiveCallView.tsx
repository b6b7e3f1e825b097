"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { citedPlace, DocumentViewer, type DocumentViewerProps } from "@/components/documents/DocumentViewer";
import { Notice } from "@/components/Notice";
import { PageHeader } from "@/components/PageHeader";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import type { Draft } from "@/lib/live-call";
import { liveCallApi } from "@/lib/live-call-api";
import type { ConnectionStatus } from "@/lib/live-connection";
import { useLiveCall } from "@/lib/use-live-call";
import { ActionPanel } from "./ActionPanel";
import { AudioSources } from "./AudioSources";
import { CallNotes } from "./CallNotes";
import { CallSummaryEditor } from "./CallSummaryEditor";
import { LiveAnswers } from "./LiveAnswers";
import { LiveTranscript } from "./LiveTranscript";
import { SuggestionList } from "./SuggestionList";
import styles from "./LiveCall.module.css";

const statusText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  open: "Connected",
  reconnecting: "Connection lost; reconnecting…",
  replaced: "This call is open in another window.",
  closed: "Disconnected",
};

/** The screen an agent works a call on: audio, transcript, suggestions, answers, actions, notes; End → the log. */
export function LiveCallView({ callId }: { callId: string }) {
  const router = useRouter();
  const live = useLiveCall(callId);
  const { call, status } = live;
  const [opened, setOpened] = useState<DocumentViewerProps | null>(null);
  const [ending, setEnding] = useState(false);
  const [endedDraft, setEndedDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ended = call.state === "ended" || endedDraft !== null;
  const { stopAll } = live;
  // However the call ended (here, in another window, or idle on the server), the audio stops.
  useEffect(() => {
    if (ended) stopAll();
  }, [ended, stopAll]);

  async function end() {
    setEnding(true);
    setError(null);
    try {
      setEndedDraft(await liveCallApi.end(callId));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setEnding(false);
    }
  }

  const connection = (
    <span className={styles.status} role="status">
      {statusText[status]}
      {status === "replaced" && (
        <>
          {" "}
          <button type="button" className="button button-secondary" onClick={live.reconnect}>
            Continue here
          </button>
        </>
      )}
    </span>
  );
  if (!call.loaded)
    return (
      <>
        <PageHeader title="Call" back={{ href: "/calls", label: "Calls" }}>
          {connection}
        </PageHeader>
      </>
    );

  const draft = call.draft ?? endedDraft;
  const client = call.clientName || "The client";
  return (
    <>
      <PageHeader
        title={`Call with ${call.clientName}`}
        back={{ href: `/clients/${encodeURIComponent(call.clientId)}`, label: call.clientName || "Client" }}
        actions={
          !ended && (
            <button type="button" className="button button-danger" onClick={end} disabled={ending}>
              {ending ? "Ending…" : "End call"}
            </button>
          )
        }
      >
        {connection}
      </PageHeader>
      {call.doNotCall && (
        <Notice tone="danger" role="alert">
          {client} is marked do not call.
        </Notice>
      )}
      {!call.recordingConsent && (
        <Notice tone="warning" role="status">
          {client} has not agreed to be recorded: no audio of this call is kept. Ask before you record.
        </Notice>
      )}
      {call.error && (
        <Notice tone="warning" role="alert">
          {call.error.message}
        </Notice>
      )}
      {error && <ProblemAlert error={error} />}
      {ended && draft && <CallSummaryEditor callId={callId} draft={draft} onSaved={(callLogId) => router.push(`/calls/${encodeURIComponent(callLogId)}`)} />}
      <div className={styles.layout}>
        <div className={styles.column}>
          {!ended && (
            <AudioSources
              clientName={call.clientName}
              sources={live.sources}
              levels={live.levels}
              muted={call.muted}
              disabled={status !== "open"}
              onStart={live.startSource}
              onStop={live.stopSource}
              onMute={(channel, muted) => live.send({ type: "mute", channel, muted })}
            />
          )}
          <LiveTranscript clientName={call.clientName} transcript={call.transcript} partials={call.partials} />
          <CallNotes notes={call.notes} disabled={ended} onAdd={(text) => live.send({ type: "note", text })} />
        </div>
        <div className={styles.column}>
          <SuggestionList suggestions={call.suggestions} />
          <LiveAnswers answers={call.answers} onOpenCitation={(citation) => setOpened(citedPlace(citation))} />
          {opened && <DocumentViewer key={`${opened.documentId}-${opened.passage.start}-${opened.quote?.start}`} {...opened} />}
          <ActionPanel callId={callId} proposals={call.proposals} ended={ended} />
        </div>
      </div>
    </>
  );
}
