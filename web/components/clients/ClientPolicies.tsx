"use client";

import { useEffect, useRef, useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import type { Client } from "@/lib/clients-api";
import { formatMoney } from "@/lib/format";
import { createPolicy, deletePolicy, updatePolicy, type Policy, type PolicyInput } from "@/lib/policies-api";
import { hasEndDate, lineOfBusinessLabels, policyStatusLabels } from "@/lib/policy-terms";
import { ProblemAlert } from "../ProblemAlert";
import { DateText } from "../Time";
import { ConflictNotice } from "../forms/ConflictNotice";
import { PolicyForm, emptyPolicyInput } from "./PolicyForm";
import confirmPanel from "../ConfirmPanel.module.css";
import styles from "./ClientPolicies.module.css";

type Editing = { mode: "none" } | { mode: "new" } | { mode: "edit"; policyId: string } | { mode: "delete"; policyId: string };

interface ClientPoliciesProps {
  client: Client;
  /** Reads the client again after a policy changed (or to get the latest after a conflict). */
  onChanged: () => Promise<void>;
}

/** The client's policies, added, edited and deleted in place. */
export function ClientPolicies({ client, onChanged }: ClientPoliciesProps) {
  const [editing, setEditing] = useState<Editing>({ mode: "none" });
  const [saved, setSaved] = useState("");
  const policies = client.policies;
  const current = editing.mode === "edit" || editing.mode === "delete" ? policies.find((p) => p.policyId === editing.policyId) : undefined;

  function open(next: Editing) {
    setSaved("");
    setEditing(next);
  }

  async function afterChange(message: string) {
    await onChanged();
    setEditing({ mode: "none" });
    setSaved(message);
  }

  return (
    <section aria-labelledby="client-policies-heading" className={styles.section}>
      <div className={styles.header}>
        <h2 id="client-policies-heading" className={styles.heading}>
          Policies
        </h2>
        {editing.mode !== "new" && (
          <button type="button" className="button button-secondary" onClick={() => open({ mode: "new" })}>
            Add policy
          </button>
        )}
      </div>
      <p role="status" className={styles.saved}>
        {saved}
      </p>

      {policies.length === 0 ? (
        <p className="muted">No policies yet.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Line</th>
                <th scope="col">Carrier</th>
                <th scope="col">Status</th>
                <th scope="col">Premium</th>
                <th scope="col">Effective</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.map((policy) => (
                <PolicyRow key={policy.policyId} policy={policy} onEdit={() => open({ mode: "edit", policyId: policy.policyId })} onDelete={() => open({ mode: "delete", policyId: policy.policyId })} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing.mode === "new" && (
        <PolicyForm
          title="New policy"
          initial={emptyPolicyInput}
          submitLabel="Add policy"
          savingLabel="Adding…"
          onSave={async (input) => {
            const policy = await createPolicy(client.clientId, input);
            await afterChange(`Policy ${policy.policyNumber} added.`);
          }}
          onCancel={() => setEditing({ mode: "none" })}
        />
      )}
      {editing.mode === "edit" && current && (
        <PolicyForm
          // A reloaded policy is a new version: the form starts again from it.
          key={current.etag}
          title={`Edit policy ${current.policyNumber}`}
          initial={policyInputOf(current)}
          submitLabel="Save policy"
          savingLabel="Saving…"
          onSave={async (input) => {
            const policy = await updatePolicy(client.clientId, current.policyId, current.etag, input);
            await afterChange(`Policy ${policy.policyNumber} saved.`);
          }}
          onReload={onChanged}
          onCancel={() => setEditing({ mode: "none" })}
        />
      )}
      {editing.mode === "delete" && current && (
        <ConfirmDeletePolicy
          key={current.etag}
          policy={current}
          onDelete={async () => {
            await deletePolicy(client.clientId, current.policyId, current.etag);
            await afterChange(`Policy ${current.policyNumber} deleted.`);
          }}
          onReload={onChanged}
          onCancel={() => setEditing({ mode: "none" })}
        />
      )}
    </section>
  );
}

function PolicyRow({ policy, onEdit, onDelete }: { policy: Policy; onEdit: () => void; onDelete: () => void }) {
  return (
    <tr>
      <th scope="row">{policy.policyNumber}</th>
      <td>
        {policy.lineOfBusiness ? lineOfBusinessLabels[policy.lineOfBusiness] : "—"}
        {policy.lineOfBusinessText && <span className={styles.sub}>“{policy.lineOfBusinessText}” in the imported file</span>}
      </td>
      <td>{policy.carrier}</td>
      <td>
        {policy.status ? policyStatusLabels[policy.status] : "—"}
        {policy.statusText && <span className={styles.sub}>“{policy.statusText}” in the imported file</span>}
        {hasEndDate(policy.status) &&
          (policy.endDate ? (
            <span className={styles.sub}>
              since <DateText value={policy.endDate} />
            </span>
          ) : (
            <span className={styles.sub}>date unknown</span>
          ))}
      </td>
      <td>{formatMoney(policy.premiumMinor, policy.currencyCode)}</td>
      <td>{policy.effectiveDate ? <DateText value={policy.effectiveDate} /> : "—"}</td>
      <td>{policy.expirationDate ? <DateText value={policy.expirationDate} /> : "—"}</td>
      <td className={styles.rowActions}>
        <button type="button" className="button button-secondary" onClick={onEdit} aria-label={`Edit policy ${policy.policyNumber}`}>
          Edit
        </button>
        <button type="button" className="button button-secondary" onClick={onDelete} aria-label={`Delete policy ${policy.policyNumber}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

interface ConfirmDeletePolicyProps {
  policy: Policy;
  onDelete: () => Promise<void>;
  onReload: () => Promise<void>;
  onCancel: () => void;
}

/** Deleting asks first, and only deletes the version the agent saw. */
function ConfirmDeletePolicy({ policy, onDelete, onReload, onCancel }: ConfirmDeletePolicyProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => cancelButton.current?.focus(), []);

  async function handleDelete() {
    setPending(true);
    setError(null);
    try {
      await onDelete();
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  const titleId = `delete-policy-${policy.policyId}`;
  return (
    <div role="group" aria-labelledby={titleId} className={confirmPanel.confirm}>
      <p id={titleId} className={confirmPanel.title}>
        Delete policy {policy.policyNumber}?
      </p>
      <p>The policy leaves the client&apos;s book; its history stays on the client.</p>
      {error?.status === 409 ? (
        <ConflictNotice what="policy" onReload={() => void onReload()}>
          It was not deleted: load the latest version to see what changed.
        </ConflictNotice>
      ) : (
        error && <ProblemAlert error={error} />
      )}
      <div className={confirmPanel.actions}>
        <button type="button" className="button button-danger" onClick={handleDelete} disabled={pending}>
          {pending ? "Deleting…" : "Delete policy"}
        </button>
        <button ref={cancelButton} type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function policyInputOf(policy: Policy): PolicyInput {
  return {
    policyNumber: policy.policyNumber,
    carrier: policy.carrier,
    lineOfBusiness: policy.lineOfBusiness,
    status: policy.status,
    premiumMinor: policy.premiumMinor,
    currencyCode: policy.currencyCode,
    effectiveDate: policy.effectiveDate,
    expirationDate: policy.expirationDate,
    endDate: policy.endDate,
    notes: policy.notes,
  };
}
