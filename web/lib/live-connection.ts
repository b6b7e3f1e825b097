import { commandText, parseLiveMessage, type LiveCommand, type LiveMessage } from "./live-call";

/** Where the socket is: open, waiting to reconnect, taken over by another window (4001), or closed by the page. */
export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "replaced" | "closed";

/** Close code the server uses when a newer socket to the same call replaces this one (PROTOCOL.md). */
export const replacedCloseCode = 4001;

export interface LiveConnectionOptions {
  url: string;
  onMessage: (message: LiveMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** Waits between reconnects, the last repeated; the server sends the whole call first on every connection. */
  retryDelays?: number[];
  createSocket?: (url: string) => WebSocket;
}

/**
 * One live call's socket: reconnects after a drop (with growing waits) until the page closes it or another window
 * takes the call over; audio sent while the socket is down is dropped (the transcript lost nothing said before).
 */
export class LiveConnection {
  private socket?: WebSocket;
  private attempt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private readonly retryDelays: number[];
  private readonly createSocket: (url: string) => WebSocket;

  constructor(private readonly options: LiveConnectionOptions) {
    this.retryDelays = options.retryDelays ?? [500, 1000, 2000, 4000];
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
  }

  open(): void {
    this.stopped = false;
    clearTimeout(this.timer);
    this.options.onStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    const socket = this.createSocket(this.options.url);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onStatus("open");
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      const message = parseLiveMessage(event.data);
      if (message) this.options.onMessage(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = undefined;
      if (event.code === replacedCloseCode) {
        this.options.onStatus("replaced");
        return;
      }
      const delay = this.retryDelays[Math.min(this.attempt, this.retryDelays.length - 1)];
      this.attempt++;
      this.options.onStatus("reconnecting");
      this.timer = setTimeout(() => this.open(), delay);
    };
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends a control message; false when the socket is down (the caller tells the agent). */
  send(command: LiveCommand): boolean {
    if (!this.isOpen) return false;
    this.socket!.send(commandText(command));
    return true;
  }

  /** Sends one audio frame (channel byte + PCM16) when the socket is open; drops it otherwise. */
  sendAudio(frame: ArrayBuffer): void {
    if (this.isOpen) this.socket!.send(frame);
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = undefined;
    this.options.onStatus("closed");
  }
}
