import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, launchChromium, screenshot } from "./browser";

/**
 * Needs a system whose Identity has a Google client, pointed at the local fake of Google, which approves
 * consent at once as Gail Google <gail.google@gmail.test>. The test script sets E2E_GOOGLE=1 for it.
 */
describe.runIf(process.env.E2E_GOOGLE === "1")("with Google", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: baseUrl() });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("an agent signs in with Google, connects Google Calendar, disconnects it and signs out everywhere", async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      const path = await screenshot(page, "google-failure");
      console.error(`Screenshot of the failure at ${page.url()}: ${path}`);
    });

    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Continue with Google" }).click();

    await page.waitForURL((url) => url.pathname === "/today");
    const agentName = page.getByTestId("agent-name");
    await agentName.waitFor();
    expect(await agentName.textContent()).toBe("Gail Google");

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
    await page.waitForURL((url) => url.pathname === "/settings");
    const google = page.getByRole("region", { name: "Google Calendar" });
    await google.getByText("Not connected", { exact: true }).waitFor();
    await google.getByRole("button", { name: "Connect Google Calendar" }).click();

    await page.waitForURL((url) => url.pathname === "/settings" && url.searchParams.get("google") === "connected");
    await page.getByText("Google Calendar is connected.").waitFor();
    await google.getByText("Connected as gail.google@gmail.test").waitFor();

    await google.getByRole("button", { name: "Disconnect", exact: true }).click();
    const confirm = google.getByRole("group", { name: "Disconnect Google Calendar?" });
    await confirm.getByRole("button", { name: "Disconnect Google Calendar" }).click();
    await google.getByText("Not connected", { exact: true }).waitFor();
    await google.getByRole("button", { name: "Connect Google Calendar" }).waitFor();
    expect(await google.getByText("Connected as").count()).toBe(0);

    await page.getByRole("region", { name: "Sessions" }).getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "AgentCalls" }).waitFor();
    expect(await page.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/bff/login?returnUrl=/today");
  });
});
