"use client";

import { useSession } from "@/lib/session";
import { SettingsSection } from "./SettingsSection";
import styles from "./AccountSettings.module.css";

/** Who is signed in. */
export function AccountSettings() {
  const { state } = useSession();
  if (state.status !== "signed-in") return null;
  const { displayName, email } = state.agent;

  return (
    <SettingsSection id="account" title="Account">
      <dl className={styles.details}>
        <dt>Name</dt>
        <dd>{displayName}</dd>
        <dt>E-mail</dt>
        <dd>{email}</dd>
      </dl>
    </SettingsSection>
  );
}
