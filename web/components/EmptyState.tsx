import type { ReactNode } from "react";
import styles from "./EmptyState.module.css";

interface EmptyStateProps {
  /** The page's name, shown as its main heading. */
  title: string;
  /** What will appear here, in a few words. */
  heading: string;
  /** A plain description of the feature that is coming. */
  children: ReactNode;
}

/** A workspace page whose feature is not built yet: says honestly what will be here. */
export function EmptyState({ title, heading, children }: EmptyStateProps) {
  return (
    <>
      <h1 className={styles.title}>{title}</h1>
      <section className={styles.panel} aria-labelledby="empty-state-heading">
        <span className={styles.badge}>Coming soon</span>
        <h2 id="empty-state-heading" className={styles.heading}>
          {heading}
        </h2>
        <p className={styles.description}>{children}</p>
      </section>
    </>
  );
}
