import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Today" };

export default function TodayPage() {
  return (
    <EmptyState title="Today" heading="Your call queue">
      This will be your list of clients to call today: those with renewals coming due, those
      whose policies have lapsed, and those you haven't contacted in a while.
    </EmptyState>
  );
}
