import type { ReactNode } from "react";
import styles from "./SettingsSection.module.css";

interface SettingsSectionProps {
  /** Names the section's heading, so the section is a labelled region. */
  id: string;
  title: string;
  /** "danger" for the section whose actions cannot be undone. */
  tone?: "danger";
  children: ReactNode;
}

/** One card of the Settings page: a heading and what belongs under it. */
export function SettingsSection({ id, title, tone, children }: SettingsSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={`${styles.section} ${tone === "danger" ? styles.danger : ""}`}>
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
