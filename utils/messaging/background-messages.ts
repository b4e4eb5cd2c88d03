// The message protocol between the extension's pages/content script and the background: one zod discriminated union
// on `type`, validated on arrival (utils/messaging/router.ts), and the response type of each request.
// Background-only at runtime (it imports zod): pages and the content script use `import type` and ./send.ts.
import { z } from 'zod';
import { checkIdentifier } from '../identifiers/check-one';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';
import type { PageIdentifier } from '../page/match-index';
import type { Company, LookupResult, Profile, SearchResult } from '../registry/domain';
import type { Preferences } from '../settings/preferences';
import type { RunCommand } from '../report/run';
import { REPORT_MAX_ROWS, ReportMetaSchema, ReportSourceSchema } from '../report/schema';
import { TESTED_SERVICES } from '../registry/errors';
import { HELP_ANCHORS } from '../error-messages';
import type {
  CacheStatsResponse,
  ClearCacheResponse,
  DetailsResponse,
  OpenDataProgress,
  SearchResponse,
  TestConnectionResponse,
  UsageResponse,
} from '../registry/responses';

/**
 * An identifier as the engine gives it: a kind and its canonical value (digits; VAT as `NL805734958B01`). Re-checked
 * here with the engine's own check: a value of the wrong shape or failing its check digits is refused (dropped).
 */
const identifier = {
  kind: z.enum(IDENTIFIER_KINDS),
  value: z
    .string()
    .min(2)
    .max(20)
    .regex(/^[0-9A-Z+*]+$/),
};
const checked = <T extends z.ZodObject>(schema: T) =>
  schema.refine(
    (r) => checkIdentifier((r as { kind: IdentifierKind }).kind, (r as { value: string }).value) !== 'invalid',
  );

/** A number for a new report: shape checked, check digits not (a failing check is reported, never sent). */
const reportItem = z.strictObject({ ...identifier, written: z.string().max(200).optional() });

/** One frame's identifiers as its content script reports them (page text: bounded, re-checked in the background). */
const frameIdentifier = z.strictObject({
  ...identifier,
  checksum: z.enum(['valid', 'invalid', 'none']),
  count: z.number().int().min(1),
  written: z.string().max(200).optional(),
});

/** The commands of a report (utils/report/run.ts), and deleting it. */
export const REPORT_COMMANDS = [
  'pause',
  'resume',
  'cancel',
  'retry-failed',
  'check-again',
  'accept-paid',
  'decline-paid',
  'delete',
  'wake',
] as const satisfies readonly (RunCommand | 'delete' | 'wake')[];

/** Every request the background answers. Unknown or malformed messages are dropped without an answer. */
export const RequestSchema = z.discriminatedUnion('type', [
  /** The card: who is this, from the cheapest source, plus the VIES verdict where it applies. Content scripts may send it. */
  checked(z.strictObject({ type: z.literal('lookup'), ...identifier })),
  /**
   * KVK's open data of a KVK number, only on the user's click (popup or card; content scripts may send it): `start`
   * begins or joins the request, `poll` asks how far it is (when each set is expected to go, what came back).
   */
  z.strictObject({
    type: z.literal('open-data'),
    kvkNumber: z.string().regex(/^\d{8}$/),
    mode: z.enum(['start', 'poll']),
  }),
  /** Popup search by company name (KVK Zoeken by name, kbodata denomination search). */
  z.strictObject({ type: z.literal('search'), query: z.string().trim().min(2).max(200) }),
  /** The paid profile, only on explicit request: counted by the usage meter and stopped by the monthly cap. */
  checked(z.strictObject({ type: z.literal('details'), ...identifier })),
  /** Options page: try the stored credentials of one service. */
  z.strictObject({ type: z.literal('test-connection'), service: z.enum(TESTED_SERVICES) }),
  /** Options page: paid queries this month per service, estimated cost, the cap. */
  z.strictObject({ type: z.literal('usage') }),
  z.strictObject({ type: z.literal('cache-stats') }),
  z.strictObject({ type: z.literal('clear-cache') }),
  /** The card's "More details": opens the popup's details of one number in a tab. Content scripts may send it. */
  checked(z.strictObject({ type: z.literal('open-details'), ...identifier })),
  /** The card's "Open settings" (content scripts cannot call runtime.openOptionsPage themselves). */
  z.strictObject({ type: z.literal('open-options') }),
  /** The card's "How to fix this" under an error the help page explains (a refused certificate). */
  z.strictObject({ type: z.literal('open-help'), anchor: z.enum(HELP_ANCHORS) }),
  /** A content script that found no copy of the preferences in storage.session (the worker had not started yet). */
  z.strictObject({ type: z.literal('preferences') }),
  /** Popup "On this page": what every frame of a tab found, gathered by the background. */
  z.strictObject({ type: z.literal('page-collect'), tabId: z.number().int().min(0) }),
  /** One frame's answer to the background's FRAME_MATCHES broadcast. Content scripts only. */
  z.strictObject({
    type: z.literal('frame-matches'),
    requestId: z.string().regex(/^[\w-]{1,64}$/),
    url: z.string().max(4096),
    enabled: z.boolean(),
    scanning: z.boolean(),
    frames: z.number().int().min(0).max(10_000),
    identifiers: z.array(frameIdentifier).max(REPORT_MAX_ROWS * 5),
  }),
  /** A new verification report ("Check all", "Check a list"): the background runs it; the answer is its id. */
  z.strictObject({
    type: z.literal('report-create'),
    source: ReportSourceSchema,
    items: z.array(reportItem).min(1).max(REPORT_MAX_ROWS),
  }),
  /** A user's command for a report (pause, resume, cancel, retry, check again, the paid step, delete, wake). */
  z.strictObject({
    type: z.literal('report-command'),
    id: ReportMetaSchema.shape.id,
    command: z.enum(REPORT_COMMANDS),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** The only requests a content script may send; everything else comes from the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: readonly RequestType[] = [
  'lookup',
  'open-data',
  'open-details',
  'open-options',
  'open-help',
  'preferences',
  'frame-matches',
];

/** Requests only a content script sends (a frame's answer names the frame by its sender). */
export const CONTENT_SCRIPT_ONLY: readonly RequestType[] = ['frame-matches'];

export type {
  CacheStatsResponse,
  ClearCacheResponse,
  ConnectionInfo,
  DetailsResponse,
  OpenDataProgress,
  OpenDataStep,
  SearchResponse,
  ServiceUsage,
  TestConnectionResponse,
  UsageResponse,
} from '../registry/responses';

/** The response type of each request type. */
export interface ResponseMap {
  lookup: LookupResult;
  'open-data': OpenDataProgress;
  search: SearchResponse;
  details: DetailsResponse;
  'test-connection': TestConnectionResponse;
  usage: UsageResponse;
  'cache-stats': CacheStatsResponse;
  'clear-cache': ClearCacheResponse;
  'open-details': { opened: true };
  'open-options': { opened: true };
  'open-help': { opened: true };
  preferences: Preferences;
  'page-collect': PageCollection;
  'frame-matches': { received: boolean };
  'report-create': { id: string };
  'report-command': { done: boolean };
}

/** What every frame of a tab found: the top frame's URL and switch, each identifier once (counts summed). */
export type PageCollection =
  | {
      readable: true;
      url: string;
      enabled: boolean;
      scanning: boolean;
      /** Frames that answered (the top one included), and frames their documents hold (some may not answer yet). */
      frames: number;
      framesAnnounced: number;
      identifiers: PageIdentifier[];
    }
  | { readable: false };

/** The request of one type. */
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type { Company, LookupResult, Profile, SearchResult };
