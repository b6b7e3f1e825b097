import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Calls" };

export default function CallsPage() {
  return (
    <EmptyState title="Calls" heading="Your call logs">
      This will list your calls, each with its transcript, a summary and the outcome.
    </EmptyState>
  );
}
