import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { OPTIONAL_HOST_PERMISSIONS, REGISTRY_HOST_PERMISSIONS } from './utils/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Company Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest: only to read the error name of the extension's own failed requests (certificate diagnosis);
    // measured: the install warnings are the same with and without it.
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
              strict_min_version: '142.0',
              // Numbers found on pages are sent to the company registries, only when the user hovers or asks.
              data_collection_permissions: { required: ['websiteContent'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script (and the card UI it loads) use the browsers' own promise-based APIs instead of
    // webextension-polyfill: Chrome MV3 and Firefox both have them, and the polyfill costs ~3 KB gzipped on every page.
    // Extension pages and the background keep the polyfill (WXT's module aliases `wxt/browser` to it).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === 'card-ui' || e.name === 'engine')) return;
      const nativeBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));
      const alias = config.resolve?.alias;
      const rule = { find: /^wxt\/browser$/, replacement: nativeBrowser };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [rule, ...alias]
          : [rule, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
      // The highlight rules go to every frame: no prefixes for browsers the extension does not run in.
      config.build = { ...config.build, cssTarget: ['chrome120', 'firefox142'] };
    },
    // WXT takes the toolbar title from the popup's <title>; give it the localised one instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
});
