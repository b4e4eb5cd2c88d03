// zod schema of the error union in ./errors.ts, for reading cached errors back from storage (background only).
import { z } from 'zod';
import { SERVICES, type RegistryError } from './errors';

const service = z.enum(SERVICES);

/** Validates a RegistryError read back from storage; a unit test checks that it infers exactly `RegistryError`. */
export const RegistryErrorSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-key'), service }),
  z.object({ code: z.literal('key-rejected'), service, status: z.number() }),
  z.object({ code: z.literal('plan-ended'), service, reason: z.enum(['plan-expired', 'quota-used-up']) }),
  z.object({ code: z.literal('paid-cap-reached'), service, cap: z.number(), used: z.number() }),
  z.object({ code: z.literal('not-found'), service }),
  z.object({
    code: z.literal('service-unavailable'),
    service,
    memberState: z.string().optional(),
    reason: z.string().optional(),
    retryAfterMs: z.number().optional(),
  }),
  z.object({ code: z.literal('rate-limited'), service, retryAfterMs: z.number().optional() }),
  z.object({ code: z.literal('network'), service }),
  z.object({ code: z.literal('timeout'), service }),
  z.object({
    code: z.literal('certificate'),
    service,
    host: z.string(),
    detail: z.string().optional(),
    inferred: z.boolean().optional(),
  }),
  z.object({ code: z.literal('address-not-allowed'), service, host: z.string() }),
  z.object({ code: z.literal('request-rejected'), service, reason: z.string() }),
  z.object({ code: z.literal('requester-rejected'), service }),
  z.object({ code: z.literal('malformed-answer'), service, status: z.number().optional() }),
  z.object({ code: z.literal('usage-unrecorded'), service }),
]) satisfies z.ZodType<RegistryError>;
