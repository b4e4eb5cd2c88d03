import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REGISTRY_HOSTS } from '../../fixtures/registry/server';

/** The production build under test. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Port of the local fixture registry that the registry host names are mapped to. */
  registryPort: number;
  /** SPKI hashes Chromium accepts without a trusted chain (the fixture certificate's). Empty: nothing is trusted. */
  trustedSpki: string[];
  /** Extra host names to map to loopback ports (an organisation's own API gateway; a registry host on another server). */
  extraHosts?: Record<string, number>;
  /** Write Chromium's net log here (read it after the context is closed). */
  netLogPath?: string;
  locale?: string;
  /** Reuse this profile (e.g. one prepared by grantHostPermission) instead of a fresh one. */
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  /** More Chromium switches (e.g. `--enable-unsafe-extension-debugging` for CDP's Extensions domain). */
  extraArgs?: string[];
}

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built extension, a fresh profile, and the registry hosts mapped to the local
 * fixture server. `MAP * ~NOTFOUND` makes every other name unresolvable, so nothing leaves loopback.
 */
export async function launchExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'cl-profile-'));
  const rules = [
    // Extra hosts first: the first matching rule wins, so they may also move a registry host to another server.
    ...Object.entries(options.extraHosts ?? {}).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
    ...REGISTRY_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.registryPort}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE localhost',
  ].join(', ');
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${rules}`,
  ];
  if (options.trustedSpki.length) args.push(`--ignore-certificate-errors-spki-list=${options.trustedSpki.join(',')}`);
  if (options.netLogPath) args.push(`--log-net-log=${options.netLogPath}`, '--net-log-capture-mode=Default');
  if (options.locale) args.push(`--lang=${options.locale}`);
  args.push(...(options.extraArgs ?? []));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 800 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A socket Chromium opened, as its net log tells it: where it connected and whether it sent anything. */
export interface NetLogSocket {
  protocol: 'tcp' | 'udp';
  remote: string;
  bytesSent: boolean;
}

/**
 * The sockets in a Chromium net log (read after the browser has closed). A UDP "connect" sends no packet (Chromium
 * does one to a public IPv6 address to learn whether IPv6 is reachable), so a test asks which sockets sent bytes.
 */
export function socketsInNetLog(path: string): NetLogSocket[] {
  let text = readFileSync(path, 'utf8').trimEnd();
  // A log cut short by an abrupt exit lacks its closing brackets.
  if (!text.endsWith('}')) text = text.replace(/,?\s*$/, '') + ']}';
  const log = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; source: { id: number }; params?: { address?: string } }[];
  };
  const type = log.constants.logEventTypes;
  const sockets = new Map<number, NetLogSocket>();
  const sent = new Set<number>();
  for (const event of log.events) {
    const id = event.source.id;
    if ((event.type === type.TCP_CONNECT_ATTEMPT || event.type === type.UDP_CONNECT) && event.params?.address) {
      sockets.set(id, {
        protocol: event.type === type.UDP_CONNECT ? 'udp' : 'tcp',
        remote: event.params.address,
        bytesSent: false,
      });
    }
    if (event.type === type.SOCKET_BYTES_SENT || event.type === type.UDP_BYTES_SENT) sent.add(id);
  }
  return [...sockets.entries()].map(([id, s]) => ({ ...s, bytesSent: s.protocol === 'tcp' || sent.has(id) }));
}

/** True for 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopback(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+(:\d+)?$/.test(address) || /^\[?::1\]?(:\d+)?$/.test(address);
}

/** A temporary path for a net log. */
export function tempNetLogPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'cl-netlog-')), 'netlog.json');
}

/**
 * Launches the extension with host permissions already granted, as if the user had accepted the browser's prompt
 * (Playwright cannot answer an extension's permission dialog). Launches once so Chromium installs the extension,
 * writes the grants into the profile's Preferences (granted and active explicit hosts), and launches again on it.
 */
export async function launchWithGrantedHosts(options: LaunchOptions, patterns: string[]): Promise<LaunchedExtension> {
  const first = await launchExtension(options);
  await first.context.close();
  const path = join(first.userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(path, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> };
  };
  const settings = prefs.extensions.settings[first.extensionId]!;
  for (const key of ['granted_permissions', 'active_permissions']) {
    const set = settings[key]!;
    set.explicit_host = [...(set.explicit_host ?? []), ...patterns];
  }
  writeFileSync(path, JSON.stringify(prefs));
  return launchExtension({ ...options, userDataDir: first.userDataDir });
}
