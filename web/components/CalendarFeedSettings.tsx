"use client";

import Link from "next/link";
import { useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { getCalendarFeed, regenerateCalendarFeed, type CalendarFeed } from "@/lib/calendar-api";
import { ProblemAlert } from "./ProblemAlert";
import { SettingsSection } from "./SettingsSection";
import { Time } from "./Time";
import form from "./forms/form.module.css";
import confirmPanel from "./ConfirmPanel.module.css";
import styles from "./CalendarFeedSettings.module.css";

/**
 * The agent's private iCalendar feed: the address to subscribe to from any calendar app (made when first
 * asked for, and shown only then: the service keeps only its hash), copied with a click, and replaced when it may
 * have leaked or been lost (the old address stops working).
 * Also where the scheduling settings are.
 */
export function CalendarFeedSettings() {
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [replaced, setReplaced] = useState(false);

  async function run(action: () => Promise<CalendarFeed>, wasReplaced: boolean) {
    setPending(true);
    setError(null);
    try {
      setFeed(await action());
      setReplaced(wasReplaced);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <SettingsSection id="calendar-feed" title="Calendar feed">
      <p>
        Subscribe to your AgentCalls calendar from Google Calendar, Outlook or Apple Calendar with a private iCalendar
        address. Your working hours, call length and time zone are in the{" "}
        <Link href="/calendar#scheduling">scheduling settings on the Calendar page</Link>.
      </p>
      {feed ? (
        <FeedAddress feed={feed} replaced={replaced} pending={pending} onReplace={() => run(regenerateCalendarFeed, true)} />
      ) : (
        <div>
          <button type="button" className="button button-primary" onClick={() => run(() => getCalendarFeed(), false)} disabled={pending}>
            {pending ? "Getting the address…" : "Show my feed address"}
          </button>
        </div>
      )}
      {error && <ProblemAlert error={error} />}
    </SettingsSection>
  );
}

interface FeedAddressProps {
  feed: CalendarFeed;
  replaced: boolean;
  pending: boolean;
  onReplace: () => void;
}

function FeedAddress({ feed, replaced, pending, onReplace }: FeedAddressProps) {
  const [copied, setCopied] = useState<"yes" | "no" | "">("");
  const [confirming, setConfirming] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <>
      {feed.url ? (
        <div className={styles.address}>
          <label htmlFor="calendar-feed-url" className={styles.label}>
            Your feed address
          </label>
          <div className={styles.row}>
            <input
              id="calendar-feed-url"
              className={form.input}
              readOnly
              value={feed.url}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby="calendar-feed-hint"
            />
            <button type="button" className="button button-secondary" onClick={copy}>
              Copy
            </button>
          </div>
          <p id="calendar-feed-hint" className={styles.hint}>
            Anyone with this address can read your calendar: keep it private. It is shown only now: AgentCalls keeps no
            copy of it.
            {feed.createdAt && (
              <>
                {" "}
                Made <Time value={feed.createdAt} />.
              </>
            )}
          </p>
          <p role="status" className={styles.status}>
            {copied === "yes" && "Copied."}
            {copied === "no" && "Could not copy: select the address and copy it yourself."}
            {replaced && copied === "" && "A new address is ready; the old one no longer works."}
          </p>
        </div>
      ) : (
        <p className={styles.address}>
          Your feed address was made
          {feed.createdAt && (
            <>
              {" "}
              <Time value={feed.createdAt} />
            </>
          )}{" "}
          and shown then; AgentCalls keeps no copy of it, so it cannot be shown again. Calendar apps subscribed to it keep
          working. If you no longer have it, replace it with a new one.
        </p>
      )}
      {confirming ? (
        <div role="group" aria-label="Replace the feed address?" className={confirmPanel.confirm}>
          <p>
            Calendar apps subscribed to the current address stop getting updates until you subscribe them to the new one.
          </p>
          <div className={confirmPanel.actions}>
            <button
              type="button"
              className="button button-danger"
              disabled={pending}
              onClick={() => {
                setCopied("");
                setConfirming(false);
                onReplace();
              }}
            >
              Replace the address
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} autoFocus>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} disabled={pending}>
            {pending ? "Replacing…" : "Replace address"}
          </button>
        </div>
      )}
    </>
  );
}
