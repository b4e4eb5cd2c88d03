// The verification report as it is stored (storage.local) and read back: zod schemas are the source of truth, each
// row validated on its own so one damaged row drops that row, not the report (./store.ts). Background and extension
// pages only (zod).
import { z } from 'zod';
import { IDENTIFIER_KINDS } from '../identifiers/types';
import { AddressSchema, CompanyStatusSchema } from '../registry/domain';
import { RegistryErrorSchema } from '../registry/errors-schema';
import { SERVICES } from '../registry/errors';

/** Numbers a report holds at most (a longer list gets a clear message before anything is sent). */
export const REPORT_MAX_ROWS = 2000;

/** What the report knows of a company after its checks; everything optional, filled by what answered. */
export const RowResultSchema = z.object({
  name: z.string().optional(),
  /** The registry's status; `not-found` when the registry has no such number. */
  status: z.union([CompanyStatusSchema, z.literal('not-found')]).optional(),
  legalForm: z.string().optional(),
  address: AddressSchema.optional(),
  kvkNumber: z.string().optional(),
  kboNumber: z.string().optional(),
  vatNumber: z.string().optional(),
  /** The VIES verdict: `unavailable` is "cannot be checked now", never invalid. */
  vies: z
    .object({
      verdict: z.enum(['valid', 'invalid', 'unavailable']),
      memberState: z.string(),
      reason: z.string().optional(),
      consultationNumber: z.string().optional(),
      checkedAt: z.number(),
    })
    .optional(),
  /** The failure that kept a part from answering (the first one), for its wording. */
  error: RegistryErrorSchema.optional(),
  /** Each service that answered a part, when, and whether from the cache. */
  sources: z.array(
    z.object({
      service: z.enum(SERVICES),
      fetchedAt: z.number(),
      cached: z.boolean(),
      demo: z.boolean().optional(),
    }),
  ),
});
export type RowResult = z.infer<typeof RowResultSchema>;

/**
 * Where a row stands: `waiting` to be checked (or checked again); `done` with its answer; `unavailable`: cannot be
 * checked now (a service or member state down, busy, unreachable), tried again at `nextTryAt` when set; `error`: an
 * answer that needs the user (no key, key rejected, cap reached, malformed answer).
 */
export const RowStateSchema = z.enum(['waiting', 'done', 'unavailable', 'error']);
export type RowState = z.infer<typeof RowStateSchema>;

/** One distinct number of the report. */
export const RowSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string().regex(/^[0-9A-Z+*]{2,20}$/),
  /** As it was written on the page or in the list. */
  written: z.string().max(60),
  /** The number's own check (check digits), offline. */
  checksum: z.enum(['valid', 'invalid', 'none']),
  state: RowStateSchema,
  /** `paid`: the row's next (or last) check may ask a paid service (the user agreed to it). */
  step: z.enum(['free', 'paid']),
  /** The next check ignores the cache ("check again now", "retry these"). */
  fresh: z.boolean().optional(),
  /** When an `unavailable` row is tried again by itself; absent once its service was given up on. */
  nextTryAt: z.number().optional(),
  /** Why an `unavailable` or `error` row could not be checked: VIES's code (`MS_UNAVAILABLE`) or an error code. */
  reason: z.string().max(60).optional(),
  /** When its last check finished. */
  checkedAt: z.number().optional(),
  /** A paid service could add to what the free ones said (kbodata.app for a Belgian number). */
  paidWanted: z.boolean().optional(),
  result: RowResultSchema.optional(),
});
export type Row = z.infer<typeof RowSchema>;

/** Where the numbers came from: a page (all its frames) or a pasted list. */
export const ReportSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), url: z.string().max(2048), title: z.string().max(300).optional() }),
  z.object({ type: z.literal('list') }),
]);
export type ReportSource = z.infer<typeof ReportSourceSchema>;

/**
 * A lane that stopped answering (`vies:DE` a member state, `vies`, `kvk`, `kbodata` a whole service): its rows wait
 * until `downUntil`, then one row probes it; `failures` counts the probes that failed in a row.
 */
export const LaneSchema = z.object({
  failures: z.number().int().min(0),
  downUntil: z.number().optional(),
  reason: z.string().max(60).optional(),
});
export type Lane = z.infer<typeof LaneSchema>;

/**
 * The run as a whole. `running`: the background checks (or waits for a lane to come back); `paused` and `cancelled`
 * start nothing; `finished`: nothing left to try by itself. `paid`: whether paid lookups were offered and answered.
 */
export const ReportMetaSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{6,40}$/),
  createdAt: z.number(),
  updatedAt: z.number(),
  source: ReportSourceSchema,
  /** The user's own VAT number sent to VIES as requester (consultation numbers), when one was set. */
  requesterVat: z.string().max(20).optional(),
  status: z.enum(['running', 'paused', 'cancelled', 'finished']),
  rowCount: z.number().int().min(0).max(REPORT_MAX_ROWS),
  lanes: z.record(z.string(), LaneSchema),
  /** VIES's check-status was asked for this pass (it says which member states are down before any check). */
  statusChecked: z.boolean(),
  paid: z.enum(['none', 'offered', 'accepted', 'declined']),
  /** Rows being checked right now (what the page shows as "checking…"). */
  inFlight: z.array(z.string().max(40)).max(64),
  /** The last save failed (storage full): the run was paused. */
  saveFailed: z.boolean().optional(),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** A whole report in memory: its meta and its rows in report order. */
export interface Report {
  meta: ReportMeta;
  rows: Row[];
}

/** One entry of the list of reports (the popup's "last reports", the report page's list). */
export const ReportIndexEntrySchema = z.object({
  id: ReportMetaSchema.shape.id,
  createdAt: z.number(),
  source: ReportSourceSchema,
  rowCount: z.number().int().min(0),
});
export type ReportIndexEntry = z.infer<typeof ReportIndexEntrySchema>;

/** The row's key in a report (also the key of its `inFlight` entry). */
export const rowKey = (row: Pick<Row, 'kind' | 'value'>): string => `${row.kind}:${row.value}`;
