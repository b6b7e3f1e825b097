import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    <EmptyState title="Calendar" heading="Your week of calls">
      This will show a week view of your scheduled calls, kept in sync with your Google
      Calendar.
    </EmptyState>
  );
}
