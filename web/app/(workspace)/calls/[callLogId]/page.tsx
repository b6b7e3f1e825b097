import type { Metadata } from "next";
import { CallLogView } from "@/components/calls/CallLogView";

export const metadata: Metadata = { title: "Call log" };

export default async function CallLogPage({ params }: PageProps<"/calls/[callLogId]">) {
  const { callLogId } = await params;
  return <CallLogView callLogId={callLogId} />;
}
