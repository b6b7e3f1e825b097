/** Names for the fields a history entry lists (their JSON names), as the agent knows them. */
const labels: Record<string, string> = {
  displayName: "Name",
  email: "E-mail",
  phones: "Phones",
  "address.line1": "Address line 1",
  "address.line2": "Address line 2",
  "address.city": "City",
  "address.region": "State or region",
  "address.postalCode": "Postal code",
  "address.countryCode": "Country",
  dateOfBirth: "Date of birth",
  householdId: "Household",
  contactWindowStart: "Call from",
  contactWindowEnd: "Call until",
  timeZone: "Time zone",
  doNotCall: "Do not call",
  doNotCallReason: "Do-not-call reason",
  doNotCallSince: "Not to be called since",
  recordingConsent: "Call recording",
  tags: "Tags",
  notes: "Notes",
  externalId: "ID in your previous system",
  lastContactedAt: "Last contacted",
  lastOutcome: "Last outcome",
  policyNumber: "Policy number",
  carrier: "Carrier",
  lineOfBusiness: "Line of business",
  status: "Status",
  premiumMinor: "Premium (minor units)",
  currencyCode: "Currency",
  effectiveDate: "Effective date",
  expirationDate: "Expiration date",
  endDate: "Lapse or cancellation date",
};

export function historyFieldLabel(field: string): string {
  return labels[field] ?? field;
}
