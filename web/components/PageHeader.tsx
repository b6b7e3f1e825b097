import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./PageHeader.module.css";

interface PageHeaderProps {
  title: ReactNode;
  /** A link back up, e.g. to the list a page belongs to. */
  back?: { href: string; label: string };
  /** A line under the title. */
  children?: ReactNode;
  /** Buttons and links for the page as a whole. */
  actions?: ReactNode;
}

/** A workspace page's title, with a way back, a line of context and the page's actions. */
export function PageHeader({ title, back, children, actions }: PageHeaderProps) {
  return (
    <header className={styles.header}>
      <div className={styles.text}>
        {back && (
          <Link href={back.href} className={styles.back}>
            ← {back.label}
          </Link>
        )}
        <h1 className={styles.title}>{title}</h1>
        {children && <div className={styles.subtitle}>{children}</div>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}
