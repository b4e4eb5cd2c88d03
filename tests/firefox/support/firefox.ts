import { X509Certificate, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FirefoxLog } from './log';

/** The production Firefox build under test (`wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A host whose certificate the profile accepts: the PEM the test server presents for it. */
export interface TrustedHost {
  host: string;
  cert: string;
}

export interface FirefoxLaunchOptions {
  /** Port of the test's CONNECT proxy (support/connect-proxy.ts): every request off loopback goes there. */
  proxyPort: number;
  /** Certificates accepted per host (cert_override.txt). A host left out stays untrusted. */
  trusted: TrustedHost[];
  /** Firefox's UI language (`en-US`, `nl`, `fr`: the installed language packs); the extension follows it. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** Firefox with the extension installed as a temporary add-on. */
export interface LaunchedFirefox {
  firefox: Browser;
  /** The add-on's gecko id. */
  extensionId: string;
  /** `moz-extension://<uuid>`: the extension pages' origin (the UUID is chosen by the test, see launchFirefox). */
  origin: string;
  /** Firefox's stdout and stderr: every console call (background included) and every uncaught error. */
  log: FirefoxLog;
  close(): Promise<void>;
}

/** The gecko id the build declares (browser_specific_settings.gecko.id). */
export function geckoId(dir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no gecko id: build with \`wxt build -b firefox\``);
  return id;
}

/**
 * One `cert_override.txt` line: Firefox accepts this certificate (by its SHA-256 fingerprint) for `host`:443 as if the
 * user had added an exception, whatever its issuer. The certificate stays untrusted for every other host.
 */
export function certOverrideLine({ host, cert }: TrustedHost): string {
  const fingerprint = new X509Certificate(cert).fingerprint256;
  return `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint}\t`;
}

/** The preferences every launch sets (puppeteer writes them to the profile's user.js, over what it holds). */
function prefs(proxyPort: number, locale: string): Record<string, unknown> {
  return {
    // permissions.request (from a real click) grants without the doorhanger BiDi cannot answer.
    'extensions.webextOptionalPermissionPrompts': false,
    'devtools.console.stdout.content': true,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.stricttransportsecurity.preloadlist': false,
    // DNS over HTTPS, captive-portal and connectivity checks would be refused by the proxy anyway: keep them off.
    'network.trr.mode': 5,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Firefox's built-in webcompat add-on logs console warnings of its own at start (Firefox 140): no interventions.
    'extensions.webcompat.perform_injections': false,
    'intl.locale.requested': locale,
    'intl.accept_languages': locale === 'en-US' ? 'en-US, en' : locale,
  };
}

/** Starts firefox-esr headless on `profile` over WebDriver BiDi. */
function startFirefox(profile: string, extraPrefs: Record<string, unknown>, viewport = { width: 1000, height: 700 }) {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Navigating a tab to moz-extension:// needs it.
    args: ['--remote-allow-system-access'],
    defaultViewport: viewport,
    extraPrefsFirefox: extraPrefs,
  });
}

/**
 * A profile Firefox has started on once (its databases and caches created), for launchFirefox to copy: Firefox starts
 * on a used profile in about half the time it takes to set up a new one. It holds no extension and no certificate
 * exception. Remove it with rmSync when done.
 */
export async function makeProfileTemplate(proxyPort: number): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'cl-firefox-template-'));
  const firefox = await startFirefox(profile, prefs(proxyPort, 'en-US'));
  await firefox.close();
  return profile;
}

/**
 * Launches Debian's firefox-esr (headless, a copy of `template` or a new profile) over WebDriver BiDi and installs the
 * build as a temporary add-on. Network: a manual proxy for everything (loopback excepted, as Firefox never proxies
 * it); trust: one cert_override.txt line per trusted host, and no HSTS preload list (`.app` is preloaded:
 * api.kbodata.app would refuse any exception). The extension's UUID is fixed through `extensions.webextensions.uuids`,
 * so its pages' URLs are known.
 */
export async function launchFirefox(options: FirefoxLaunchOptions & { template?: string }): Promise<LaunchedFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'cl-firefox-'));
  if (options.template) cpSync(options.template, profile, { recursive: true });
  writeFileSync(join(profile, 'cert_override.txt'), options.trusted.map(certOverrideLine).join('\n') + '\n');
  const id = geckoId();
  const uuid = randomUUID();
  const firefox = await startFirefox(
    profile,
    {
      ...prefs(options.proxyPort, options.locale ?? 'en-US'),
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
    },
    options.viewport,
  );
  const log = new FirefoxLog(`moz-extension://${uuid}`);
  log.attach(firefox.process()!);
  let installed: string;
  try {
    installed = await firefox.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await firefox.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);
  return {
    firefox,
    extensionId: id,
    origin: `moz-extension://${uuid}`,
    log,
    async close() {
      await firefox.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends one raw WebDriver BiDi command on the browser's session. */
export function bidi<T = unknown>(firefox: Browser, method: string, params: object): Promise<T> {
  const connection = (firefox as unknown as { connection: { send(m: string, p: object): Promise<{ result: T }> } })
    .connection;
  return connection.send(method, params).then((answer) => answer.result);
}

/** The BiDi browsing-context id of a page's top frame. */
export function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}
