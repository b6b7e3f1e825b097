import type { ReactNode } from "react";
import styles from "./Notice.module.css";

interface NoticeProps {
  tone: "success" | "warning" | "danger";
  /** `status` for news that can wait, `alert` for something that went wrong. */
  role: "status" | "alert";
  children: ReactNode;
  /** Buttons that act on the notice (reconnect, dismiss …). */
  actions?: ReactNode;
}

/** A one-line message across the top of a page, with optional actions beside it. */
export function Notice({ tone, role, children, actions }: NoticeProps) {
  return (
    <div className={`${styles.notice} ${styles[tone]}`}>
      <div role={role} className={styles.message}>
        {children}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
