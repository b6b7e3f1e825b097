import { api } from "./api";
import { navigateTo } from "./navigation";

export const logoutEverywherePath = "/bff/logout-everywhere";
export const deleteAccountPath = "/bff/delete-account";

/** Where the browser goes once the account is deleted: the landing page says so. */
export const accountDeletedPath = "/?accountDeleted=1";

/** Ends every session of the agent (every browser and app, this one too), then reloads the app at `/`. */
export async function signOutEverywhere(): Promise<void> {
  await api.post(logoutEverywherePath);
  navigateTo("/");
}

/**
 * Deletes the agent's account: every service erases the agent's data and Google access is revoked.
 * Then the browser goes to the landing page, which confirms it.
 */
export async function deleteAccount(): Promise<void> {
  await api.post(deleteAccountPath);
  navigateTo(accountDeletedPath);
}
