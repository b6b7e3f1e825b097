import { api } from "./api";
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

/** The agent's households, by name. */
export async function listHouseholds(signal?: AbortSignal): Promise<Household[]> {
  const body = asObject(await api.get<unknown>(householdsPath, { signal, cache: "no-store" }));
  return asArray(body.households).map(toHousehold);
}

/** Creates a household; a name already used answers 400 naming `name`. */
export async function createHousehold(name: string): Promise<Household> {
  return toHousehold(await api.post<unknown>(householdsPath, { name }));
}
