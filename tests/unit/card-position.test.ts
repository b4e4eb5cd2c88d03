import { describe, expect, it } from 'vitest';
import { CARD_GAP, CARD_MARGIN, placeCard } from '../../utils/card/position';
import { isCardRequest } from '../../utils/messaging/card-messages';
import { popupHash, targetFromHash } from '../../utils/popup/popup-hash';

const box = (left: number, top: number, width = 80, height = 20) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it('goes below the number, aligned with its left edge, when there is room', () => {
    expect(placeCard(box(100, 100), 360, 300, 1000, 800)).toEqual({
      left: 100,
      top: 120 + CARD_GAP,
      side: 'below',
      align: 'start',
    });
  });

  it('flips above near the bottom and left near the right edge', () => {
    const p = placeCard(box(900, 700), 360, 300, 1000, 800);
    expect(p.side).toBe('above');
    expect(p.top + 300).toBe(700 - CARD_GAP);
    expect(p.align).toBe('end');
    expect(p.left + 360).toBe(980);
  });

  it('takes the side with more room when it fits on neither, and stays inside the viewport', () => {
    const p = placeCard(box(10, 150), 360, 500, 400, 600);
    expect(p.side).toBe('below');
    expect(p.top).toBe(600 - CARD_MARGIN - 500);
    expect(p.left).toBe(10);
    const tall = placeCard(box(10, 300), 360, 900, 400, 600);
    expect(tall.top).toBe(CARD_MARGIN);
  });
});

describe('popup hash', () => {
  it('round-trips details and searches, and refuses anything else', () => {
    const details = { type: 'details', kind: 'vat', value: 'NL857587973B01' } as const;
    expect(targetFromHash(popupHash(details))).toEqual(details);
    const search = { type: 'search', query: 'Bakkerij Jansen / Lollum', reason: 'unknown-format' } as const;
    expect(targetFromHash(popupHash(search))).toEqual(search);
    for (const bad of [
      '',
      '#',
      '#details/iban/NL91',
      '#details/kvk/<img>',
      '#search//',
      '#search/x/%E0%A4%A',
      '#other',
    ])
      expect(targetFromHash(bad)).toBeUndefined();
  });
});

describe('isCardRequest', () => {
  it('accepts a kind, a canonical value and a passing check only', () => {
    const ok = { type: 'company-lens:open-card', kind: 'kvk', value: '68750110', checksum: 'none' };
    expect(isCardRequest(ok)).toBe(true);
    expect(isCardRequest({ ...ok, checksum: 'valid' })).toBe(true);
    expect(isCardRequest({ ...ok, checksum: 'invalid' })).toBe(false);
    expect(isCardRequest({ type: 'company-lens:open-card', kind: 'kvk', value: '68750110' })).toBe(false);
    expect(isCardRequest({ type: 'company-lens:open-card', kind: 'iban', value: '68750110' })).toBe(false);
    expect(isCardRequest({ type: 'company-lens:open-card', kind: 'kvk', value: '<b>1</b>' })).toBe(false);
    expect(isCardRequest({ type: 'lookup', kind: 'kvk', value: '68750110' })).toBe(false);
    expect(isCardRequest(null)).toBe(false);
  });
});
