// What one check of a row came to: the answer the report keeps, and whether the row is done, cannot be checked now
// (and which lane — a member state, a whole service — stopped answering), or needs the user. Pure.
import { isCancelled } from '../registry/fetcher';
import type { Company, LookupResult, Part, VatCheck } from '../registry/domain';
import { isTemporaryError, type RegistryError, type Service } from '../registry/errors';
import { splitVat, VIES_TEMPORARY_REASONS } from '../registry/vies/client';
import type { Row, RowResult, RowState } from './schema';

/** VIES codes that say VIES itself (every member state) is busy or down, not one member state. */
const VIES_WIDE = ['SERVICE_UNAVAILABLE', 'GLOBAL_MAX_CONCURRENT_REQ', 'GLOBAL_MAX_CONCURRENT_REQ_TIME'];

/**
 * The lane a row's next check goes through: `vies:<member state>` for VAT and Belgian enterprise numbers, `kvk` for
 * Dutch numbers, `kbodata` for a paid Belgian lookup; undefined for a check no service is asked for.
 */
export function laneOf(row: Pick<Row, 'kind' | 'value' | 'step' | 'paidWanted'>): string | undefined {
  if (row.step === 'paid' && row.paidWanted) return 'kbodata';
  switch (row.kind) {
    case 'vat':
      return `vies:${splitVat(row.value).memberState}`;
    case 'kbo':
      return 'vies:BE';
    case 'kbo-establishment':
      return undefined; // only kbodata.app (paid) knows establishment units
    default:
      return 'kvk';
  }
}

/** True when `lane` is `down` itself or lies inside it (`vies:DE` inside `vies`). */
export function laneWithin(lane: string, down: string): boolean {
  return lane === down || lane.startsWith(`${down}:`);
}

/** What a check came to: the row's new state and answer; for `unavailable`, the lane to wait for and why. */
export interface RowOutcome {
  state: Exclude<RowState, 'waiting'>;
  result: RowResult;
  lane?: string;
  reason?: string;
}

/** The lane a temporary failure of `service` points at (one member state when VIES names one). */
function failedLane(service: Service, memberState: string | undefined): string {
  return service === 'vies' && memberState ? `vies:${memberState}` : service;
}

type Verdict = Pick<RowOutcome, 'state' | 'lane' | 'reason'>;

function viesVerdict(part: Part<VatCheck>): Verdict {
  if (!part.ok) return errorVerdict(part.error);
  const { verdict, reason, memberState } = part.value;
  if (verdict !== 'unavailable') return { state: 'done' };
  const code = reason ?? 'unavailable';
  // INVALID_INPUT, VAT_BLOCKED, IP_BLOCKED, INVALID_REQUESTER_INFO: waiting will not change them.
  if (!VIES_TEMPORARY_REASONS.includes(code)) return { state: 'error', reason: code };
  return { state: 'unavailable', lane: VIES_WIDE.includes(code) ? 'vies' : `vies:${memberState}`, reason: code };
}

function errorVerdict(error: RegistryError): Verdict {
  if (error.code === 'not-found') return { state: 'done' };
  if (isTemporaryError(error))
    return {
      state: 'unavailable',
      lane: failedLane(error.service, 'memberState' in error ? error.memberState : undefined),
      reason: ('reason' in error && error.reason) || error.code,
    };
  return { state: 'error', reason: error.code };
}

const RANK: Record<Verdict['state'], number> = { done: 0, error: 1, unavailable: 2 };

/** The company fields the report keeps. */
function companyFields(c: Company): Partial<RowResult> {
  const fields: Partial<RowResult> = {
    name: c.name,
    status: c.status,
    legalForm: c.legalForm,
    address: c.address,
    kvkNumber: c.kvkNumber,
    kboNumber: c.kboNumber,
    vatNumber: c.vatNumber,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/**
 * The outcome of one lookup, or null when the run's signal stopped it before it was sent (the row is still to be
 * checked). A part without a key (`no-key`) is left out when another part answered; a not-found company is a status.
 */
export function rowOutcome(lookup: LookupResult): RowOutcome | null {
  const { company, vat } = lookup;
  if (isCancelled(company) || isCancelled(vat)) return null;
  const answered = [company, vat].filter((p): p is NonNullable<typeof p> => p !== undefined);
  const counted = answered.some((p) => p.ok || p.error.code !== 'no-key')
    ? answered.filter((p) => p.ok || p.error.code !== 'no-key')
    : answered;
  const verdicts: Verdict[] = [];
  const result: RowResult = { sources: [] };
  for (const part of counted) {
    // A company made of VIES's name and address came with the VIES answer: one source.
    if (!result.sources.some((s) => s.service === part.source && s.fetchedAt === part.fetchedAt))
      result.sources.push({
        service: part.source,
        fetchedAt: part.fetchedAt,
        cached: part.cached,
        ...(part.demo ? { demo: true } : {}),
      });
    if (!part.ok && part.error.code !== 'not-found') result.error ??= part.error;
  }
  if (company && counted.includes(company)) {
    verdicts.push(company.ok ? { state: 'done' } : errorVerdict(company.error));
    if (company.ok) Object.assign(result, companyFields(company.value));
    else if (company.error.code === 'not-found') result.status = 'not-found';
  }
  if (vat && counted.includes(vat)) {
    verdicts.push(viesVerdict(vat));
    if (vat.ok) {
      const v = vat.value;
      result.vies = {
        verdict: v.verdict,
        memberState: v.memberState,
        checkedAt: v.checkedAt,
        ...(v.reason ? { reason: v.reason } : {}),
        ...(v.consultationNumber ? { consultationNumber: v.consultationNumber } : {}),
      };
      if (!result.name && v.name) result.name = v.name;
    }
  }
  const worst = verdicts.reduce<Verdict>((w, v) => (RANK[v.state] > RANK[w.state] ? v : w), { state: 'done' });
  return { ...worst, result };
}
