import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { OPTIONAL_HOST_PERMISSIONS, REGISTRY_HOST_PERMISSIONS } from './utils/hosts';

/** The content-script context that takes the place of WXT's in the content script's build. */
const OWN_SCRIPT_CONTEXT = fileURLToPath(new URL('./utils/page/script-context.ts', import.meta.url));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources archive AMO asks for (`npm run zip:firefox`): what builds the extension, no tests or local output
  // (WXT already leaves out node_modules, dotfiles and .output). See docs/firefox.md.
  zip: {
    excludeSources: [
      'tests/**',
      'playwright*.config.ts',
      'vitest.config.ts',
      'test-results/**',
      'playwright-report/**',
      'stats.html',
      '**/*.log',
    ],
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Company Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest: only to read the error name of the extension's own failed requests (certificate diagnosis);
    // it adds no install warning (management.getPermissionWarningsByManifest lists the same with and without it).
    // alarms: wakes the worker while a verification report waits to try a member state again (no install warning).
    permissions: ['storage', 'contextMenus', 'webRequest', 'alarms'],
    host_permissions: [...REGISTRY_HOST_PERMISSIONS],
    // An organisation's own API address, requested at runtime; Firefox's MV2 build lists origins in
    // optional_permissions (WXT drops optional_host_permissions there).
    ...(browser === 'firefox'
      ? { optional_permissions: [...OPTIONAL_HOST_PERMISSIONS] }
      : { optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS] }),
    // The chunks the content script imports when a page needs them (utils/chunk-import.ts): the identifier engine and
    // the hover card's UI.
    web_accessible_resources: [
      { resources: ['engine.js', 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'company-lens@company-lens.app',
              strict_min_version: '140.0',
              // Numbers found on pages are sent to the company registries, only when the user hovers or asks.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script (and the card UI it loads) use the browsers' own promise-based APIs instead of
    // webextension-polyfill: Chrome MV3 and Firefox both have them, and the polyfill would be loaded on every page.
    // Extension pages and the background keep the polyfill (WXT's module aliases `wxt/browser` to it).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === 'card-ui' || e.name === 'engine')) return;
      const nativeBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));
      const alias = config.resolve?.alias;
      const rules = [
        { find: /^wxt\/browser$/, replacement: nativeBrowser },
        // WXT's content-script entry builds its ContentScriptContext, which posts the extension's id to every page
        // and lets any page invalidate the script: ours replaces it (utils/page/script-context.ts, docs/security.md).
        { find: /^wxt\/utils\/content-script-context$/, replacement: OWN_SCRIPT_CONTEXT },
      ];
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [...rules, ...alias]
          : [...rules, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
      // The highlight rules go to every frame: no prefixes for browsers the extension does not run in.
      config.build = { ...config.build, cssTarget: ['chrome120', 'firefox140'] };
    },
    // WXT takes the toolbar title from the popup's <title>; give it the localised one instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
});
