"use client";

import { useRouter } from "next/navigation";
import { createClient } from "@/lib/clients-api";
import { PageHeader } from "../PageHeader";
import { ClientForm } from "./ClientForm";
import { emptyClientInput } from "./client-input";

/** Adds a client to the book, then opens the client's page. */
export function NewClient() {
  const router = useRouter();
  return (
    <>
      <PageHeader title="New client" back={{ href: "/clients", label: "Clients" }} />
      <ClientForm
        initial={emptyClientInput}
        submitLabel="Add client"
        savingLabel="Adding…"
        cancelHref="/clients"
        onSave={async (input) => {
          const client = await createClient(input);
          router.push(`/clients/${encodeURIComponent(client.clientId)}`);
        }}
      />
    </>
  );
}
