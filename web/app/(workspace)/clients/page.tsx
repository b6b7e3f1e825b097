import type { Metadata } from "next";
import { Suspense } from "react";
import { ClientList } from "@/components/clients/ClientList";

export const metadata: Metadata = { title: "Clients" };

export default function ClientsPage() {
  return (
    // The list reads its search and filters from the URL, which is only known in the browser.
    <Suspense>
      <ClientList />
    </Suspense>
  );
}
