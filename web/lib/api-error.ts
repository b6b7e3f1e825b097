/** Field name → messages, as in RFC 7807 validation problems (`errors`). */
export type FieldErrors = Record<string, string[]>;

export interface ApiErrorInit {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  fieldErrors?: FieldErrors;
  traceId?: string;
  retryAfterSeconds?: number;
}

const fallbackTitles: Record<number, string> = {
  0: "Could not reach the server",
  400: "The request was not valid",
  401: "You are not signed in",
  403: "You don't have access to this",
  404: "Not found",
  409: "This conflicts with a recent change",
  429: "Too many requests",
  500: "Something went wrong on our side",
  502: "The service is unavailable",
  503: "The service is unavailable",
  504: "The service took too long to answer",
};

/** An API call that failed, normalized from RFC 7807 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly fieldErrors: FieldErrors;
  readonly traceId?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors ?? {};
    this.traceId = init.traceId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Messages for one form field; matches names case-insensitively (`Email` ≈ `email`). */
  errorsFor(field: string): string[] {
    const wanted = field.toLowerCase();
    return Object.entries(this.fieldErrors)
      .filter(([name]) => name.toLowerCase() === wanted)
      .flatMap(([, messages]) => messages);
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await readJsonObject(response);
    const status = typeof body.status === "number" ? body.status : response.status;
    return new ApiError({
      status,
      title: asString(body.title) ?? fallbackTitle(status, response.statusText),
      detail: asString(body.detail),
      type: asString(body.type),
      fieldErrors: asFieldErrors(body.errors),
      traceId: asString(body.traceId),
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({
      status: 0,
      title: fallbackTitles[0] as string,
      detail: "Check your connection and try again.",
    });
    error.cause = cause;
    return error;
  }
}

/** Any failure as an {@link ApiError}; anything else thrown by a call counts as not reaching the server. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : ApiError.network(error);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

function fallbackTitle(status: number, statusText: string): string {
  return fallbackTitles[status] ?? (statusText || `Request failed (${status})`);
}

async function readJsonObject(response: Response): Promise<Record<string, unknown>> {
  const contentType = response.headers.get("Content-Type") ?? "";
  if (!/[/+]json\b/.test(contentType)) return {};
  try {
    const body: unknown = await response.json();
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function asFieldErrors(value: unknown): FieldErrors {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter(
      (message): message is string => typeof message === "string",
    );
    if (list.length > 0) result[field] = list;
  }
  return result;
}
