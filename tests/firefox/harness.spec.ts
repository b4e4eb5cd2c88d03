import { NL } from '../fixtures/registry/companies';
import { ALL_KEYS } from '../e2e/support/credentials';
import { REGISTRY_HOSTS } from '../fixtures/registry/server';
import { expect, test } from './fixtures';
import { textOf } from './support/dom';
import { navigateExtension, storeSettings } from './support/extension-page';
import { FirefoxLog } from './support/log';
import { openPopup, search } from './support/popup';

// The Firefox toolkit itself: what it captures of the extension's logs, and where Firefox's traffic goes.

test.describe('what the extension logs', () => {
  test.use({ expectedErrors: /^("Company Lens: logged by the background page"|Error: uncaught in a page)$/ });

  test('the background page’s console errors and the pages’ uncaught errors are captured', async ({ ff }) => {
    const page = await ff.firefox.newPage();
    await navigateExtension(ff, page, '/help.html');
    await page.evaluate(async () => {
      const background = (await browser.runtime.getBackgroundPage()) as unknown as typeof globalThis;
      background.console.error('Company Lens: logged by the background page');
      setTimeout(() => {
        throw new Error('uncaught in a page');
      });
    });
    await expect
      .poll(() => ff.log.extensionErrors().map((e) => e.text))
      .toEqual(['"Company Lens: logged by the background page"', 'Error: uncaught in a page']);
    expect(ff.log.extensionErrors()[1]!.url).toBe(`${ff.origin}/help.html`);
  });
});

test('Firefox’s own console instances and other sites’ uncaught errors are not the extension’s', () => {
  const log = new FirefoxLog('moz-extension://0000');
  log.feed('stdout', 'console.error: RSLoader: \n  Failed to retrieve recipes\n');
  log.feed('stderr', 'JavaScript error: resource://gre/modules/X.sys.mjs, line 50: TypeError: x is null\n');
  log.feed('stdout', 'console.warn: "Company Lens: a warning" "TypeError"\nconsole.log: "fine"\n');
  log.feed('stderr', 'JavaScript error: moz-extension://0000/background.js, line 2: Err');
  log.feed('stderr', 'or: boom\n');
  expect(log.extensionErrors().map((e) => e.text)).toEqual(['"Company Lens: a warning" "TypeError"', 'Error: boom']);
});

test('a lookup reaches the registry hosts only; every other name Firefox tries is refused and is Firefox’s own', async ({
  ff,
  tunnels,
}) => {
  await storeSettings(ff, ALL_KEYS);
  const popup = await openPopup(ff);
  await search(popup, NL.bv.kvkNummer);
  await expect.poll(() => textOf(popup, '[data-testid=company-name]')).toBe(NL.bv.naam);
  const tunnelled = new Set(tunnels.attempts.filter((a) => a.routedTo !== undefined).map((a) => a.host));
  expect([...tunnelled].every((host) => (REGISTRY_HOSTS as readonly string[]).includes(host))).toBe(true);
  expect(tunnelled.has('api.kvk.nl')).toBe(true);
  for (const host of tunnels.refusedHosts()) expect(host).toMatch(/(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/);
});
