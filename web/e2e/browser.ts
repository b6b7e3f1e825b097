import { mkdir } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";

export const resultsDir = new URL("../test-results/", import.meta.url);

/** The gateway in front of the app; every URL in the tests is relative to it. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("Set E2E_BASE_URL to the gateway's address, e.g. E2E_BASE_URL=http://127.0.0.1:8080");
  return url;
}

/** Debian's Chromium, headless; never a browser downloaded by Playwright. */
export function launchChromium(): Promise<Browser> {
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
