"use client";

import { useSearchParams } from "next/navigation";

/** Confirms, on the landing page, that the account just deleted is gone (`?accountDeleted=1`). */
export function AccountDeletedNotice() {
  if (useSearchParams().get("accountDeleted") !== "1") return null;
  return (
    <p role="status" className="muted">
      Your account has been deleted.
    </p>
  );
}
