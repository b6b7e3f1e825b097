/** What part of a document's text a piece is: the opened passage, the quoted words inside it, or neither. */
export type SegmentKind = "plain" | "passage" | "quote";

export interface Segment {
  text: string;
  kind: SegmentKind;
}

export interface Range {
  start: number;
  end: number;
}

/** Cuts `text` so the passage can be highlighted and the quote marked within it (ranges are clamped to the text). */
export function highlightSegments(text: string, passage: Range, quote?: Range): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const p = { start: clamp(passage.start), end: clamp(passage.end) };
  const q = quote ? { start: Math.max(p.start, clamp(quote.start)), end: Math.min(p.end, clamp(quote.end)) } : undefined;
  const cuts: Array<[number, number, SegmentKind]> =
    q && q.start < q.end
      ? [
          [0, p.start, "plain"],
          [p.start, q.start, "passage"],
          [q.start, q.end, "quote"],
          [q.end, p.end, "passage"],
          [p.end, text.length, "plain"],
        ]
      : [
          [0, p.start, "plain"],
          [p.start, p.end, "passage"],
          [p.end, text.length, "plain"],
        ];
  return cuts.filter(([start, end]) => end > start).map(([start, end, kind]) => ({ text: text.slice(start, end), kind }));
}

/** Splits an answer at its [n] citation markers, so each can become a link to its passage. */
export function answerParts(answer: string): Array<string | number> {
  return answer.split(/\[(\d+)\]/).map((part, index) => (index % 2 === 1 ? Number(part) : part)).filter((part) => part !== "");
}
