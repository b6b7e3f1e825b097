import type { Metadata } from "next";
import { EditClient } from "@/components/clients/EditClient";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: PageProps<"/clients/[clientId]/edit">) {
  const { clientId } = await params;
  return <EditClient clientId={clientId} />;
}
