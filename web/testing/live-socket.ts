import { act } from "@testing-library/react";

/** A WebSocket a test drives: it opens, hands messages over and closes when told, and keeps what was sent. */
export class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  binaryType = "blob";
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  send(data: unknown) {
    this.sent.push(data);
  }

  close() {
    this.readyState = 3;
  }

  /** Opens the socket (if not yet open) and delivers the server's messages, each as version 1. */
  serve(...messages: object[]) {
    act(() => {
      if (this.readyState !== 1) {
        this.readyState = 1;
        this.onopen?.();
      }
      for (const m of messages) this.onmessage?.({ data: JSON.stringify({ v: 1, ...m }) });
    });
  }

  /** The connection drops (or the server closes it with `code`). */
  drop(code = 1006) {
    act(() => {
      this.readyState = 3;
      this.onclose?.({ code });
    });
  }

  /** The control messages sent, parsed. */
  commands(): unknown[] {
    return this.sent.filter((s) => typeof s === "string").map((s) => JSON.parse(s as string));
  }
}
