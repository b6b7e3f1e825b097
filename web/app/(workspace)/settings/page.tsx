import type { Metadata } from "next";
import { AccountSettings } from "@/components/AccountSettings";
import { CalendarFeedSettings } from "@/components/CalendarFeedSettings";
import { DeleteAccountSettings } from "@/components/DeleteAccountSettings";
import { GoogleCalendarSettings } from "@/components/GoogleCalendarSettings";
import { PlaybookSettings } from "@/components/PlaybookSettings";
import { SessionSettings } from "@/components/SessionSettings";
import { SpeechSettings } from "@/components/SpeechSettings";
import styles from "./settings.module.css";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <h1 className={styles.title}>Settings</h1>
      <div className={styles.sections}>
        <AccountSettings />
        <GoogleCalendarSettings />
        <CalendarFeedSettings />
        <SpeechSettings />
        <PlaybookSettings />
        <SessionSettings />
        <DeleteAccountSettings />
      </div>
    </>
  );
}
