"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { listClients } from "@/lib/clients-api";
import {
  hasFilters,
  readClientListState,
  toListClientsQuery,
  writeClientListState,
  type ClientFilters,
  type ClientListState,
} from "@/lib/client-search";
import { exportPath } from "@/lib/imports-api";
import { useLoad } from "@/lib/use-load";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";
import { ClientFiltersForm } from "./ClientFiltersForm";
import { ClientTable } from "./ClientTable";
import styles from "./ClientList.module.css";

/**
 * The book of clients: one query box, filters, an order and keyset pages. Everything the agent chose lives
 * in the URL, so it survives a reload and back/forward steps through it.
 */
export function ClientList() {
  const router = useRouter();
  const state = readClientListState(useSearchParams());
  const query = toListClientsQuery(state);
  const { state: page, reload } = useLoad(query, (signal) => listClients(query, signal));
  const filtersKey = writeClientListState({ ...state, pageToken: "", previousPageTokens: [] });

  function go(next: ClientListState) {
    const search = writeClientListState(next);
    router.push(search ? `/clients?${search}` : "/clients");
  }

  function applyFilters(filters: ClientFilters) {
    go({ ...filters, pageToken: "", previousPageTokens: [] });
  }

  function nextPage(token: string) {
    go({ ...state, pageToken: token, previousPageTokens: [...state.previousPageTokens, state.pageToken] });
  }

  function previousPage() {
    const tokens = state.previousPageTokens;
    go({ ...state, pageToken: tokens.at(-1) ?? "", previousPageTokens: tokens.slice(0, -1) });
  }

  const pageNumber = state.pageToken ? state.previousPageTokens.length + 1 : 1;
  return (
    <>
      <PageHeader
        title="Clients"
        actions={
          <>
            <Link href="/clients/import" className="button button-secondary">
              Import
            </Link>
            <a href={exportPath} download="book.csv" className="button button-secondary">
              Export CSV
            </a>
            <Link href="/clients/new" className="button button-primary">
              New client
            </Link>
          </>
        }
      />
      <ClientFiltersForm key={filtersKey} initial={state} onApply={applyFilters} />

      {page.status === "loading" && (
        <p role="status" className="muted">
          Loading clients…
        </p>
      )}
      {page.status === "error" && <ProblemAlert error={page.error} onRetry={reload} />}
      {page.status === "loaded" && page.value.clients.length === 0 && pageNumber === 1 && (
        <div className={styles.empty}>
          {hasFilters(state) ? (
            <p>No clients match. Try fewer filters, or fewer letters of the name.</p>
          ) : (
            <>
              <p>Your book is empty.</p>
              <p className="muted">
                <Link href="/clients/import">Import the client list you already have</Link> or{" "}
                <Link href="/clients/new">add a client</Link>.
              </p>
            </>
          )}
        </div>
      )}
      {page.status === "loaded" && (page.value.clients.length > 0 || pageNumber > 1) && (
        <>
          <ClientTable clients={page.value.clients} />
          {(pageNumber > 1 || page.value.nextPageToken) && (
            <nav aria-label="Pages of clients" className={styles.pager}>
              <button type="button" className="button button-secondary" onClick={previousPage} disabled={pageNumber === 1}>
                Previous page
              </button>
              <span className="muted">Page {pageNumber}</span>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => nextPage(page.value.nextPageToken)}
                disabled={!page.value.nextPageToken}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
