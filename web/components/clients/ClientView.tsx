"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { CalendarEvent } from "@/lib/calendar-api";
import { getClient, type Client } from "@/lib/clients-api";
import { useLoad } from "@/lib/use-load";
import { CallScheduledNotice } from "../calendar/CallScheduledNotice";
import { ScheduleCallButton } from "../calendar/ScheduleCallButton";
import { StartCallButton } from "../live/StartCallButton";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";
import { ClientDetails } from "./ClientDetails";
import { ClientHistory } from "./ClientHistory";
import { ClientPolicies } from "./ClientPolicies";
import { DeleteClient } from "./DeleteClient";
import styles from "./ClientView.module.css";

interface ClientViewProps {
  clientId: string;
  /** More actions for the client, shown beside "Edit client", "Schedule call" and "Start call". */
  actions?: ReactNode;
}

/**
 * How long the page keeps re-reading the client after scheduling a call, until Clients has heard of it
 * (CallScheduled travels through Calendar's outbox and the event stream) and shows it as the next call.
 */
const nextCallReads = 10;
const nextCallReadInterval = 1000;

/** One client's page: details, policies (edited in place), scheduling a call and the history of changes. */
export function ClientView({ clientId, actions }: ClientViewProps) {
  const { state, reload, set } = useLoad(clientId, (signal) => getClient(clientId, signal));
  const [historyVersion, setHistoryVersion] = useState(0);
  const [scheduled, setScheduled] = useState<CalendarEvent | null>(null);
  const mounted = useMounted();

  if (state.status === "loading") {
    return (
      <p role="status" className="muted">
        Loading the client…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <>
        <PageHeader title="Client" back={{ href: "/clients", label: "Clients" }} />
        <ProblemAlert error={state.error} onRetry={state.error.status === 404 ? undefined : reload} />
      </>
    );
  }

  const client = state.value;
  async function refresh() {
    set(await getClient(clientId));
    setHistoryVersion((version) => version + 1);
  }

  async function handleScheduled(call: CalendarEvent) {
    setScheduled(call);
    for (let read = 0; read < nextCallReads && mounted.current; read++) {
      if (read > 0) await new Promise((resolve) => setTimeout(resolve, nextCallReadInterval));
      const latest = await getClient(clientId).catch(() => null);
      if (!mounted.current) return;
      if (latest && showsCall(latest, call)) {
        set(latest);
        return;
      }
    }
  }

  return (
    <>
      <PageHeader
        title={client.displayName}
        back={{ href: "/clients", label: "Clients" }}
        actions={
          <>
            <Link href={`/clients/${encodeURIComponent(clientId)}/edit`} className="button button-secondary">
              Edit client
            </Link>
            <ScheduleCallButton client={client} onScheduled={handleScheduled} />
            <StartCallButton client={client} className="button button-secondary" />
            {actions}
          </>
        }
      >
        {client.doNotCall && <span className={styles.doNotCall}>Do not call</span>}
        {client.householdName && <span>Household: {client.householdName}</span>}
      </PageHeader>
      <div className={styles.layout}>
        {scheduled && (
          <CallScheduledNotice call={scheduled}>
            {!showsCall(client, scheduled) && "It shows here as the next call in a moment."}
          </CallScheduledNotice>
        )}
        <ClientDetails client={client} />
        <ClientPolicies client={client} onChanged={refresh} />
        <ClientHistory clientId={clientId} version={historyVersion} />
        <DeleteClient key={client.etag} client={client} onReload={refresh} />
      </div>
    </>
  );
}

/** Whether Clients has heard of the call: the client's next call is at its start (or earlier, another call). */
function showsCall(client: Client, call: CalendarEvent): boolean {
  return client.nextCallAt !== undefined && Date.parse(client.nextCallAt) <= Date.parse(call.startTime);
}

function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
