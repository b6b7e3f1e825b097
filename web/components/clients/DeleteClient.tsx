"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { asApiError, type ApiError } from "@/lib/api";
import { deleteClient, type Client } from "@/lib/clients-api";
import { ProblemAlert } from "../ProblemAlert";
import { ConflictNotice } from "../forms/ConflictNotice";
import confirmPanel from "../ConfirmPanel.module.css";

interface DeleteClientProps {
  client: Client;
  /** Reads the client again (after a conflict). */
  onReload: () => Promise<void>;
}

/** Deleting a client asks first, deletes only the version the agent saw, then goes back to the list. */
export function DeleteClient({ client, onReload }: DeleteClientProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  async function handleDelete() {
    setPending(true);
    setError(null);
    try {
      await deleteClient(client.clientId, client.etag);
      router.push("/clients");
    } catch (failure) {
      setError(asApiError(failure));
      setPending(false);
    }
  }

  if (!confirming) {
    return (
      <div>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          Delete client
        </button>
      </div>
    );
  }

  const policies = client.policies.length;
  return (
    <div role="group" aria-labelledby="delete-client-title" className={confirmPanel.confirm}>
      <p id="delete-client-title" className={confirmPanel.title}>
        Delete {client.displayName}?
      </p>
      <p>
        This deletes the client{policies > 0 ? ` and ${policies === 1 ? "their policy" : `their ${policies} policies`}` : ""}{" "}
        from your book. It cannot be undone.
      </p>
      {error?.status === 409 ? (
        <ConflictNotice
          what="client"
          onReload={() => {
            setError(null);
            void onReload();
          }}
        >
          It was not deleted: load the latest version to see what changed.
        </ConflictNotice>
      ) : (
        error && <ProblemAlert error={error} />
      )}
      <div className={confirmPanel.actions}>
        <button type="button" className="button button-danger" onClick={handleDelete} disabled={pending}>
          {pending ? "Deleting…" : "Delete client"}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="button button-secondary"
          onClick={() => {
            setError(null);
            setConfirming(false);
          }}
          disabled={pending}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
