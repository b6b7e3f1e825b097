import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveConnection, replacedCloseCode, type ConnectionStatus } from "./live-connection";
import type { LiveMessage } from "./live-call";

/** A socket the test drives: it opens, receives and closes when told. */
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  binaryType = "blob";
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: unknown) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(json: unknown) {
    this.onmessage?.({ data: JSON.stringify(json) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

describe("LiveConnection", () => {
  let sockets: FakeSocket[];
  let messages: LiveMessage[];
  let statuses: ConnectionStatus[];
  let connection: LiveConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("WebSocket", FakeSocket);
    sockets = [];
    messages = [];
    statuses = [];
    connection = new LiveConnection({
      url: "ws://app/api/calls/c1/live",
      onMessage: (m) => messages.push(m),
      onStatus: (s) => statuses.push(s),
      retryDelays: [500, 2000],
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
  });
  afterEach(() => vi.useRealTimers());

  it("hands on the server's messages and sends control and audio while open", () => {
    connection.open();
    sockets[0].open();
    sockets[0].receive({ v: 1, type: "note", text: "hi" });
    sockets[0].receive({ v: 1, type: "unknown-kind" });

    expect(connection.send({ type: "end" })).toBe(true);
    connection.sendAudio(new ArrayBuffer(3));
    expect(messages).toEqual([{ type: "note", text: "hi" }]);
    expect(sockets[0].sent).toEqual([JSON.stringify({ v: 1, type: "end" }), new ArrayBuffer(3)]);
    expect(sockets[0].binaryType).toBe("arraybuffer");
    expect(statuses).toEqual(["connecting", "open"]);
  });

  it("reconnects after a drop, waiting longer each time, and drops audio meanwhile", () => {
    connection.open();
    sockets[0].open();
    sockets[0].drop();
    expect(statuses.at(-1)).toBe("reconnecting");
    connection.sendAudio(new ArrayBuffer(3));
    expect(connection.send({ type: "note", text: "lost" })).toBe(false);

    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1].drop();
    vi.advanceTimersByTime(1999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    sockets[2].open();

    expect(statuses.at(-1)).toBe("open");
    expect(sockets[0].sent).toEqual([]);
  });

  it("stays closed when another window takes the call over, until asked to connect again", () => {
    connection.open();
    sockets[0].open();
    sockets[0].drop(replacedCloseCode);
    vi.advanceTimersByTime(10_000);

    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("replaced");
    connection.open();
    expect(sockets).toHaveLength(2);
  });

  it("does not reconnect once the page closes it", () => {
    connection.open();
    sockets[0].open();
    connection.close();
    sockets[0].drop(1000);
    vi.advanceTimersByTime(10_000);

    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("closed");
  });
});
