import { expect, test } from "vitest";
import { screenshot, usePage } from "./browser";

const browserPage = usePage();

test("an agent signs in, sees the workspace and signs out", async ({ onTestFailed }) => {
  const page = browserPage.current();
  onTestFailed(async () => {
    const path = await screenshot(page, "sign-in-failure");
    console.error(`Screenshot of the failure at ${page.url()}: ${path}`);
  });
  const stamp = Date.now();
  const displayName = `E2E Agent ${stamp}`;

  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();

  await page.getByRole("textbox", { name: "Your name" }).fill(displayName);
  await page.getByRole("textbox", { name: "E-mail" }).fill(`e2e-${stamp}@example.com`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await page.waitForURL((url) => url.pathname === "/today");
  const agentName = page.getByTestId("agent-name");
  await agentName.waitFor();
  expect(await agentName.textContent()).toBe(displayName);

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" }).click();
  await page.waitForURL((url) => url.pathname === "/clients");
  await page.getByRole("heading", { level: 1, name: "Clients" }).waitFor();
  await page.getByText("Your book is empty.").waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("heading", { level: 1, name: "AgentCalls" }).waitFor();
  expect(await page.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/bff/login?returnUrl=/today");
});
