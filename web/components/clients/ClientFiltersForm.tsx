"use client";

import { useState, type FormEvent } from "react";
import { clientOrderLabels, type ClientOrder } from "@/lib/client-terms";
import { effectiveOrder, hasFilters, noFilters, type ClientFilters } from "@/lib/client-search";
import {
  lineOfBusiness,
  lineOfBusinessLabels,
  policyStatus,
  policyStatusLabels,
  type LineOfBusiness,
  type PolicyStatus,
} from "@/lib/policy-terms";
import form from "../forms/form.module.css";
import styles from "./ClientFiltersForm.module.css";

interface ClientFiltersFormProps {
  initial: ClientFilters;
  onApply: (filters: ClientFilters) => void;
}

const orders: ClientOrder[] = ["relevance", "name", "last-contacted", "next-renewal", "recently-added"];

/**
 * The query box, filters and order. Choices (selects, the checkbox) apply at once; typed values apply on
 * Enter or "Search".
 */
export function ClientFiltersForm({ initial, onApply }: ClientFiltersFormProps) {
  const [filters, setFilters] = useState(initial);

  function change<K extends keyof ClientFilters>(key: K, value: ClientFilters[K], applyNow = false) {
    const next = { ...filters, [key]: value };
    setFilters(next);
    if (applyNow) onApply(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filters);
  }

  const hasQuery = filters.query.trim() !== "";
  return (
    <form role="search" aria-label="Clients" className={styles.form} onSubmit={handleSubmit}>
      <div className={styles.searchRow}>
        <label htmlFor="client-search" className="visually-hidden">
          Search clients
        </label>
        <input
          id="client-search"
          type="search"
          className={form.input}
          placeholder="Search by name, e-mail, phone or policy number"
          autoComplete="off"
          value={filters.query}
          onChange={(event) => change("query", event.target.value)}
        />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </div>
      <div className={styles.filters}>
        <div className={styles.filter}>
          <label htmlFor="filter-renewal">Renewal due within (days)</label>
          <input
            id="filter-renewal"
            className={form.input}
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            value={filters.renewalDueWithinDays}
            onChange={(event) => change("renewalDueWithinDays", event.target.value)}
          />
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-not-contacted">Not contacted for (days)</label>
          <input
            id="filter-not-contacted"
            className={form.input}
            type="number"
            min={1}
            max={36500}
            inputMode="numeric"
            value={filters.notContactedForDays}
            onChange={(event) => change("notContactedForDays", event.target.value)}
          />
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-line">Line of business</label>
          <select
            id="filter-line"
            className={form.input}
            value={filters.lineOfBusiness}
            onChange={(event) => change("lineOfBusiness", event.target.value as LineOfBusiness | "", true)}
          >
            <option value="">Any</option>
            {lineOfBusiness.keys.map((line) => (
              <option key={line} value={line}>
                {lineOfBusinessLabels[line]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-status">Policy status</label>
          <select
            id="filter-status"
            className={form.input}
            value={filters.policyStatus}
            onChange={(event) => change("policyStatus", event.target.value as PolicyStatus | "", true)}
          >
            <option value="">Any</option>
            {policyStatus.keys.map((status) => (
              <option key={status} value={status}>
                {policyStatusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-carrier">Carrier</label>
          <input
            id="filter-carrier"
            className={form.input}
            autoComplete="off"
            value={filters.carrier}
            onChange={(event) => change("carrier", event.target.value)}
          />
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-tag">Tag</label>
          <input
            id="filter-tag"
            className={form.input}
            autoComplete="off"
            value={filters.tag}
            onChange={(event) => change("tag", event.target.value)}
          />
        </div>
        <div className={styles.filter}>
          <label htmlFor="filter-sort">Sort by</label>
          <select
            id="filter-sort"
            className={form.input}
            value={effectiveOrder(filters) || (hasQuery ? "relevance" : "name")}
            onChange={(event) => change("order", event.target.value as ClientOrder, true)}
          >
            {orders.map((order) => (
              <option key={order} value={order} disabled={order === "relevance" && !hasQuery}>
                {clientOrderLabels[order]}
              </option>
            ))}
          </select>
        </div>
        <label className={`${form.check} ${styles.lapsed}`}>
          <input
            type="checkbox"
            checked={filters.lapsed}
            onChange={(event) => change("lapsed", event.target.checked, true)}
          />
          Has a lapsed policy
        </label>
      </div>
      {hasFilters(filters) && (
        <p className={styles.clear}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setFilters(noFilters);
              onApply(noFilters);
            }}
          >
            Clear search and filters
          </button>
        </p>
      )}
    </form>
  );
}
