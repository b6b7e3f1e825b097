import { mkdir } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const resultsDir = new URL("../test-results/", import.meta.url);

/** The gateway in front of the app; every URL in the tests is relative to it. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("Set E2E_BASE_URL to the gateway's address, e.g. E2E_BASE_URL=http://127.0.0.1:8080");
  return url;
}

/** Debian's Chromium, headless; never a browser downloaded by Playwright. `extraArgs` add switches (a fake microphone). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** Saves a full-page screenshot into web/test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = new URL(`${name}.png`, resultsDir).pathname;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One browser page on the gateway for the tests of the file (or `describe`) that calls this: launched before
 * them, closed after. The page is `current()`, valid inside the tests.
 */
export function usePage(extraArgs: string[] = []): { current: () => Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
    const context = await browser.newContext({ baseURL: baseUrl() });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    current: () => {
      if (!page) throw new Error("The page is only there inside the tests.");
      return page;
    },
  };
}

/** Signs in on Identity's development sign-in page as a new agent, and waits for the Today page. */
export async function signInAsNewAgent(page: Page, displayName: string, email: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("textbox", { name: "Your name" }).fill(displayName);
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/today");
}

/** POSTs JSON to the gateway from the signed-in page, as the app does (session cookie, X-CSRF); throws unless 200. */
export async function postFromPage<T>(page: Page, path: string, body: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF": "1" },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { path, body },
  );
  if (answer.status !== 200) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as T;
}
