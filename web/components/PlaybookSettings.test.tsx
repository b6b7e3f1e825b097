import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { PlaybookSettings } from "./PlaybookSettings";

const fetchMock = vi.fn<typeof fetch>();

const price = {
  cardId: "c1",
  key: "price_objection",
  title: "Price objection",
  guidance: "Look for savings. {policies}",
  examples: ["this is too expensive", "my premium went up again"],
  enabled: true,
};
const claim = { cardId: "c2", key: "claim_question", title: "Claim question", guidance: "Get the date.", examples: ["I need to file a claim"], enabled: true };

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

function renderPlaybook(routes: Record<string, Route> = {}) {
  const requests = routeFetch(fetchMock, {
    "GET /api/conversation/playbook/cards": () => jsonResponse({ cards: [price, claim] }),
    ...routes,
  });
  render(<PlaybookSettings />);
  return { requests, section: screen.getByRole("region", { name: "Playbook" }) };
}

/** Opens the card with `title` and returns its list item, where its fields are. */
async function openCard(section: HTMLElement, title: string) {
  const user = userEvent.setup();
  const summary = await within(section).findByText(title);
  await user.click(summary);
  return { user, card: summary.closest("li")! };
}

describe("<PlaybookSettings>", () => {
  it("lists the cards by title", async () => {
    const { section } = renderPlaybook();

    expect(await within(section).findByText("Price objection")).toBeInTheDocument();
    expect(within(section).getByText("Claim question")).toBeInTheDocument();
  });

  it("saves an edited card with one example per line, and shows it saved", async () => {
    const saved = { ...price, title: "Too expensive", examples: ["this is too expensive", "I pay too much"], enabled: false };
    const { section, requests } = renderPlaybook({ "PUT /api/conversation/playbook/cards/c1": () => jsonResponse(saved) });
    const { user, card } = await openCard(section, "Price objection");

    const title = within(card).getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Too expensive");
    const examples = within(card).getByLabelText("Example phrases");
    await user.clear(examples);
    await user.type(examples, "this is too expensive{Enter}{Enter}I pay too much");
    await user.click(within(card).getByLabelText("Show this card during calls"));
    await user.click(within(card).getByRole("button", { name: "Save card" }));

    expect(await within(card).findByText("Saved.")).toBeInTheDocument();
    expect(requestsTo(requests, "PUT", "/api/conversation/playbook/cards/c1")[0]?.body).toEqual({
      title: "Too expensive",
      guidance: "Look for savings. {policies}",
      examples: ["this is too expensive", "I pay too much"],
      enabled: false,
    });
    expect(within(card).getByText("off")).toBeInTheDocument();
    expect(within(card).getByText("Too expensive")).toBeInTheDocument();
  });

  it("shows the API's field errors beside the fields they name", async () => {
    const { section } = renderPlaybook({
      "PUT /api/conversation/playbook/cards/c1": () =>
        problemResponse({
          title: "The request is not valid",
          status: 400,
          errors: { title: ["is required, at most 100 characters."], examples: ["needs 1 to 20 phrases."] },
        }),
    });
    const { user, card } = await openCard(section, "Price objection");

    await user.clear(within(card).getByLabelText("Title"));
    await user.click(within(card).getByRole("button", { name: "Save card" }));

    expect(await within(card).findByText("Title is required, at most 100 characters.")).toBeInTheDocument();
    expect(within(card).getByText("Example phrases needs 1 to 20 phrases.")).toBeInTheDocument();
    expect(within(card).getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
  });

  it("resets the playbook only after the agent confirms", async () => {
    const { section, requests } = renderPlaybook({
      "POST /api/conversation/playbook:reset": () => jsonResponse({ cards: [{ ...price, title: "Price objection (default)" }, claim] }),
    });
    const user = userEvent.setup();

    await user.click(await within(section).findByRole("button", { name: "Reset to defaults" }));
    expect(requestsTo(requests, "POST", "/api/conversation/playbook:reset")).toHaveLength(0);
    await user.click(within(section).getByRole("button", { name: "Reset the playbook" }));

    expect(await within(section).findByText("Price objection (default)")).toBeInTheDocument();
    expect(requestsTo(requests, "POST", "/api/conversation/playbook:reset")).toHaveLength(1);
  });
});
