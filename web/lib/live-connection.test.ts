import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveConnection, replacedCloseCode, type ConnectionStatus } from "./live-connection";
import { FakeSocket } from "@/testing/live-socket";
import type { LiveMessage } from "./live-call";

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
    sockets[0].serve();
    sockets[0].serve({ type: "note", text: "hi" }, { type: "unknown-kind" });

    expect(connection.send({ type: "end" })).toBe(true);
    connection.sendAudio(new ArrayBuffer(3));
    expect(messages).toEqual([{ type: "note", text: "hi" }]);
    expect(sockets[0].sent).toEqual([JSON.stringify({ v: 1, type: "end" }), new ArrayBuffer(3)]);
    expect(sockets[0].binaryType).toBe("arraybuffer");
    expect(statuses).toEqual(["connecting", "open"]);
  });

  it("reconnects after a drop, waiting longer each time, and drops audio meanwhile", () => {
    connection.open();
    sockets[0].serve();
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
    sockets[2].serve();

    expect(statuses.at(-1)).toBe("open");
    expect(sockets[0].sent).toEqual([]);
  });

  it("stays closed when another window takes the call over, until asked to connect again", () => {
    connection.open();
    sockets[0].serve();
    sockets[0].drop(replacedCloseCode);
    vi.advanceTimersByTime(10_000);

    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("replaced");
    connection.open();
    expect(sockets).toHaveLength(2);
  });

  it("does not reconnect once the page closes it", () => {
    connection.open();
    sockets[0].serve();
    connection.close();
    sockets[0].drop(1000);
    vi.advanceTimersByTime(10_000);

    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("closed");
  });
});
