/** How the workspace shows dates, times, amounts and counts. The app is in English, so dates are too. */

const locale = "en-US";

/** "2027-03-04" as "Mar 4, 2027"; a calendar date has no time zone, so none is applied. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** An RFC 3339 timestamp in the browser's time zone, e.g. "Mar 4, 2027, 3:05 PM". */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "1 day", "12 days". */
export function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

/** How many digits after the decimal point a currency's minor units take (2 for USD, 0 for JPY). */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A premium in minor units as money, e.g. ("123450", "USD") → "$1,234.50". */
export function formatMoney(minor: string, currencyCode: string): string {
  const code = currencyCode || "USD";
  const major = minorToMajor(minor, code);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(Number(major));
  } catch {
    return `${major} ${code}`;
  }
}

/** Minor units as the amount an agent types, e.g. ("123450", "USD") → "1234.50"; "" for "". */
export function minorToMajor(minor: string, currencyCode: string): string {
  if (!/^-?\d+$/.test(minor)) return "";
  const digits = currencyDigits(currencyCode || "USD");
  const negative = minor.startsWith("-");
  const units = (negative ? minor.slice(1) : minor).padStart(digits + 1, "0");
  const whole = units.slice(0, units.length - digits).replace(/^0+(?=\d)/, "");
  const fraction = digits > 0 ? `.${units.slice(units.length - digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/**
 * An amount as typed ("1,234.5", "1234.50", "80") in minor units as a string (int64 travels as a
 * string), or an error in words. A sign is passed on: the API says what it thinks of negative premiums.
 */
export function majorToMinor(text: string, currencyCode: string): { minor: string } | { error: string } {
  const cleaned = text.replace(/[\s,]/g, "");
  if (cleaned === "") return { minor: "0" };
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === "" && !match[3])) return { error: "is not an amount, for example 1234.50." };
  const digits = currencyDigits(currencyCode || "USD");
  const fraction = match[3] ?? "";
  if (fraction.length > digits) {
    return { error: digits === 0 ? `has no cents in ${currencyCode}.` : `has more than ${digits} digits after the point.` };
  }
  const units = `${match[2] || "0"}${fraction.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  return { minor: `${match[1] && units !== "0" ? "-" : ""}${units}` };
}

/** A typed whole number ("30", " 7 ") as a number; undefined for anything else ("", "1.5", "-3", "1e3"). */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
