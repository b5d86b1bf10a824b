/** Publication dates as a reader wants them: in their locale, with time zone, and how long ago. */

export interface DisplayDate {
  /** E.g. "15 October 2024 at 14:03 CEST". */
  local: string;
  /** The ISO 8601 form as the page gave it. */
  iso: string;
  /** E.g. "3 days ago". */
  relative: string;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function displayDate(
  iso: string | null,
  locale: string,
  now = Date.now(),
): DisplayDate | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // A date without a time of day is a calendar day: don't invent "00:00" or shift it by zone.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim());
  const local = new Intl.DateTimeFormat(
    locale,
    dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' },
  ).format(time);
  const zone = dateOnly
    ? ''
    : (new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
        .formatToParts(time)
        .find((p) => p.type === 'timeZoneName')?.value ?? '');
  const diff = time - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [unit, size] = RELATIVE_UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['minute', 60_000];
  return {
    local: zone ? `${local} ${zone}` : local,
    iso,
    relative: rtf.format(Math.round(diff / size), unit),
  };
}
