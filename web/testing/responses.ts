/** Builders for the gateway's responses in unit tests. */

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function problemResponse(problem: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: typeof problem.status === "number" ? problem.status : 500,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

export const signedOutResponse = () =>
  problemResponse({ type: "https://tools.ietf.org/html/rfc9110#section-15.5.2", title: "Unauthorized", status: 401 });
