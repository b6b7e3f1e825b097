import { describe, expect, it } from "vitest";
import { takeJsonValues, toAnswerMessage, toDocumentList, toUploadProgress } from "./documents-api";

describe("takeJsonValues", () => {
  it("takes whole newline-delimited values and keeps the unfinished one", () => {
    const { values, rest } = takeJsonValues('{"stage":"parsed","done":2}\n{"stage":"embed');

    expect(values).toEqual([{ stage: "parsed", done: 2 }]);
    expect(rest).toBe('{"stage":"embed');
  });

  it("reads the array form and braces inside strings", () => {
    const { values, rest } = takeJsonValues('[{"text":"a } b"},{"text":"\\"{"}]');

    expect(values).toEqual([{ text: "a } b" }, { text: '"{' }]);
    expect(rest).toBe("]");
  });

  it("puts pieces split anywhere back together", () => {
    const stream = '{"text":"Water backup"}\n{"final":true,"citations":[{"number":1}]}\n';
    const seen: unknown[] = [];
    let buffer = "";
    for (const piece of [stream.slice(0, 7), stream.slice(7, 30), stream.slice(30)]) {
      const taken = takeJsonValues(buffer + piece);
      buffer = taken.rest;
      seen.push(...taken.values);
    }

    expect(seen).toEqual([{ text: "Water backup" }, { final: true, citations: [{ number: 1 }] }]);
  });
});

describe("toAnswerMessage", () => {
  it("fills proto3's omitted defaults", () => {
    const message = toAnswerMessage({ final: true, citations: [{ number: 1, passage: { documentTitle: "ho3.md" }, quote: "q" }] });

    expect(message).toMatchObject({ text: "", covered: false, answer: "", source: "" });
    expect(message.citations[0]).toMatchObject({ number: 1, verified: false, quoteStart: 0, passage: { documentTitle: "ho3.md", page: 0, headingPath: [] } });
  });
});

describe("toUploadProgress", () => {
  it("reads the progress steps and the stored document", () => {
    expect(toUploadProgress({ stage: "embedding", done: 32, total: 40 })).toEqual({ stage: "embedding", done: 32, total: 40 });
    expect(toUploadProgress({ stage: "done", document: { documentId: "d1", title: "ho3.md" } })).toMatchObject({
      stage: "done",
      duplicate: false,
      document: { documentId: "d1", title: "ho3.md", pageCount: 0 },
    });
  });

  it("refuses a step it does not know", () => {
    expect(() => toUploadProgress({ stage: "exploded" })).toThrow("upload step");
  });
});

describe("toDocumentList", () => {
  it("reads the documents and how far they are re-embedded, with proto3's omitted zeros", () => {
    const listed = toDocumentList({
      documents: [{ documentId: "d1", title: "ho3.md", passageCount: 12, status: "re-embedding" }],
      embedding: { model: "text-embedding-3-small", passagesTotal: 12 },
    });

    expect(listed.documents.map((d) => [d.title, d.status])).toEqual([["ho3.md", "re-embedding"]]);
    expect(listed.embedding).toEqual({ model: "text-embedding-3-small", passagesDone: 0, passagesTotal: 12 });
  });
});
