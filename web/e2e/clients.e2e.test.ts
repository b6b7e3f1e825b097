import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { screenshot, signInAsNewAgent, usePage } from "./browser";

const browserPage = usePage();
let page: Page;
let fileDir: string;

beforeAll(async () => {
  page = browserPage.current();
  fileDir = await mkdtemp(join(tmpdir(), "agentcalls-e2e-"));
});

afterAll(async () => {
  if (fileDir) await rm(fileDir, { recursive: true, force: true });
});

/** A book as another agency system exports it: its own header names, and one client on two rows (two policies). */
function bookCsv(stamp: number): string {
  return [
    "First Name,Last Name,E-mail Address,Cell,Policy No,Insurance Company,LOB,Status,Annual Premium,Effective,Expiration",
    `Margaret,Oyelaran,margaret.${stamp}@example.com,+1 312 555 0101,HO-${stamp},Acme Mutual,Home,Active,1234.50,2026-03-01,2027-03-01`,
    `Margaret,Oyelaran,margaret.${stamp}@example.com,+1 312 555 0101,AU-${stamp},Acme Mutual,Auto,Active,880.00,2026-06-01,2027-06-01`,
    `Theodore,Brandt ${stamp},theo.${stamp}@example.com,+1 312 555 0102,RE-${stamp},Harbor Insurance,Renters,Active,210.00,2026-01-15,2027-01-15`,
    `Priya,Raman ${stamp},priya.${stamp}@example.com,+1 312 555 0103,LI-${stamp},Northwind Life,Life,Pending renewal,1500.00,2025-12-01,2026-12-01`,
    "",
  ].join("\n");
}

test("an agent imports a CSV, then finds a client by a misspelled name and sees her policies", async ({ onTestFailed }) => {
  onTestFailed(async () => {
    const path = await screenshot(page, "clients-failure");
    console.error(`Screenshot of the failure at ${page.url()}: ${path}`);
  });
  const stamp = Date.now();
  const file = join(fileDir, `book-${stamp}.csv`);
  await writeFile(file, bookCsv(stamp));

  await signInAsNewAgent(page, `E2E Book ${stamp}`, `e2e-book-${stamp}@example.com`);
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  await page.getByText("Nobody needs a call today.").waitFor();

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" }).click();
  await page.waitForURL((url) => url.pathname === "/clients");
  await page.getByText("Your book is empty.").waitFor();
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/clients/import");

  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL((url) => url.pathname === "/clients/import" && url.searchParams.has("id"));
  await page.getByRole("heading", { name: `book-${stamp}.csv` }).waitFor();
  expect(await page.getByText("4 rows, columns separated by commas").count()).toBe(1);
  // The suggested mapping is accepted as it is.
  expect(await page.getByLabel("First Name").inputValue()).toBe("first-name");
  expect(await page.getByLabel("Policy No").inputValue()).toBe("policy-number");
  expect(await page.getByLabel("Annual Premium").inputValue()).toBe("premium");

  await page.getByRole("button", { name: "Dry run", exact: true }).click();
  const summary = page.getByRole("region", { name: "Dry run results" });
  await summary.waitFor({ timeout: 60_000 });
  expect(await summary.getByText("Nothing in your book has changed yet.").count()).toBe(1);
  expect(await countOf(summary, "Clients to create")).toBe("3");
  expect(await countOf(summary, "Policies to create")).toBe("4");
  expect(await countOf(summary, "Rows with errors")).toBe("0");
  const preview = page.getByRole("region", { name: "The first clients in the file" });
  await preview.getByRole("row", { name: /Margaret Oyelaran.*Will be created/ }).waitFor();

  await page.getByRole("button", { name: "Import 4 rows" }).click();
  const finished = page.getByRole("region", { name: "Import finished" });
  await finished.waitFor({ timeout: 60_000 });
  expect(await countOf(finished, "Clients created")).toBe("3");
  expect(await countOf(finished, "Policies created")).toBe("4");

  await finished.getByRole("link", { name: "Go to your clients" }).click();
  await page.waitForURL((url) => url.pathname === "/clients");
  await page.getByRole("searchbox", { name: "Search clients" }).fill("Margret Oyelarn");
  await page.getByRole("searchbox", { name: "Search clients" }).press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "Margret Oyelarn");
  // The whole book's list goes as the search's result replaces it; until then, Margaret's row is the old list's.
  await page.getByRole("link", { name: `Theodore Brandt ${stamp}`, exact: true }).waitFor({ state: "detached" });
  const margaret = page.getByRole("link", { name: "Margaret Oyelaran", exact: true });
  await margaret.waitFor();
  await page.getByRole("row").filter({ hasText: `margaret.${stamp}@example.com` }).waitFor();
  expect(await page.getByRole("row").filter({ hasText: `Priya` }).count()).toBe(0);

  await margaret.click();
  await page.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: "Margaret Oyelaran" }).waitFor();
  const policies = page.getByRole("region", { name: "Policies" });
  const home = policies.getByRole("row", { name: new RegExp(`HO-${stamp}`) });
  await home.waitFor();
  expect(await home.textContent()).toContain("Acme Mutual");
  expect(await home.textContent()).toContain("$1,234.50");
  await policies.getByRole("row", { name: new RegExp(`AU-${stamp}`) }).waitFor();
});

/** The number a results count shows under its term. */
async function countOf(region: ReturnType<Page["getByRole"]>, term: string): Promise<string | null> {
  return region.locator("div").filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole("definition").textContent();
}
