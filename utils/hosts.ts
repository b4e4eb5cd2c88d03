/** The registry origins the extension may call: the only host permissions of the production build. */
export const REGISTRY_ORIGINS = {
  kvk: 'https://api.kvk.nl',
  vies: 'https://ec.europa.eu',
  kbodata: 'https://api.kbodata.app',
} as const;

/** Match patterns for `host_permissions`, one per registry origin. */
export const REGISTRY_HOST_PERMISSIONS = Object.values(REGISTRY_ORIGINS).map((origin) => `${origin}/*`);
