import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Documents" };

export default function DocumentsPage() {
  return (
    <EmptyState title="Documents" heading="Your agency's documents">
      This will hold your agency's documents. The assistant will answer your questions from
      them and cite the passages it used.
    </EmptyState>
  );
}
