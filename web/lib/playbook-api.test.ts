import { beforeEach, describe, expect, it, vi } from "vitest";
import { routeFetch } from "@/testing/gateway";
import { jsonResponse } from "@/testing/responses";
import { listPlaybookCards, resetPlaybook, textToExamples, toPlaybookCard, updatePlaybookCard } from "./playbook-api";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

describe("playbook", () => {
  it("reads a card, and fills in what proto3 JSON leaves out", () => {
    expect(toPlaybookCard({ cardId: "c1", key: "price_objection", title: "Price" })).toEqual({
      cardId: "c1",
      key: "price_objection",
      title: "Price",
      guidance: "",
      examples: [],
      enabled: false,
      updatedAt: undefined,
    });
  });

  it("lists, updates with X-CSRF, and resets", async () => {
    const card = { cardId: "c1", key: "price_objection", title: "Price", examples: ["too expensive"], enabled: true };
    const requests = routeFetch(fetchMock, {
      "GET /api/conversation/playbook/cards": () => jsonResponse({ cards: [card] }),
      "PUT /api/conversation/playbook/cards/c1": () => jsonResponse({ ...card, title: "Cost" }),
      "POST /api/conversation/playbook:reset": () => jsonResponse({ cards: [card] }),
    });

    expect((await listPlaybookCards())[0]?.examples).toEqual(["too expensive"]);
    expect((await updatePlaybookCard("c1", { title: "Cost", guidance: "", examples: ["too much"], enabled: true })).title).toBe("Cost");
    expect(await resetPlaybook()).toHaveLength(1);
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
    expect(requests[1]?.body).toEqual({ title: "Cost", guidance: "", examples: ["too much"], enabled: true });
  });

  it("takes one example per line, blank lines dropped", () => {
    expect(textToExamples(" too expensive \n\n  I pay too much\n")).toEqual(["too expensive", "I pay too much"]);
  });
});
