import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";

/**
 * Types into long forms quickly: no pause between keys, and no check of CSS pointer-events up the tree
 * before each key (slow in jsdom, and the forms do not use pointer-events).
 */
export const formUser = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });

/**
 * Types a value into a field as one paste; date, time and number inputs take it key by key, as browsers
 * only accept whole values there.
 */
export async function fill(field: HTMLElement, value: string): Promise<void> {
  const type = field.getAttribute("type");
  await formUser.clear(field);
  if (type === "date" || type === "time" || type === "number") {
    await formUser.type(field, value);
    return;
  }
  await formUser.click(field);
  await formUser.paste(value);
}
