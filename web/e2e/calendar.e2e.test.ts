import { expect, test } from "vitest";
import { postFromPage, screenshot, signInAsNewAgent, usePage } from "./browser";

const browserPage = usePage();

/** A date `days` from today, as google.type.Date. */
function dateIn(days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.now() + days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Calls the gateway from the signed-in page, as the app does (session cookie, X-CSRF on writes). */
const postJson = <T>(path: string, body: unknown) => postFromPage<T>(browserPage.current(), path, body);

/**
 * Reloads the page until `check` holds on what the server sends (events reach Clients a moment after Calendar
 * answers). It reloads before the first check: the page may already show the outcome from its own state.
 */
async function reloadUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const page = browserPage.current();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.reload();
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await page.waitForTimeout(1000);
  }
}

test("an agent schedules a call from the Today queue, sees it on the calendar and the client, then moves and cancels it", async ({
  onTestFailed,
}) => {
  const page = browserPage.current();
  onTestFailed(async () => {
    const path = await screenshot(page, "calendar-failure");
    console.error(`Screenshot of the failure at ${page.url()}: ${path}`);
  });
  const stamp = Date.now();
  const name = `Rosa Renewal ${stamp}`;

  await signInAsNewAgent(page, `E2E Calendar ${stamp}`, `e2e-calendar-${stamp}@example.com`);
  await page.getByText("Nobody needs a call today.").waitFor();

  // A client whose policy renews within the renewal window (45 days by default) is due a call.
  const client = await postJson<{ clientId: string }>("/api/clients", {
    displayName: name,
    phones: [{ number: "+1 312 555 0177", type: "PHONE_TYPE_MOBILE" }],
  });
  await postJson(`/api/clients/${client.clientId}/policies`, {
    policyNumber: `HO-${stamp}`,
    carrier: "Acme Mutual",
    lineOfBusiness: "LINE_OF_BUSINESS_HOME",
    status: "POLICY_STATUS_ACTIVE",
    premiumMinor: "123450",
    currencyCode: "USD",
    effectiveDate: dateIn(-340),
    expirationDate: dateIn(20),
  });

  await page.reload();
  const queue = page.getByRole("list", { name: "Clients to call" });
  const entry = queue.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  await entry.waitFor();
  expect(await entry.textContent()).toContain(`Renewal in 20 days (HO-${stamp})`);

  await entry.getByRole("button", { name: `Schedule call with ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Schedule a call with ${name}` });
  await dialog.waitFor();
  const firstSlot = dialog.getByRole("radio").first();
  const startTime = (await firstSlot.getAttribute("value")) ?? "";
  await firstSlot.check();
  await dialog.getByLabel("Notes for the event").fill("About the home renewal");
  await dialog.getByRole("button", { name: "Schedule call" }).click();

  const scheduled = page.getByRole("status").filter({ hasText: `Call with ${name} scheduled for` });
  await scheduled.waitFor();
  expect(await dialog.count()).toBe(0);
  expect(await queue.getByRole("link", { name, exact: true }).count()).toBe(0);
  const calendarLink = page.getByRole("link", { name: "See it on the calendar" });
  expect(await calendarLink.getAttribute("href")).toBe(`/calendar?at=${encodeURIComponent(startTime)}`);

  // Once Clients has heard of the call (CallScheduled), the queue leaves the client out for good.
  const nobody = page.getByText("Nobody needs a call today.");
  await reloadUntil(async () => {
    await nobody.or(queue).first().waitFor();
    return (await nobody.count()) > 0;
  }, "the Today queue leaves the client out");

  // The client page shows the next call.
  await page.goto(`/clients/${client.clientId}`);
  const nextCall = page.getByRole("region", { name: "Calling" }).locator("dt", { hasText: "Next call" }).locator("xpath=following-sibling::dd");
  await nextCall.waitFor();
  expect(await nextCall.locator("time").getAttribute("dateTime")).toBe(startTime.replace(/\.000Z$/, "Z"));

  // The calendar shows the call in its week: a call, with the client's name linking to the client.
  await page.goto(`/calendar?at=${encodeURIComponent(startTime)}`);
  await page.getByRole("heading", { level: 1, name: "Calendar" }).waitFor();
  await page.getByText("Your calls are on AgentCalls' own calendar.").waitFor();
  const clientLink = page.getByRole("link", { name, exact: true });
  await clientLink.waitFor();
  expect(await clientLink.getAttribute("href")).toBe(`/clients/${client.clientId}`);
  const call = page.getByRole("listitem").filter({ has: clientLink });
  expect(await call.locator("time").getAttribute("dateTime")).toBe(startTime);
  expect(await call.textContent()).toContain("+13125550177");

  // Move it to another free time.
  await call.getByRole("button", { name: `Reschedule the call with ${name}` }).click();
  const moveDialog = page.getByRole("dialog", { name: `Reschedule the call with ${name}` });
  await moveDialog.waitFor();
  const otherSlot = moveDialog.getByRole("radio").nth(1);
  const movedTime = (await otherSlot.getAttribute("value")) ?? "";
  expect(movedTime).not.toBe(startTime);
  await otherSlot.check();
  await moveDialog.getByRole("button", { name: "Move call" }).click();
  await page.getByRole("status").filter({ hasText: `The call with ${name} is moved to` }).waitFor();

  await page.goto(`/calendar?at=${encodeURIComponent(movedTime)}`);
  const moved = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  await moved.waitFor();
  expect(await moved.locator("time").getAttribute("dateTime")).toBe(movedTime);

  // Cancel it: asked first, then gone from the calendar.
  await moved.getByRole("button", { name: `Cancel the call with ${name}` }).click();
  await moved.getByRole("group", { name: `Cancel the call with ${name}?` }).getByRole("button", { name: "Cancel call" }).click();
  await page.getByRole("status").filter({ hasText: "is cancelled" }).waitFor();
  await page.getByRole("link", { name, exact: true }).waitFor({ state: "detached" });
  await page.getByRole("heading", { level: 1, name: "Calendar" }).waitFor();
});
