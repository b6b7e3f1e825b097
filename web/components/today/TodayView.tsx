"use client";

import { useState } from "react";
import { PageHeader } from "../PageHeader";
import { CallQueue } from "./CallQueue";
import { QueueRules } from "./QueueRules";
import styles from "./TodayView.module.css";

/** The Today page: the call queue, and beside it the rules that fill it (saving them re-reads the queue). */
export function TodayView() {
  const [queueVersion, setQueueVersion] = useState(0);
  return (
    <>
      <PageHeader title="Today" />
      <div className={styles.layout}>
        <CallQueue version={queueVersion} />
        <aside className={styles.aside}>
          <QueueRules onSaved={() => setQueueVersion((version) => version + 1)} />
        </aside>
      </div>
    </>
  );
}
