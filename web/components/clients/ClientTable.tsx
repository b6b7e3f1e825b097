import Link from "next/link";
import type { ClientSummary } from "@/lib/clients-api";
import { DateText, Time } from "../Time";
import styles from "./ClientTable.module.css";

/** One page of clients: who, how to reach them, how many policies, the next renewal and the last contact. */
export function ClientTable({ clients }: { clients: ClientSummary[] }) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Phone</th>
            <th scope="col">Policies</th>
            <th scope="col">Next renewal</th>
            <th scope="col">Last contacted</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.clientId}>
              <th scope="row">
                <Link href={`/clients/${encodeURIComponent(client.clientId)}`} className={styles.name}>
                  {client.displayName}
                </Link>
                {(client.doNotCall || client.tags.length > 0) && (
                  <span className={styles.badges}>
                    {client.doNotCall && <span className={styles.doNotCall}>Do not call</span>}
                    {client.tags.map((tag) => (
                      <span key={tag} className={styles.tag}>
                        {tag}
                      </span>
                    ))}
                  </span>
                )}
              </th>
              <td>{client.email || <span className="muted">—</span>}</td>
              <td>{client.phone ? <a href={`tel:${client.phone}`}>{client.phone}</a> : <span className="muted">—</span>}</td>
              <td>{client.policyCount}</td>
              <td>{client.nextRenewalDate ? <DateText value={client.nextRenewalDate} /> : <span className="muted">—</span>}</td>
              <td>{client.lastContactedAt ? <Time value={client.lastContactedAt} /> : <span className="muted">Never</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
