import { clientOrder, type ClientOrder } from "./client-terms";
import { lineOfBusiness, policyStatus, type LineOfBusiness, type PolicyStatus } from "./policy-terms";

/** The Clients page's query box, filters and order, as the agent set them. Day counts are text as typed. */
export interface ClientFilters {
  query: string;
  renewalDueWithinDays: string;
  lapsed: boolean;
  notContactedForDays: string;
  lineOfBusiness: LineOfBusiness | "";
  carrier: string;
  policyStatus: PolicyStatus | "";
  tag: string;
  order: ClientOrder | "";
}

/** The filters plus where in the pages the agent is: the current page's token and those of the pages before it. */
export interface ClientListState extends ClientFilters {
  pageToken: string;
  previousPageTokens: string[];
}

export const noFilters: ClientFilters = {
  query: "",
  renewalDueWithinDays: "",
  lapsed: false,
  notContactedForDays: "",
  lineOfBusiness: "",
  carrier: "",
  policyStatus: "",
  tag: "",
  order: "",
};

function dayCount(value: string | null): string {
  const text = (value ?? "").trim();
  return /^\d{1,5}$/.test(text) && Number(text) > 0 ? String(Number(text)) : "";
}

function oneOf<K extends string>(keys: readonly K[], value: string | null): K | "" {
  return keys.find((key) => key === value) ?? "";
}

/** Reads the state from the page's URL (`/clients?q=…&line=auto&page=…`); anything unknown is ignored. */
export function readClientListState(params: Pick<URLSearchParams, "get" | "getAll" | "has">): ClientListState {
  return {
    query: params.get("q") ?? "",
    renewalDueWithinDays: dayCount(params.get("renewal")),
    lapsed: params.get("lapsed") === "1",
    notContactedForDays: dayCount(params.get("notContacted")),
    lineOfBusiness: oneOf(lineOfBusiness.keys, params.get("line")),
    carrier: params.get("carrier") ?? "",
    policyStatus: oneOf(policyStatus.keys, params.get("status")),
    tag: params.get("tag") ?? "",
    order: oneOf(clientOrder.keys, params.get("sort")),
    pageToken: params.get("page") ?? "",
    previousPageTokens: params.has("page") ? params.getAll("prev") : [],
  };
}

/** The page's URL query for a state (without "?"); only what differs from the defaults is written. */
export function writeClientListState(state: ClientListState): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value.trim()) params.set(key, value.trim());
  };
  set("q", state.query);
  set("renewal", dayCount(state.renewalDueWithinDays));
  if (state.lapsed) params.set("lapsed", "1");
  set("notContacted", dayCount(state.notContactedForDays));
  set("line", state.lineOfBusiness);
  set("carrier", state.carrier);
  set("status", state.policyStatus);
  set("tag", state.tag);
  set("sort", state.order);
  if (state.pageToken) {
    params.set("page", state.pageToken);
    for (const token of state.previousPageTokens) params.append("prev", token);
  }
  return params.toString();
}

/** The order the API is asked for: best match needs a query, so without one the default (by name) applies. */
export function effectiveOrder(filters: ClientFilters): ClientOrder | "" {
  return filters.order === "relevance" && !filters.query.trim() ? "" : filters.order;
}

/** ListClients' query string (without "?") for a state: `query`, the filters, `orderBy` and `pageToken`. */
export function toListClientsQuery(state: ClientListState): string {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set("query", query);
  const renewal = dayCount(state.renewalDueWithinDays);
  if (renewal) params.set("renewalDueWithinDays", renewal);
  if (state.lapsed) params.set("lapsed", "true");
  const notContacted = dayCount(state.notContactedForDays);
  if (notContacted) params.set("notContactedForDays", notContacted);
  if (state.lineOfBusiness) params.set("lineOfBusiness", lineOfBusiness.write(state.lineOfBusiness));
  if (state.carrier.trim()) params.set("carrier", state.carrier.trim());
  if (state.policyStatus) params.set("policyStatus", policyStatus.write(state.policyStatus));
  if (state.tag.trim()) params.set("tag", state.tag.trim());
  const order = effectiveOrder(state);
  if (order) params.set("orderBy", clientOrder.write(order));
  if (state.pageToken) params.set("pageToken", state.pageToken);
  return params.toString();
}

/** Whether any filter (besides the order) narrows the list. */
export function hasFilters(filters: ClientFilters): boolean {
  return Boolean(
    filters.query.trim() ||
      dayCount(filters.renewalDueWithinDays) ||
      filters.lapsed ||
      dayCount(filters.notContactedForDays) ||
      filters.lineOfBusiness ||
      filters.carrier.trim() ||
      filters.policyStatus ||
      filters.tag.trim(),
  );
}
