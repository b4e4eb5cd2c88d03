import { describe, expect, it, vi } from 'vitest';
import { routeMessage, senderRole, type Handlers } from '../../utils/messaging/router';

const own = { id: 'ourid', origin: 'chrome-extension://ourid' };
const page = { id: 'ourid', url: 'chrome-extension://ourid/popup.html' };
const pageInTab = { ...page, tab: { id: 3 } };
const content = { id: 'ourid', url: 'https://shop.example/', tab: { id: 4 } };

function handlers(): Handlers {
  const answer = (type: string) => vi.fn(async () => ({ answered: type }) as never);
  return {
    lookup: answer('lookup'),
    'open-data': answer('open-data'),
    search: answer('search'),
    details: answer('details'),
    'test-connection': answer('test-connection'),
    usage: answer('usage'),
    'cache-stats': answer('cache-stats'),
    'clear-cache': answer('clear-cache'),
    'open-details': answer('open-details'),
    'open-options': answer('open-options'),
    'open-help': answer('open-help'),
    preferences: answer('preferences'),
    'page-collect': answer('page-collect'),
    'frame-matches': answer('frame-matches'),
    'report-create': answer('report-create'),
    'report-command': answer('report-command'),
  };
}

describe('senderRole', () => {
  it('tells pages (also in a tab) from content scripts and refuses strangers', () => {
    expect(senderRole(page, own.id, own.origin)).toBe('page');
    expect(senderRole(pageInTab, own.id, own.origin)).toBe('page');
    expect(senderRole(content, own.id, own.origin)).toBe('content-script');
    expect(senderRole({ ...page, id: 'otherid' }, own.id, own.origin)).toBe('refused');
    expect(senderRole({ id: 'ourid', url: 'chrome-extension://otherid/x.html' }, own.id, own.origin)).toBe('refused');
    expect(senderRole({ id: 'ourid' }, own.id, own.origin)).toBe('refused');
  });
});

describe('routeMessage', () => {
  it('answers a valid lookup from a content script and from a page', async () => {
    const h = handlers();
    const msg = { type: 'lookup', kind: 'kvk', value: '68750110' };
    await expect(routeMessage(msg, content, h, own)).resolves.toEqual({ answered: 'lookup' });
    await expect(routeMessage(msg, page, h, own)).resolves.toEqual({ answered: 'lookup' });
    expect(h.lookup).toHaveBeenCalledTimes(2);
  });

  it("answers the card's open-details and open-options from a content script, checked like a lookup", async () => {
    const h = handlers();
    await expect(
      routeMessage({ type: 'open-details', kind: 'kvk', value: '68750110' }, content, h, own),
    ).resolves.toEqual({ answered: 'open-details' });
    await expect(routeMessage({ type: 'open-options' }, content, h, own)).resolves.toEqual({
      answered: 'open-options',
    });
    expect(routeMessage({ type: 'open-details', kind: 'rsin', value: '857587974' }, content, h, own)).toBeUndefined();
    expect(routeMessage({ type: 'open-options', url: 'https://evil.test' }, content, h, own)).toBeUndefined();
    expect(h['open-details']).toHaveBeenCalledTimes(1);
  });

  it("answers the card's open-data for an 8-digit KVK number and a known mode only", async () => {
    const h = handlers();
    await expect(
      routeMessage({ type: 'open-data', kvkNumber: '68750110', mode: 'start' }, content, h, own),
    ).resolves.toEqual({ answered: 'open-data' });
    await expect(
      routeMessage({ type: 'open-data', kvkNumber: '68750110', mode: 'poll' }, page, h, own),
    ).resolves.toEqual({ answered: 'open-data' });
    for (const msg of [
      { type: 'open-data', kvkNumber: '6875011', mode: 'start' },
      { type: 'open-data', kvkNumber: '68750110/../x', mode: 'start' },
      { type: 'open-data', kvkNumber: '68750110', mode: 'always' },
      { type: 'open-data', kvkNumber: '68750110' },
      { type: 'open-data', kvkNumber: '68750110', mode: 'start', url: 'https://evil.test' },
      { type: 'test-connection', service: 'kvk-open' },
    ])
      expect(routeMessage(msg, content, h, own)).toBeUndefined();
    expect(h['open-data']).toHaveBeenCalledTimes(2);
  });

  it('answers a content script asking for the preferences, nothing more in the request', async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'preferences' }, content, h, own)).resolves.toEqual({ answered: 'preferences' });
    expect(routeMessage({ type: 'preferences', key: 'credentials' }, content, h, own)).toBeUndefined();
    expect(h.preferences).toHaveBeenCalledTimes(1);
  });

  it("answers the card's open-help for a known help section only", async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'open-help', anchor: 'certificate' }, content, h, own)).resolves.toEqual({
      answered: 'open-help',
    });
    expect(routeMessage({ type: 'open-help', anchor: 'javascript:alert(1)' }, content, h, own)).toBeUndefined();
    expect(routeMessage({ type: 'open-help' }, content, h, own)).toBeUndefined();
    expect(h['open-help']).toHaveBeenCalledTimes(1);
  });

  it('refuses everything but the card requests from a content script', () => {
    const h = handlers();
    for (const msg of [
      { type: 'usage' },
      { type: 'clear-cache' },
      { type: 'test-connection', service: 'kvk' },
      { type: 'details', kind: 'kvk', value: '68750110' },
      { type: 'search', query: 'Test BV' },
    ]) {
      expect(routeMessage(msg, content, h, own)).toBeUndefined();
      expect(routeMessage(msg, page, h, own)).toBeInstanceOf(Promise);
    }
    expect(h.usage).toHaveBeenCalledTimes(1);
  });

  it('takes report and page-collect requests from pages only, frame answers from content scripts only', () => {
    const h = handlers();
    const frame = {
      type: 'frame-matches',
      requestId: 'a1b2-c3',
      url: 'https://shop.example/',
      enabled: true,
      scanning: false,
      frames: 2,
      identifiers: [{ kind: 'vat', value: 'NL857587974B01', checksum: 'invalid', count: 1, written: 'NL857587974B01' }],
    };
    const fromPages = [
      { type: 'page-collect', tabId: 4 },
      { type: 'report-create', source: { type: 'list' }, items: [{ kind: 'vat', value: 'NL857587974B01' }] },
      { type: 'report-command', id: 'e2b1c0de-0000-4000-8000-000000000000', command: 'retry-failed' },
    ];
    for (const msg of fromPages) {
      expect(routeMessage(msg, content, h, own)).toBeUndefined();
      expect(routeMessage(msg, page, h, own)).toBeInstanceOf(Promise);
    }
    expect(routeMessage(frame, page, h, own)).toBeUndefined();
    expect(routeMessage(frame, content, h, own)).toBeInstanceOf(Promise);
    expect(h['frame-matches']).toHaveBeenCalledWith(expect.objectContaining({ frames: 2 }), content);
    for (const bad of [
      { type: 'report-create', source: { type: 'list' }, items: [] },
      {
        type: 'report-create',
        source: { type: 'list' },
        items: Array.from({ length: 2001 }, () => ({ kind: 'kvk', value: '68750110' })),
      },
      { type: 'report-command', id: 'x', command: 'pause' },
      { type: 'report-command', id: 'e2b1c0de-0000-4000-8000-000000000000', command: 'explode' },
      { type: 'page-collect', tabId: -1 },
    ])
      expect(routeMessage(bad, page, h, own)).toBeUndefined();
    expect(routeMessage({ ...frame, requestId: '<script>' }, content, h, own)).toBeUndefined();
    expect(h['report-create']).toHaveBeenCalledTimes(1);
  });

  it('drops unknown and malformed messages without calling a handler', () => {
    const h = handlers();
    for (const msg of [
      undefined,
      null,
      'lookup',
      42,
      {},
      { type: 'nope' },
      { type: 'lookup' },
      { type: 'lookup', kind: 'iban', value: '68750110' },
      { type: 'lookup', kind: 'kvk', value: '<img src=x>' },
      { type: 'lookup', kind: 'kvk', value: '68750110', extra: 'field' },
      { type: 'test-connection', service: 'google' },
      { type: 'lookup', kind: 'kbo', value: '0403170702' }, // fails its mod-97 check
      { type: 'lookup', kind: 'kvk', value: '1234567' }, // KVK numbers have 8 digits
      { type: 'details', kind: 'rsin', value: '857587974' }, // fails the 11-proef
      { type: 'search', query: 'x'.repeat(500) },
    ]) {
      expect(routeMessage(msg, page, h, own)).toBeUndefined();
    }
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a well-formed message from another extension', () => {
    const h = handlers();
    expect(routeMessage({ type: 'usage' }, { ...page, id: 'evil' }, h, own)).toBeUndefined();
    expect(h.usage).not.toHaveBeenCalled();
  });

  it('answers nothing (and does not throw) when a handler fails', async () => {
    const h = handlers();
    h.usage = vi.fn(async () => {
      throw new Error('boom');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(routeMessage({ type: 'usage' }, page, h, own)).resolves.toBeUndefined();
  });
});
