import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { isTemporaryError, type RegistryError } from '../../utils/registry/errors';
import { RegistryErrorSchema } from '../../utils/registry/errors-schema';

describe('RegistryError', () => {
  it('has a zod schema inferring exactly the zod-free type', () => {
    expectTypeOf<z.infer<typeof RegistryErrorSchema>>().toEqualTypeOf<RegistryError>();
  });
  it('refuses unknown codes and extra raw content is stripped', () => {
    expect(RegistryErrorSchema.safeParse({ code: 'teapot', service: 'kvk' }).success).toBe(false);
    expect(RegistryErrorSchema.parse({ code: 'network', service: 'kvk', body: '<html>' })).toEqual({
      code: 'network',
      service: 'kvk',
    });
  });
  it('counts only outages, rate limits and network failures as temporary', () => {
    expect(isTemporaryError({ code: 'network', service: 'vies' })).toBe(true);
    expect(isTemporaryError({ code: 'rate-limited', service: 'kvk' })).toBe(true);
    expect(isTemporaryError({ code: 'service-unavailable', service: 'vies', memberState: 'DE' })).toBe(true);
    expect(isTemporaryError({ code: 'key-rejected', service: 'kvk', status: 401 })).toBe(false);
    expect(isTemporaryError({ code: 'plan-ended', service: 'kbodata', reason: 'quota-used-up' })).toBe(false);
    expect(isTemporaryError({ code: 'certificate', service: 'kvk', host: 'api.kvk.nl' })).toBe(false);
  });
});
