"use client";

import { useRouter } from "next/navigation";
import { getClient, updateClient } from "@/lib/clients-api";
import { useLoad } from "@/lib/use-load";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";
import { ClientForm } from "./ClientForm";
import { clientInputOf } from "./client-input";

/** Edits a client: sends back the etag it read, so a change made meanwhile is refused, not overwritten. */
export function EditClient({ clientId }: { clientId: string }) {
  const router = useRouter();
  const { state, reload, set } = useLoad(clientId, (signal) => getClient(clientId, signal));
  const clientHref = `/clients/${encodeURIComponent(clientId)}`;

  if (state.status === "loading") {
    return (
      <p role="status" className="muted">
        Loading the client…
      </p>
    );
  }
  if (state.status === "error") return <ProblemAlert error={state.error} onRetry={reload} />;

  const client = state.value;
  return (
    <>
      <PageHeader title={`Edit ${client.displayName}`} back={{ href: clientHref, label: client.displayName }} />
      <ClientForm
        // A reloaded client is a new version: the form starts again from it.
        key={client.etag}
        initial={clientInputOf(client)}
        householdName={client.householdName}
        submitLabel="Save changes"
        savingLabel="Saving…"
        cancelHref={clientHref}
        onSave={async (input) => {
          await updateClient(clientId, client.etag, input);
          router.push(clientHref);
        }}
        onReload={async () => set(await getClient(clientId))}
      />
    </>
  );
}
