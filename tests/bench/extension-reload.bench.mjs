// What the content script's own context (utils/page/script-context.ts) and the storage lock
// (utils/background/storage-access.ts) rely on, measured with two small probe extensions written to a temporary folder:
//  (a) Chromium: an extension reloaded (CDP Extensions.loadUnpacked of the same folder) whose new version injects its
//      content script into the open tab: is the new script in the old one's isolated world, does either see the
//      other's globals, what is the old script's chrome.runtime.id, do its listeners still fire?
//  (b) Firefox (when puppeteer-core is installed, see docs/security.md): the same after the add-on is installed again.
//  (c) Chromium: a content script's storage.local read by default, after setAccessLevel TRUSTED_CONTEXTS, after a
//      browser restart and after an extension reload (without calling setAccessLevel again).
//  (d) the orphan check's cost: reading chrome.runtime?.id in a content script world, against reading a plain
//      object's property (the yardstick), 1e6 reads each, median of 5.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A content script that records, in its own world, what it sees of an earlier one and what it is sent. */
const PROBE_SCRIPT = `(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const previous = globalThis.__probe;
  const me = { tag: Math.random().toString(36).slice(2, 7), sawPrevious: !!previous, api, events: 0 };
  globalThis.__probe = me;
  document.addEventListener('probe-event', () => me.events++);
  const report = () => {
    let id;
    try { id = String(me.api.runtime?.id); } catch (e) { id = 'throws'; }
    document.documentElement.setAttribute('data-probe-' + me.tag, JSON.stringify({ sawPrevious: me.sawPrevious, runtimeId: id, events: me.events, globalIsMine: globalThis.__probe === me }));
  };
  document.addEventListener('probe-report', report);
  report();
})();`;

function writeProbe(files) {
  const dir = mkdtempSync(join(tmpdir(), 'cl-probe-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function servePage() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><p>probe page</p>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Chromium with one unpacked probe extension (and CDP's Extensions domain), on `profile` or a fresh one. */
const launchChromium = (dir, profile = '') =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--enable-unsafe-extension-debugging',
    ],
  });

/** Opens `url` in a new tab and returns an evaluator for the newest content-script world in it (CDP). */
async function openWithWorld(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on(
    'Runtime.executionContextCreated',
    (e) => e.context.origin.startsWith('chrome-extension://') && worlds.push(e.context.id),
  );
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForTimeout(300);
  const evaluate = async (expression) => {
    const options = { expression, contextId: worlds.at(-1), awaitPromise: true, returnByValue: true };
    return (await cdp.send('Runtime.evaluate', options)).result.value;
  };
  return { page, worlds, evaluate };
}

/** The probes' reports as the page sees them (each script writes its own attribute). */
const reports = (evaluate) =>
  evaluate(() => {
    document.dispatchEvent(new CustomEvent('probe-event'));
    document.dispatchEvent(new CustomEvent('probe-report'));
    return [...document.documentElement.attributes]
      .filter((a) => a.name.startsWith('data-probe-'))
      .map((a) => JSON.parse(a.value));
  });

async function chromiumReload(url) {
  const dir = writeProbe({
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'reload probe',
      version: '1.0',
      permissions: ['scripting'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'bg.js' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], run_at: 'document_idle' }],
    }),
    'bg.js': `chrome.runtime.onInstalled.addListener(async ({ reason }) => {
      if (reason !== 'update') return;
      for (const tab of await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))
        await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['cs.js'] });
    });`,
    'cs.js': PROBE_SCRIPT,
  });
  const context = await launchChromium(dir);
  try {
    const { page, worlds } = await openWithWorld(context, url);
    await page.waitForTimeout(200);
    const browserSession = await context.browser().newBrowserCDPSession();
    await browserSession.send('Extensions.loadUnpacked', { path: dir });
    for (let i = 0; i < 40 && (await reports((f) => page.evaluate(f))).length < 2; i++) await page.waitForTimeout(100);
    const [old, fresh] = await reports((f) => page.evaluate(f));
    console.log(`(a) Chromium: extension worlds in the frame after the reload: ${new Set(worlds).size}`);
    console.log(`    old script: runtime.id ${old.runtimeId}, its listener still fired: ${old.events > 0}`);
    console.log(
      `    new script saw the old one's global: ${fresh.sawPrevious}; the old one sees the new one's: ${!old.globalIsMine}`,
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firefoxReload(url) {
  let puppeteer;
  try {
    puppeteer = (await import('puppeteer-core')).default;
  } catch {
    console.log('(b) Firefox: skipped (puppeteer-core is not installed)');
    return;
  }
  const dir = writeProbe({
    'manifest.json': JSON.stringify({
      manifest_version: 2,
      name: 'reload probe',
      version: '1.0',
      browser_specific_settings: { gecko: { id: 'reload-probe@company-lens.test' } },
      content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], run_at: 'document_idle' }],
    }),
    'cs.js': PROBE_SCRIPT,
  });
  const profile = mkdtempSync(join(tmpdir(), 'cl-probe-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
  });
  try {
    await browser.installExtension(dir);
    const page = await browser.newPage();
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 1000));
    await browser.installExtension(dir);
    await new Promise((r) => setTimeout(r, 1500));
    const seen = await reports((f) => page.evaluate(f));
    const old = seen.find((r) => !r.sawPrevious && r.events === 0) ?? seen[0];
    const fresh = seen.find((r) => r !== old);
    console.log(
      `(b) Firefox: scripts in the open tab after the reinstall: ${seen.length} (the new one injected: ${!!fresh})`,
    );
    console.log(
      `    old script's listener still fired: ${old.events > 0}; new script saw the old one's global: ${fresh?.sawPrevious}`,
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

async function chromiumStorageLock(url) {
  const dir = writeProbe({
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'storage probe',
      version: '1.0',
      permissions: ['storage'],
      background: { service_worker: 'bg.js' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], run_at: 'document_start' }],
    }),
    'bg.js': '',
    'cs.js': `globalThis.__read = chrome.storage.local.get('secret').then((v) => 'read ' + JSON.stringify(v), (e) => 'refused: ' + e.message);`,
  });
  const profile = mkdtempSync(join(tmpdir(), 'cl-probe-profile-'));
  const launch = () => launchChromium(dir, profile);
  const read = async (context) => {
    const { page, evaluate } = await openWithWorld(context, url);
    const value = await evaluate('__read');
    await page.close();
    return value;
  };
  try {
    let context = await launch();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => chrome.storage.local.set({ secret: 's3cret' }));
    console.log(`(c) Chromium, content script's storage.local read: by default ${await read(context)}`);
    await worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
    console.log(`    after setAccessLevel TRUSTED_CONTEXTS: ${await read(context)}`);
    await context.close();
    context = await launch();
    console.log(`    after a browser restart: ${await read(context)}`);
    await (await context.browser().newBrowserCDPSession()).send('Extensions.loadUnpacked', { path: dir });
    await new Promise((r) => setTimeout(r, 500));
    console.log(`    after an extension reload: ${await read(context)}`);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

async function orphanCheckCost(url) {
  const dir = writeProbe({
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'cost probe',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'] }],
    }),
    'cs.js': `globalThis.__time = (n) => {
      const plain = { runtime: { id: 'x' } };
      let t = performance.now(); let k = 0;
      for (let i = 0; i < n; i++) if (plain.runtime?.id != null) k++;
      const yardstick = performance.now() - t;
      t = performance.now();
      for (let i = 0; i < n; i++) if (chrome.runtime?.id != null) k++;
      return { yardstick, runtimeId: performance.now() - t, k };
    };`,
  });
  const context = await launchChromium(dir);
  try {
    const { evaluate } = await openWithWorld(context, url);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await evaluate('__time(1e6)'));
    const median = (xs) => [...xs].sort((a, b) => a - b)[2];
    const ns = (ms) => ((ms * 1e6) / 1e6).toFixed(1);
    const ratios = runs.map((r) => r.runtimeId / r.yardstick).sort((a, b) => a - b);
    console.log(
      `(d) chrome.runtime?.id: ${ns(median(runs.map((r) => r.runtimeId)))} ns a read, plain property ${ns(median(runs.map((r) => r.yardstick)))} ns;` +
        ` ratio median ${median(ratios).toFixed(1)} (${ratios[0].toFixed(1)}–${ratios[4].toFixed(1)})`,
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  mkdirSync(tmpdir(), { recursive: true });
  const { server, url } = await servePage();
  try {
    await chromiumReload(url);
    await firefoxReload(url);
    await chromiumStorageLock(url);
    await orphanCheckCost(url);
  } finally {
    server.close();
  }
}
