import type { Metadata } from "next";
import { LiveCallView } from "@/components/live/LiveCallView";

export const metadata: Metadata = { title: "Call" };

export default async function LiveCallPage({ params }: PageProps<"/calls/live/[callId]">) {
  const { callId } = await params;
  return <LiveCallView callId={callId} />;
}
