"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { PageHeader } from "../PageHeader";
import { ImportSession } from "./ImportSession";
import { ImportUpload } from "./ImportUpload";

/**
 * The Import page: upload a CSV, then map, dry-run, import and read the report. The import's id is in the
 * URL (`?id=`), so a reload (or coming back later) picks it up where it stands.
 */
export function ImportWizard() {
  const router = useRouter();
  const importId = useSearchParams().get("id") ?? "";

  return (
    <>
      <PageHeader title="Import clients" back={{ href: "/clients", label: "Clients" }} />
      {importId ? (
        <ImportSession key={importId} importId={importId} />
      ) : (
        <ImportUpload onUploaded={(uploaded) => router.push(`/clients/import?id=${encodeURIComponent(uploaded.importId)}`)} />
      )}
    </>
  );
}
