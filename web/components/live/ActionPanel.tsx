"use client";

import { useRef, useState } from "react";
import { ProblemAlert } from "@/components/ProblemAlert";
import { asApiError, type ApiError } from "@/lib/api";
import { actionSpec, actionSpecs, argumentParts, type ActionSpec } from "@/lib/live-actions";
import type { Proposal } from "@/lib/live-call";
import { liveCallApi } from "@/lib/live-call-api";
import { ActionArgumentsForm } from "./ActionArgumentsForm";
import styles from "./LiveCall.module.css";

interface ActionPanelProps {
  callId: string;
  proposals: Proposal[];
  /** After the call ends nothing more can be proposed (open proposals expire). */
  ended: boolean;
}

/** The actions proposed during the call (by the agent or from what was said), each run only on the agent's Confirm. */
export function ActionPanel({ callId, proposals, ended }: ActionPanelProps) {
  const [proposing, setProposing] = useState<ActionSpec | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function propose(spec: ActionSpec, args: Record<string, unknown>) {
    setPending(true);
    setError(null);
    try {
      await liveCallApi.propose(callId, spec.kind, args);
      setProposing(null);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className={styles.panel} aria-labelledby="live-actions">
      <h2 id="live-actions">Actions</h2>
      {proposals.length === 0 && <p className="muted">Actions proposed from what was said, or by you below, wait here for your Confirm.</p>}
      <ul className={styles.list} aria-label="Proposed actions">
        {[...proposals].reverse().map((p) => (
          <ProposalItem key={p.proposalId} callId={callId} proposal={p} />
        ))}
      </ul>
      {!ended && !proposing && (
        <div className={styles.row} role="group" aria-label="Propose an action">
          {actionSpecs.map((spec) => (
            <button key={spec.kind} type="button" className="button button-secondary" onClick={() => setProposing(spec)}>
              {spec.label}
            </button>
          ))}
        </div>
      )}
      {!ended && proposing && (
        <ActionArgumentsForm
          key={proposing.kind}
          spec={proposing}
          initial={{}}
          submitLabel="Propose"
          pending={pending}
          error={error}
          onSubmit={(args) => propose(proposing, args)}
          onCancel={() => {
            setProposing(null);
            setError(null);
          }}
        />
      )}
    </section>
  );
}

const sources: Record<string, string> = { agent: "proposed by you", speech: "from what was said", model: "proposed by the assistant" };

function ProposalItem({ callId, proposal }: { callId: string; proposal: Proposal }) {
  const spec = actionSpec(proposal.kind);
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // One key per intended confirmation: a retry after a lost answer runs the action once at most; a refusal the
  // server answered (bad arguments) ends that intention, and the next Confirm is a new one.
  const requestId = useRef<string | null>(null);
  const intended = () => (requestId.current ??= crypto.randomUUID());

  async function run(call: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await call();
      setEditing(false);
    } catch (failure) {
      const problem = asApiError(failure);
      if (problem.status !== 0) requestId.current = null;
      setError(problem);
    } finally {
      setPending(false);
    }
  }

  const open = proposal.state === "proposed";
  const parts = argumentParts(spec, proposal.arguments);
  return (
    <li className={styles.card} aria-label={spec.label}>
      <h3>{spec.label}</h3>
      {parts.length > 0 && (
        <p>
          {parts.map((part, index) => (
            <span key={part.label}>
              {index > 0 && " · "}
              {part.label}: {part.dateTime ? <time dateTime={part.dateTime}>{part.text}</time> : part.text}
            </span>
          ))}
        </p>
      )}
      <p className={styles.why}>
        <span className={styles.state}>{proposal.state}</span> · {sources[proposal.source] ?? proposal.source}
        {proposal.result && ` · ${proposal.result}`}
      </p>
      {open && !editing && (
        <div className={styles.row}>
          <button type="button" className="button button-primary" disabled={pending} onClick={() => run(() => liveCallApi.confirm(callId, proposal.proposalId, intended()))}>
            Confirm
          </button>
          {spec.fields.length > 0 && (
            <button type="button" className="button button-secondary" disabled={pending} onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={pending} onClick={() => run(() => liveCallApi.reject(callId, proposal.proposalId))}>
            Reject
          </button>
        </div>
      )}
      {open && editing && (
        <ActionArgumentsForm
          spec={spec}
          initial={proposal.arguments}
          submitLabel="Confirm"
          pending={pending}
          error={error}
          onSubmit={(args) => run(() => liveCallApi.confirm(callId, proposal.proposalId, intended(), args))}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      )}
      {error && !editing && <ProblemAlert error={error} />}
    </li>
  );
}
