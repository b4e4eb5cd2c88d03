// Dates and ages for display, in the UI language. Pure (Intl only). Formatters are made once per language and
// options and kept: making one costs far more than using it, and the hover card formats several per answer.

const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

/** The formatter made by `make` for this `id` (language and options), made on first use. */
function memo<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  id: string,
  make: () => F,
): F {
  let formatter = formatters.get(id) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(id, formatter);
  }
  return formatter;
}

/** An ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` written for people ("10 April 2017", "April 2017", "2017"). */
export function formatDate(iso: string, lang: string): string {
  const m = iso.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
  return memo(
    `date:${lang}:${d ? 'day' : 'month'}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        year: 'numeric',
        month: 'long',
        ...(d ? { day: 'numeric' } : {}),
        timeZone: 'UTC',
      }),
  ).format(date);
}

/** A moment as date and time ("23 Nov 2026, 09:30"). */
export function formatDateTime(epochMs: number, lang: string): string {
  return memo(
    `date-time:${lang}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(epochMs));
}

/** How long ago (`now - epochMs`), in the largest whole unit: "just now"-like "0 minutes ago", "3 hours ago". */
export function formatAge(epochMs: number, now: number, lang: string): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  const rtf = memo(`age:${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.floor(seconds / 3600), 'hour');
  return rtf.format(-Math.floor(seconds / 86_400), 'day');
}

/** An amount in euros ("€0.02", "0,02 €"). */
export function formatEuro(amount: number, lang: string): string {
  return memo(
    `euro:${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
  ).format(amount);
}
