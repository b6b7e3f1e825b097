import type { Metadata } from "next";
import { RecordingLibrary } from "@/components/recordings/RecordingLibrary";

export const metadata: Metadata = { title: "Recordings" };

export default function RecordingsPage() {
  return <RecordingLibrary />;
}
