import { api } from "./api";
import { readAllPages } from "./pages";
import { asArray, asNumber, asObject, asString } from "./proto-json";

export const householdsPath = "/api/clients/households";

/** A group of clients who live together. */
export interface Household {
  householdId: string;
  name: string;
  memberCount: number;
}

export function toHousehold(json: unknown): Household {
  const body = asObject(json);
  return { householdId: asString(body.householdId), name: asString(body.name), memberCount: asNumber(body.memberCount) };
}

/** The agent's households, by name (every page of them). */
export async function listHouseholds(signal?: AbortSignal): Promise<Household[]> {
  return readAllPages(householdsPath, (page) => asArray(page.households).map(toHousehold), signal);
}

/** Creates a household; a name already used answers 400 naming `name`. */
export async function createHousehold(name: string): Promise<Household> {
  return toHousehold(await api.post<unknown>(householdsPath, { name }));
}
