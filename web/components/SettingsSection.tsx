import type { ReactNode } from "react";
import styles from "./SettingsSection.module.css";

interface SettingsSectionProps {
  /** The section's id (a link can point at it, e.g. /settings#calendar-feed); its heading's is `${id}-heading`. */
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
    <section id={id} aria-labelledby={headingId} className={`${styles.section} ${tone === "danger" ? styles.danger : ""}`}>
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
