import type { Metadata } from "next";
import { EmptyState } from "@/components/EmptyState";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <EmptyState title="Settings" heading="Your account and connections">
      This is where you'll manage your account and connect your Google account.
    </EmptyState>
  );
}
