import { memo } from "react";

/**
 * The IANA time zones the browser knows, as suggestions for a time zone input (`list={id}`); several hundred
 * options, so rendered once, not on every keystroke.
 */
export const TimeZoneOptions = memo(function TimeZoneOptions({ id }: { id: string }) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
});
