import { expect, test } from "vitest";
import { postFromPage, screenshot, signInAsNewAgent, usePage } from "./browser";
import { recordCall } from "./call-audio";

/**
 * A whole call in Chromium. The agent's "microphone" is a softphone's stereo recording of the call made at test time
 * (espeak-ng and sox; the agent left, the client right), played once by Chromium's fake capture device; the screen
 * is told the input is a stereo mix, so the client's words arrive on the client's channel, where the playbook cards
 * and the follow-up from speech listen. PocketSphinx garbles free synthetic speech, so the lines keep close to the
 * insurance-call phrases its per-call language model is biased toward (Transcription.Service's insurance-phrases.txt),
 * while meaning what the price card's examples ("my premium went up again") and the follow-up intent ("can we schedule
 * another call", with a day) mean.
 */
const callAudio = recordCall([
  { speaker: "agent", text: "hi maria lopez this is your insurance agent" },
  { speaker: "client", text: "well my premium went up again this year", voice: "en-us+f3" },
  { speaker: "agent", text: "i can review your coverage" },
  // The objection twice, in words of the phrases the model is biased toward: recognition of synthetic speech
  // captured live varies from run to run (one run heard the first line as "will like we limits on any the you").
  { speaker: "client", text: "my premium is going up this year", voice: "en-us+f3" },
  { speaker: "agent", text: "we offer a multi policy discount" },
  // A question the uploaded document answers, in words of the phrases ("what is the", "the deductible is …").
  { speaker: "client", text: "what is the deductible", voice: "en-us+f3" },
  { speaker: "client", text: "can we schedule a call next tuesday", voice: "en-us+f3" },
  { speaker: "agent", text: "thank you for your time goodbye" },
]);

const browserPage = usePage([
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  `--use-file-for-fake-audio-capture=${callAudio}%noloop`,
]);

test("an agent runs a call: both speakers transcribed, a playbook card, a client's question answered from a document with its citation, a follow-up from speech confirmed onto the calendar, the log saved and the client's last contact updated; the follow-up, held, shows so", { timeout: 420_000 }, async ({ onTestFailed }) => {
  const page = browserPage.current();
  const pageErrors: string[] = [];
  let heldCallSeen = "";
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  onTestFailed(async () => {
    if (pageErrors.length > 0) console.error(`Errors on the page:\n${pageErrors.join("\n")}`);
    const path = await screenshot(page, "live-call-failure");
    console.error(`Screenshot of the failure at ${page.url()}: ${path}`);
    const transcript = await page.getByRole("list", { name: "Transcript" }).textContent().catch(() => "(none)");
    console.error(`Transcript on the screen: ${transcript}`);
    if (heldCallSeen) console.error(`The held call as last drawn: ${heldCallSeen}`);
  });
  const stamp = Date.now();
  const name = "Maria Lopez";

  await signInAsNewAgent(page, `E2E Live ${stamp}`, `e2e-live-${stamp}@example.com`);
  const client = await postFromPage<{ clientId: string }>(page, "/api/clients", {
    displayName: name,
    phones: [{ number: "+1 312 555 0188", type: "PHONE_TYPE_MOBILE" }],
  });

  // The agency's document the client's question is answered from.
  const upload = await page.evaluate(async () => {
    const body = "# Home policy deductibles\n\nThe deductible on a home policy is five hundred dollars for each claim. " +
      "A deductible of one thousand dollars lowers the premium.\n";
    const response = await fetch("/api/conversation/documents?name=deductibles.md", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "X-CSRF": "1" },
      body,
    });
    return { status: response.status, text: await response.text() };
  });
  expect(upload.status, upload.text).toBe(200);

  // Start the call from the client's page.
  await page.goto(`/clients/${client.clientId}`);
  await page.getByRole("button", { name: `Start call with ${name}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/calls/live/"));
  await page.getByRole("heading", { level: 1, name: `Call with ${name}` }).waitFor();
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
  await page.getByText(`${name} has not agreed to be recorded`).waitFor();

  // The microphone carries the softphone's stereo mix: the recording starts playing now.
  await page.getByLabel("The microphone carries").selectOption("stereo-mix");
  await page.getByRole("button", { name: "Turn on the microphone" }).click();
  await page.getByRole("button", { name: "Turn off the microphone" }).waitFor();

  const transcript = page.getByRole("list", { name: "Transcript" });
  const finals = (speaker: string) => transcript.locator(`li[data-speaker="${speaker}"]:not([aria-busy])`);
  await finals("agent").first().waitFor({ timeout: 60_000 });
  await finals("client").first().waitFor({ timeout: 60_000 });

  // The client's objection brings up the price card.
  const suggestions = page.getByRole("list", { name: "Suggestions" });
  await suggestions.getByRole("listitem", { name: "Price objection" }).waitFor({ timeout: 60_000 });

  // The client's question is answered from the document, with its citation.
  const answer = page.getByRole("listitem", { name: /^Answer to/ });
  await answer.first().waitFor({ timeout: 60_000 });
  expect(await answer.first().getByRole("list", { name: "Sources" }).textContent()).toContain("deductibles");
  expect(await answer.first().getByLabel("Answer").textContent()).toMatch(/deductible/i);

  // "Let's talk again next Tuesday at ten" is proposed as a follow-up, waiting for the agent's yes.
  const actions = page.getByRole("list", { name: "Proposed actions" });
  const followUp = actions.getByRole("listitem", { name: "Schedule a follow-up" }).filter({ hasText: "from what was said" }).first();
  await followUp.waitFor({ timeout: 60_000 });
  const startTime = (await followUp.locator("time").getAttribute("dateTime")) ?? "";
  expect(new Date(startTime).getTime()).toBeGreaterThan(Date.now());
  await followUp.getByRole("button", { name: "Confirm" }).click();
  await followUp.getByText("succeeded").waitFor({ timeout: 30_000 });

  // An action proposed with its button runs on Confirm as well.
  await page.getByRole("group", { name: "Propose an action" }).getByRole("button", { name: "Add a note to the client" }).click();
  const noteForm = page.getByRole("form", { name: "Add a note to the client" });
  await noteForm.getByLabel("Note").fill(`Wants a discount (${stamp})`);
  await noteForm.getByRole("button", { name: "Propose" }).click();
  const note = actions.getByRole("listitem", { name: "Add a note to the client" }).filter({ hasText: "proposed by you" });
  await note.getByRole("button", { name: "Confirm" }).click();
  await note.getByText("succeeded").waitFor({ timeout: 30_000 });

  // End: the draft log, edited and saved, opens as the call log.
  await page.getByRole("button", { name: "End call" }).click();
  const summary = page.getByRole("textbox", { name: "Summary", exact: true });
  await summary.waitFor();
  expect((await summary.inputValue()).length).toBeGreaterThan(0);
  const edited = `${await summary.inputValue()} Agent's note ${stamp}.`;
  await summary.fill(edited);
  await page.getByLabel("Outcome", { exact: true }).selectOption("callback requested");
  await page.getByRole("button", { name: "Save the call log" }).click();
  await page.waitForURL((url) => /^\/calls\/[^/]+$/.test(url.pathname) && !url.pathname.startsWith("/calls/live"));
  const savedSummary = page.getByRole("textbox", { name: "Summary", exact: true });
  await savedSummary.waitFor();
  expect(await savedSummary.inputValue()).toBe(edited);
  expect(await page.locator("main").textContent()).toContain(name);

  // The follow-up is on the calendar, as a call with the client.
  await page.goto(`/calendar?at=${encodeURIComponent(new Date(startTime).toISOString())}`);
  const clientLink = page.getByRole("link", { name, exact: true });
  await clientLink.waitFor();
  expect(await clientLink.getAttribute("href")).toBe(`/clients/${client.clientId}`);

  // Saving the log updated the client's last contact and outcome (Clients hears CallLogged through the event stream, so
  // the page is read again until it has).
  await page.goto(`/clients/${client.clientId}`);
  const fact = (term: string) => page.locator("dt", { hasText: term }).locator("+ dd");
  await expect
    .poll(async () => (await page.reload(), await fact("Last outcome").textContent()), { timeout: 60_000, interval: 2_000 })
    .toContain("callback requested");
  expect(await fact("Last contacted").textContent()).not.toBe("Never");

  // The follow-up, started from the calendar as that scheduled call, ended and logged, shows there as held.
  const followUpWeek = `/calendar?at=${encodeURIComponent(new Date(startTime).toISOString())}`;
  await page.goto(followUpWeek);
  await page.getByRole("button", { name: `Start call with ${name}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/calls/live/"));
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
  await page.getByRole("button", { name: "End call" }).click();
  const heldSummary = page.getByRole("textbox", { name: "Summary", exact: true });
  await heldSummary.waitFor();
  await heldSummary.fill(`The follow-up call (${stamp}).`);
  await page.getByRole("button", { name: "Save the call log" }).click();
  await page.waitForURL((url) => /^\/calls\/[^/]+$/.test(url.pathname) && !url.pathname.startsWith("/calls/live"));
  const heldLogPath = new URL(page.url()).pathname;
  await page.goto(followUpWeek);
  const heldCall = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  // Calendar hears CallLogged through the event stream, so the page is read again until it has. The week's events are
  // fetched after the page loads: each look waits for the call to be drawn, then gives the badge a moment to appear.
  const heldBadge = heldCall.getByText("Held", { exact: true });
  await expect
    .poll(async () => {
      await page.reload();
      await heldCall.waitFor();
      heldCallSeen = await heldCall.innerHTML();
      return heldBadge.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, { timeout: 60_000, interval: 2_000 })
    .toBe(true);
  expect(await heldCall.getByRole("link", { name: `Call log of the call with ${name}` }).getAttribute("href")).toBe(heldLogPath);
});
