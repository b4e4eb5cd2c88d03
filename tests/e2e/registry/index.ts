import type { FixtureHandler } from '../support/registry-server';
import { kbodataHandler } from './kbodata';
import { kvkHandler } from './kvk';
import { viesHandler } from './vies';

/**
 * The fixture registry's default answers, tried in order: KVK, VIES and kbodata.app for a set of fictional companies
 * (see ./companies.ts). A request no handler answers gets a 404 with a JSON body naming it.
 */
export const registryHandlers: FixtureHandler[] = [kvkHandler, viesHandler, kbodataHandler];
