import type { ReactNode } from "react";
import styles from "./CenteredPanel.module.css";

/** A single card in the middle of the page, for screens outside the workspace shell. */
export function CenteredPanel({ children }: { children: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.panel}>{children}</div>
    </main>
  );
}
