export const identityMePath = "/api/identity/me";
export const logoutPath = "/bff/logout";

/** The gateway's sign-in entry; after signing in the browser lands on `returnPath`. */
export function signInUrl(returnPath: string): string {
  // Slashes are legal in a query value; keeping them makes the link readable.
  return `/bff/login?returnUrl=${encodeURIComponent(returnPath).replace(/%2F/g, "/")}`;
}
