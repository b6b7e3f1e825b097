import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportWizard } from "@/components/imports/ImportWizard";

export const metadata: Metadata = { title: "Import clients" };

export default function ImportPage() {
  return (
    // The import being worked on is in the URL (?id=), which is only known in the browser.
    <Suspense>
      <ImportWizard />
    </Suspense>
  );
}
