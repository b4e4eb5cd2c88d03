// Pure helpers behind the options page's inputs: masking a stored secret, reading a site the user typed, checking the
// user's own VAT number with the identifier engine before it is saved. No browser APIs (unit-tested in plain Node).
import { parseIdentifier } from './identifiers';

/** How many characters of a secret the page shows. */
export const SECRET_VISIBLE_CHARS = 4;

/** A stored secret as the page shows it: bullets and its last four characters (`••••••••abcd`); short ones fully hidden. */
export function maskSecret(secret: string): string {
  if (!secret) return '';
  const bullets = '•'.repeat(8);
  return secret.length <= SECRET_VISIBLE_CHARS * 2 ? bullets : bullets + secret.slice(-SECRET_VISIBLE_CHARS);
}

/**
 * The host name in something the user typed for the "never run on" list: a bare host (`example.com`), a host with a
 * port, or a whole address (`https://shop.example.com/cart`). Lower case, without port or trailing dot. Undefined when
 * it is not a host name or IP address.
 */
export function siteFromInput(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text || /\s/.test(text)) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.$/, '');
  if (host.startsWith('[')) return host; // IPv6 literal
  const labels = host.split('.');
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  if (!host || host.length > 253 || !labels.every((l) => label.test(l))) return undefined;
  return host;
}

/** Why a typed requester VAT number is refused. */
export type RequesterVatProblem = 'not-vat' | 'checksum' | 'unsupported-country';

/** Checks the user's own VAT number with the identifier engine: its canonical form (`NL805734958B01`), or why not. */
export function checkRequesterVat(
  input: string,
): { ok: true; value: string } | { ok: false; problem: RequesterVatProblem } {
  const parsed = parseIdentifier(input);
  if (parsed.ok) return parsed.kind === 'vat' ? { ok: true, value: parsed.value } : { ok: false, problem: 'not-vat' };
  if (parsed.reason === 'checksum' && parsed.kind === 'vat') return { ok: false, problem: 'checksum' };
  if (parsed.reason === 'unsupported-country') return { ok: false, problem: 'unsupported-country' };
  return { ok: false, problem: 'not-vat' };
}
