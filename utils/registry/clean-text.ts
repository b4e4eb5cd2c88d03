// Registry text as the UI may show it: every string of an answer loses the C0 and C1 control characters and the
// bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which could make a name read
// as another ("U+202E" reverses what follows). Line feeds stay (VIES separates address lines with them); tabs and
// carriage returns become a space and a line feed. Applied once, where every answer leaves the fetcher.

/** The characters removed: C0 (but line feed), DEL and C1, and the bidi embedding/override/isolate controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** One string without its control characters. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '');
}

/** `value` with every string in it (at any depth) cleaned; other values as they are. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  }
  return value;
}
