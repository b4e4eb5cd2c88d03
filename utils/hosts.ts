/** The registry origins the extension may call: the only host permissions of the production build. */
export const REGISTRY_ORIGINS = {
  kvk: 'https://api.kvk.nl',
  vies: 'https://ec.europa.eu',
  kbodata: 'https://api.kbodata.app',
  /** KVK's open datasets: a host of its own, called without a key. */
  'kvk-open': 'https://opendata.kvk.nl',
} as const;

/** Match patterns for `host_permissions`, one per registry origin. */
export const REGISTRY_HOST_PERMISSIONS = Object.values(REGISTRY_ORIGINS).map((origin) => `${origin}/*`);

/**
 * `optional_host_permissions`: what an organisation's own API address may be — any https origin, or plain
 * http on this computer. Nothing is granted at install: the options page requests the one origin the user enters.
 */
export const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
