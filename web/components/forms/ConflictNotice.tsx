import type { ReactNode } from "react";
import { Notice } from "../Notice";

interface ConflictNoticeProps {
  what: string;
  onReload: () => void;
  reloading?: boolean;
  /** What became of the agent's action; by default, that their edits are kept in the form. */
  children?: ReactNode;
}

/** A save refused as stale (409): the agent's input stays; loading the latest version is their choice. */
export function ConflictNotice({ what, onReload, reloading, children }: ConflictNoticeProps) {
  return (
    <Notice
      tone="warning"
      role="alert"
      actions={
        <button type="button" className="button button-secondary" onClick={onReload} disabled={reloading}>
          {reloading ? "Loading…" : "Load the latest version"}
        </button>
      }
    >
      <p>
        <strong>This {what} changed since you opened it.</strong>{" "}
        {children ??
          "Someone (or another tab) saved it first, so your changes were not saved. They are still in the form: load the latest version to start again from it, which discards them."}
      </p>
    </Notice>
  );
}
