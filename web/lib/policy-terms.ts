import { protoEnum } from "./proto-json";

/** LineOfBusiness, by its short name. */
export const lineOfBusiness = protoEnum("LINE_OF_BUSINESS", [
  "auto",
  "home",
  "renters",
  "condo",
  "umbrella",
  "life",
  "health",
  "commercial",
  "other",
]);
export type LineOfBusiness = (typeof lineOfBusiness.keys)[number];

export const lineOfBusinessLabels: Record<LineOfBusiness, string> = {
  auto: "Auto",
  home: "Home",
  renters: "Renters",
  condo: "Condo",
  umbrella: "Umbrella",
  life: "Life",
  health: "Health",
  commercial: "Commercial",
  other: "Other",
};

/** PolicyStatus, by its short name. */
export const policyStatus = protoEnum("POLICY_STATUS", [
  "quote",
  "active",
  "pending-renewal",
  "lapsed",
  "cancelled",
  "expired",
  "other",
]);
export type PolicyStatus = (typeof policyStatus.keys)[number];

export const policyStatusLabels: Record<PolicyStatus, string> = {
  quote: "Quote",
  active: "Active",
  "pending-renewal": "Pending renewal",
  lapsed: "Lapsed",
  cancelled: "Cancelled",
  expired: "Expired",
  other: "Other",
};

/** Only lapsed and cancelled policies have an end date (the lapse or cancellation date). */
export function hasEndDate(status: PolicyStatus | undefined): boolean {
  return status === "lapsed" || status === "cancelled";
}
