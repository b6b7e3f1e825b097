import type { Metadata } from "next";
import { CallLogList } from "@/components/calls/CallLogList";

export const metadata: Metadata = { title: "Calls" };

export default function CallsPage() {
  return <CallLogList />;
}
