import { answerWith, type FixtureHandler } from '../support/registry-server';
import { registryHandlers } from './index';

/**
 * An organisation's own KVK address: `/kvk/api/…` answered as api.kvk.nl's `/api/…` (the KVK fixture checks the key),
 * on `host` only when one is given (a gateway served beside the registry hosts) or on any host (its own server).
 */
export function kvkGatewayHandler(host?: string): FixtureHandler {
  return (req) => {
    if ((host && req.host !== host) || !req.url.pathname.startsWith('/kvk/api/')) return undefined;
    const url = new URL(req.url.pathname.replace(/^\/kvk/, '') + req.url.search, 'https://api.kvk.nl');
    return answerWith(registryHandlers, { ...req, host: 'api.kvk.nl', url });
  };
}
