import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AnswerMessage, Citation } from "@/lib/documents-api";
import { AskDocuments } from "./AskDocuments";

const citation: Citation = {
  number: 1,
  passage: {
    passageId: "p1",
    documentId: "d1",
    documentTitle: "ho3.md",
    page: 0,
    headingPath: ["Homeowners Policy HO-3", "Water Backup"],
    text: "Water backup is covered up to $10,000.",
    startOffset: 100,
    endOffset: 138,
  },
  quote: "Water backup is covered up to $10,000.",
  quoteStart: 100,
  quoteEnd: 138,
  verified: true,
  problem: "",
};

const piece = (text: string): AnswerMessage => ({ text, final: false, covered: false, answer: "", citations: [], source: "generated" });

describe("<AskDocuments>", () => {
  it("streams the answer, then links each citation to its passage", async () => {
    let finish!: () => void;
    const ask = vi.fn(async (_question: string, onMessage: (m: AnswerMessage) => void) => {
      onMessage(piece("Yes, up to "));
      onMessage(piece("$10,000"));
      await new Promise<void>((resolve) => (finish = resolve));
      onMessage({
        text: "",
        final: true,
        covered: true,
        answer: "Yes, up to $10,000 [1]. Mold too [2].",
        citations: [citation, { ...citation, number: 2, quote: "Mold is covered.", verified: false, problem: "The quoted words are not in the cited passage." }],
        source: "generated",
      });
    });
    const onOpenCitation = vi.fn();
    render(<AskDocuments ask={ask} onOpenCitation={onOpenCitation} />);

    await userEvent.type(screen.getByRole("textbox", { name: "Question" }), "Is water backup covered?");
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));

    expect(await screen.findByText("Yes, up to $10,000")).toBeInTheDocument();
    finish();
    await userEvent.click(await screen.findByRole("button", { name: "[1]" }));
    expect(onOpenCitation).toHaveBeenCalledWith(citation);
    expect(ask.mock.calls[0][0]).toBe("Is water backup covered?");
    expect(screen.getByRole("list", { name: "Sources" })).toHaveTextContent("ho3.md, Homeowners Policy HO-3 › Water Backup");
    expect(screen.getByRole("list", { name: "Sources" })).toHaveTextContent("The quoted words are not in the cited passage.");
  });

  it("says when the documents do not cover the question, with no links", async () => {
    const ask = vi.fn(async (_q: string, onMessage: (m: AnswerMessage) => void) =>
      onMessage({ text: "", final: true, covered: false, answer: "The documents do not cover this question.", citations: [], source: "extractive" }),
    );
    render(<AskDocuments ask={ask} onOpenCitation={vi.fn()} />);

    await userEvent.type(screen.getByRole("textbox", { name: "Question" }), "Vet bills?");
    await userEvent.click(screen.getByRole("button", { name: "Ask" }));

    expect(await screen.findByText("The documents do not cover this question.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Sources" })).not.toBeInTheDocument();
  });
});
