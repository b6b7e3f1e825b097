import type { Metadata } from "next";
import { Suspense } from "react";
import { CalendarView } from "@/components/calendar/CalendarView";

export const metadata: Metadata = { title: "Calendar" };

export default function CalendarPage() {
  return (
    // The week shown is in the URL, which is only known in the browser.
    <Suspense>
      <CalendarView />
    </Suspense>
  );
}
