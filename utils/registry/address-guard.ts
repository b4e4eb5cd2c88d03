// Where each service's requests may go: its public origin, or the organisation's own address configured for
// it — and a custom origin only with the host permission the user granted on the options page. Pure: the permission
// check is injected, so unit tests run in Node.
import { REGISTRY_ORIGINS } from '../hosts';
import type { Credentials } from '../settings/schema';
import type { RegistryError, Service } from './errors';

/** The origins a service's requests may go to with these credentials. */
export function allowedOrigins(credentials: Credentials, service: Service): string[] {
  const origins: string[] = [REGISTRY_ORIGINS[service]];
  const custom = service === 'kvk' || service === 'kbodata' ? credentials[service].baseUrl : null;
  if (custom) origins.push(new URL(custom).origin);
  return origins;
}

/**
 * Null when a request to `url` for `service` may be sent; otherwise `address-not-allowed`. `hasPermission` says
 * whether the user granted the host permission for a custom origin (the public ones are in the manifest).
 */
export async function checkRequestAddress(
  credentials: Credentials,
  service: Service,
  url: string,
  hasPermission: (origin: string) => Promise<boolean>,
): Promise<RegistryError | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { code: 'address-not-allowed', service, host: '' };
  }
  const refuse: RegistryError = { code: 'address-not-allowed', service, host: target.host };
  if (!allowedOrigins(credentials, service).includes(target.origin)) return refuse;
  if (target.origin === REGISTRY_ORIGINS[service]) return null;
  return (await hasPermission(target.origin)) ? null : refuse;
}
