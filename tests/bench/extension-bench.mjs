// What the benches of the production build share: the build, the test support (TypeScript) bundled for Node, the
// fixture registry on 127.0.0.1 and Chromium with the extension; all closed again afterwards.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SUPPORT = `
export { launchExtension } from './tests/e2e/support/browser';
export { makeCertificate } from './tests/e2e/support/certificate';
export { RegistryServer, REGISTRY_HOSTS } from './tests/fixtures/registry/server';
export { registryHandlers } from './tests/fixtures/registry';
`;

/**
 * Builds the extension, bundles the test support plus `exports` (more `export … from` lines), starts the fixture
 * registry and Chromium, and calls `bench({ m, registry, launched })` (`m`: the bundle's exports).
 */
export async function withExtension(name, exports, bench) {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  // Inside the project, so the bundle's bare imports (@playwright/test) resolve from node_modules.
  mkdirSync('node_modules/.cache', { recursive: true });
  const dir = mkdtempSync(join('node_modules/.cache', `cl-${name}-bench-`));
  let registry;
  let launched;
  try {
    const out = resolve(dir, 'support.mjs');
    await build({
      stdin: { contents: SUPPORT + exports, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: out,
      logLevel: 'error',
    });
    const m = await import(pathToFileURL(out).href);
    const certificate = m.makeCertificate([...m.REGISTRY_HOSTS]);
    registry = await m.RegistryServer.start({ ...certificate, handlers: m.registryHandlers });
    launched = await m.launchExtension({ registryPort: registry.port, trustedSpki: [certificate.spki] });
    return await bench({ m, registry, launched });
  } finally {
    await launched?.close();
    await registry?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
