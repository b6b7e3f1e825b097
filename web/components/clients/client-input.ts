import { emptyAddress, type Client, type ClientInput } from "@/lib/clients-api";

/** A new client's form before the agent types anything. */
export const emptyClientInput: ClientInput = {
  displayName: "",
  email: "",
  phones: [{ number: "", type: "mobile" }],
  address: emptyAddress,
  dateOfBirth: "",
  householdId: "",
  contactWindowStart: "",
  contactWindowEnd: "",
  timeZone: "",
  doNotCall: false,
  doNotCallReason: "",
  doNotCallSince: "",
  recordingConsent: "not-asked",
  tags: [],
  notes: "",
  externalId: "",
};

/** The editable fields of a client as read. */
export function clientInputOf(client: Client): ClientInput {
  return {
    displayName: client.displayName,
    email: client.email,
    phones: client.phones,
    address: client.address,
    dateOfBirth: client.dateOfBirth,
    householdId: client.householdId,
    contactWindowStart: client.contactWindowStart,
    contactWindowEnd: client.contactWindowEnd,
    timeZone: client.timeZone,
    doNotCall: client.doNotCall,
    doNotCallReason: client.doNotCallReason,
    doNotCallSince: client.doNotCallSince,
    recordingConsent: client.recordingConsent,
    tags: client.tags,
    notes: client.notes,
    externalId: client.externalId,
  };
}
