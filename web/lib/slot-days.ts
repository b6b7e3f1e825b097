import type { FreeSlot, FreeSlots } from "./calendar-api";
import { addDays, toZoned } from "./zoned-time";

/** How many days one ask for free slots covers, and how many slots it takes at most. */
export const slotDaysPerPage = 14;
export const slotsPerPage = 60;

export interface SlotDay {
  /** "YYYY-MM-DD" in the agent's zone. */
  date: string;
  slots: FreeSlot[];
}

export interface SlotPage {
  days: SlotDay[];
  timeZone: string;
  /** The first day the next page starts at. */
  nextFirstDay: string;
}

/**
 * Free slots grouped by the agent's days. When the service stopped at `maxSlots`, the last day may be cut
 * short: it is left for the next page, which starts at it.
 */
export function toSlotPage(free: FreeSlots, firstDay: string, maxSlots: number): SlotPage {
  const timeZone = free.timeZone || "UTC";
  const days: SlotDay[] = [];
  for (const slot of free.slots) {
    const date = toZoned(new Date(slot.startTime), timeZone).date;
    const day = days.at(-1);
    if (day?.date === date) day.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  const truncated = free.slots.length >= maxSlots && days.length > 1;
  const kept = truncated ? days.slice(0, -1) : days;
  const nextFirstDay = truncated ? (days.at(-1) as SlotDay).date : addDays(firstDay, slotDaysPerPage);
  return { days: kept, timeZone, nextFirstDay };
}
