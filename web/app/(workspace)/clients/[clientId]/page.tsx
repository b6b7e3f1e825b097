import type { Metadata } from "next";
import { ClientView } from "@/components/clients/ClientView";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: PageProps<"/clients/[clientId]">) {
  const { clientId } = await params;
  return <ClientView clientId={clientId} />;
}
