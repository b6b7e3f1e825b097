import { describe, expect, it } from "vitest";
import { answerParts, highlightSegments } from "./highlight";

describe("highlightSegments", () => {
  it("marks the quote inside the highlighted passage", () => {
    const text = "Intro. Water backup is covered up to $10,000. Flood is excluded.";

    expect(highlightSegments(text, { start: 7, end: 45 }, { start: 7 + 20, end: 44 })).toEqual([
      { text: "Intro. ", kind: "plain" },
      { text: "Water backup is cove", kind: "passage" },
      { text: "red up to $10,000", kind: "quote" },
      { text: ".", kind: "passage" },
      { text: " Flood is excluded.", kind: "plain" },
    ]);
  });

  it("keeps a quote outside its passage from leaking out, and clamps ranges to the text", () => {
    expect(highlightSegments("abcdef", { start: 2, end: 99 }, { start: 0, end: 3 })).toEqual([
      { text: "ab", kind: "plain" },
      { text: "c", kind: "quote" },
      { text: "def", kind: "passage" },
    ]);
  });
});

describe("answerParts", () => {
  it("splits the answer at its citation markers", () => {
    expect(answerParts("Yes, up to $10,000 [1]. Mold too [2].")).toEqual(["Yes, up to $10,000 ", 1, ". Mold too ", 2, "."]);
  });
});
