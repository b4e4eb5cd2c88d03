import type { Detector } from '../../../utils/page/block-scanner';

/** A small stand-in for the engine: a `KvK` label (in the text given, context included) before 8 digits, and
 * `NL…B01`-shaped VAT numbers. Records every text it was given. */
export function fakeDetector(): Detector & { seen: string[] } {
  const seen: string[] = [];
  const detect = (text: string) => {
    seen.push(text);
    const out: ReturnType<Detector> = [];
    for (const m of text.matchAll(/(KvK[^\d]{0,20}?)(\d{4} ?\d{4})(?!\d)/g)) {
      const start = m.index + m[1]!.length;
      out.push({ kind: 'kvk', value: m[2]!.replace(' ', ''), start, end: start + m[2]!.length, checksum: 'none' });
    }
    for (const m of text.matchAll(/NL\d{9}B\d\d/g)) {
      out.push({ kind: 'vat', value: m[0], start: m.index, end: m.index + m[0].length, checksum: 'valid' });
    }
    return out;
  };
  return Object.assign(detect, { seen });
}
