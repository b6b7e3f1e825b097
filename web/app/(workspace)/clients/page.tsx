import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Clients" };

export default function ClientsPage() {
  return (
    <EmptyState title="Clients" heading="Your book of clients">
      This will hold your book of clients and their policies, with search and a way to import
      the client list you already have.
    </EmptyState>
  );
}
