import type { ReactNode } from "react";
import { phoneTypeLabels, recordingConsentLabels } from "@/lib/client-terms";
import type { Client } from "@/lib/clients-api";
import { formatDate } from "@/lib/format";
import { DateText, Time } from "../Time";
import styles from "./ClientDetails.module.css";

/** What the agent knows about a client, in three groups: contact, calling and notes. */
export function ClientDetails({ client }: { client: Client }) {
  return (
    <div className={styles.groups}>
      <section aria-labelledby="client-contact-heading" className={styles.group}>
        <h2 id="client-contact-heading" className={styles.heading}>
          Contact
        </h2>
        <dl className={styles.facts}>
          <Fact term="E-mail">{client.email ? <a href={`mailto:${client.email}`}>{client.email}</a> : null}</Fact>
          <Fact term="Phones">
            {client.phones.length > 0 ? (
              <ul className={styles.plainList}>
                {client.phones.map((phone) => (
                  <li key={phone.number}>
                    <a href={`tel:${phone.number}`}>{phone.number}</a>{" "}
                    <span className="muted">({phoneTypeLabels[phone.type]})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact term="Address">{formatAddress(client)}</Fact>
          <Fact term="Date of birth">{client.dateOfBirth ? <DateText value={client.dateOfBirth} /> : null}</Fact>
          <Fact term="Household">{client.householdId ? client.householdName || "A household" : null}</Fact>
        </dl>
      </section>

      <section aria-labelledby="client-calling-heading" className={styles.group}>
        <h2 id="client-calling-heading" className={styles.heading}>
          Calling
        </h2>
        <dl className={styles.facts}>
          <Fact term="Best time to call">
            {client.contactWindowStart && client.contactWindowEnd
              ? `${client.contactWindowStart}–${client.contactWindowEnd}`
              : null}
          </Fact>
          <Fact term="Time zone">{client.timeZone || null}</Fact>
          <Fact term="Do not call">
            {client.doNotCall
              ? [
                  "Yes",
                  client.doNotCallSince && `since ${formatDate(client.doNotCallSince)}`,
                  client.doNotCallReason && `— ${client.doNotCallReason}`,
                ]
                  .filter(Boolean)
                  .join(" ")
              : "No"}
          </Fact>
          <Fact term="Call recording">{recordingConsentLabels[client.recordingConsent]}</Fact>
          <Fact term="Last contacted">
            {client.lastContactedAt ? <Time value={client.lastContactedAt} /> : "Never"}
          </Fact>
          <Fact term="Last outcome">{client.lastOutcome || null}</Fact>
          <Fact term="Next call">{client.nextCallAt ? <Time value={client.nextCallAt} /> : "None scheduled"}</Fact>
        </dl>
      </section>

      <section aria-labelledby="client-notes-heading" className={styles.group}>
        <h2 id="client-notes-heading" className={styles.heading}>
          Notes
        </h2>
        <dl className={styles.facts}>
          <Fact term="Tags">
            {client.tags.length > 0 ? (
              <ul className={styles.tags}>
                {client.tags.map((tag) => (
                  <li key={tag} className={styles.tag}>
                    {tag}
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact term="Notes">{client.notes ? <span className={styles.notes}>{client.notes}</span> : null}</Fact>
          <Fact term="ID in your previous system">{client.externalId || null}</Fact>
          <Fact term="Added">{client.createdAt ? <Time value={client.createdAt} /> : null}</Fact>
        </dl>
      </section>
    </div>
  );
}

/** One term and its value; an empty value says so. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children ?? <span className="muted">Not given</span>}</dd>
    </div>
  );
}

function formatAddress({ address }: Client): ReactNode {
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const lines = [address.line1, address.line2, cityLine, address.countryCode].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <address className={styles.address}>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </address>
  );
}
