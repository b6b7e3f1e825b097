"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { getClient } from "@/lib/clients-api";
import { useLoad } from "@/lib/use-load";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";
import { ClientDetails } from "./ClientDetails";
import { ClientHistory } from "./ClientHistory";
import { ClientPolicies } from "./ClientPolicies";
import { DeleteClient } from "./DeleteClient";
import styles from "./ClientView.module.css";

interface ClientViewProps {
  clientId: string;
  /** More actions for the client, shown beside "Edit client" (where scheduling a call will go). */
  actions?: ReactNode;
}

/** One client's page: details, policies (edited in place) and the history of changes. */
export function ClientView({ clientId, actions }: ClientViewProps) {
  const { state, reload, set } = useLoad(clientId, (signal) => getClient(clientId, signal));
  const [historyVersion, setHistoryVersion] = useState(0);

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
            {actions}
          </>
        }
      >
        {client.doNotCall && <span className={styles.doNotCall}>Do not call</span>}
        {client.householdName && <span>Household: {client.householdName}</span>}
      </PageHeader>
      <div className={styles.layout}>
        <ClientDetails client={client} />
        <ClientPolicies client={client} onChanged={refresh} />
        <ClientHistory clientId={clientId} version={historyVersion} />
        <DeleteClient key={client.etag} client={client} onReload={refresh} />
      </div>
    </>
  );
}
