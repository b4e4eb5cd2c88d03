// The identifier engine on the labelled corpus of real page text (tests/fixtures/detection): what it must find, what it
// must leave alone (phone, order, IBAN, BSN numbers and other look-alikes), and each number's own check.
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../utils/identifiers';
import { readCorpus, scoreDetection } from '../support/score-detection';

describe('detection corpus', () => {
  const cases = readCorpus();
  const score = scoreDetection(cases, findIdentifiers);

  it('has its cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it('finds what is labelled and little else (precision ≥ 0.99, recall ≥ 0.98), every check agreeing', () => {
    expect({ precision: score.precision >= 0.99, recall: score.recall >= 0.98 }, score.problems.join('\n')).toEqual({
      precision: true,
      recall: true,
    });
    expect(score.checksumsAgreeing).toBe(score.checksumsAsked);
    expect(score.problems.filter((p) => p.includes('threw'))).toEqual([]);
  });

  it('reads adversarial megabytes without throwing (a catastrophic regex would not finish)', () => {
    const adversarial = [
      '1234567890'.repeat(100_000),
      '0123.456.78 '.repeat(87_000),
      'NL12345678 B0 '.repeat(75_000),
      'KvK BTW KvK-nummer '.repeat(53_000),
    ];
    for (const text of adversarial) expect(Array.isArray(findIdentifiers(text))).toBe(true);
  });
});
