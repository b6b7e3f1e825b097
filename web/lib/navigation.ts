/** Full-page navigation (leaves the app, e.g. to the gateway's sign-in, or reloads it after sign-out). */
export function navigateTo(url: string): void {
  window.location.assign(url);
}
