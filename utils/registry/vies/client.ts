// VIES client: the per-number check and check-status. Only userError INVALID means invalid; any other non-VALID
// answer — even HTTP 200 with isValid false — is "cannot be checked now" (verdict `unavailable`), except
// INVALID_REQUESTER_INFO, which is the user's own VAT number being refused (`requester-rejected`). VIES sends its error
// body `{ actionSucceed: false, errorWrappers }` with 4xx/5xx and sometimes with HTTP 200, so the body is read first.
import type { VatCheck } from '../domain';
import { failure, success, isTemporaryError, type Outcome } from '../errors';
import type { Http, HttpAnswer } from '../../net/http';
import type { RetryDecision } from '../../net/retry';
import { ViesErrorSchema, ViesMsCheckSchema, ViesPostCheckSchema, ViesStatusSchema, type ViesStatus } from './schema';

/** VIES answers that are worth retrying shortly (member state or VIES busy or down): retried by `retryVies`. */
export const VIES_TEMPORARY_REASONS = [
  'SERVICE_UNAVAILABLE',
  'MS_UNAVAILABLE',
  'TIMEOUT',
  'GLOBAL_MAX_CONCURRENT_REQ',
  'GLOBAL_MAX_CONCURRENT_REQ_TIME',
  'MS_MAX_CONCURRENT_REQ',
  'MS_MAX_CONCURRENT_REQ_TIME',
];

/** VIES's answer when the requester (the user's own VAT number) is not valid. */
export const VIES_REQUESTER_REJECTED = 'INVALID_REQUESTER_INFO';

/** Splits a canonical VAT number into VIES's member-state code and the number (Greece `GR…` → `EL`). */
export function splitVat(vat: string): { memberState: string; number: string } {
  const cc = vat.slice(0, 2).toUpperCase();
  return { memberState: cc === 'GR' ? 'EL' : cc, number: vat.slice(2).replace(/[^0-9A-Za-z+*]/g, '') };
}

/** `---` and empty strings mean "not shared". */
const shared = (v: string | null | undefined): string | null => (v && v.trim() && v.trim() !== '---' ? v.trim() : null);

function parseDate(value: string | null | undefined, fallback: number): number {
  if (!value) return fallback;
  const t = Date.parse(value.replace(/([+-]\d\d:\d\d)$/, 'T00:00:00$1'));
  const u = Number.isNaN(t) ? Date.parse(value) : t;
  return Number.isNaN(u) ? fallback : u;
}

/** Retry VIES outcomes that say "try again" (concurrency limits, member state down, timeouts) and temporary errors. */
export const retryVies: RetryDecision = (outcome) => {
  if (!outcome.ok) return isTemporaryError(outcome.error) ? {} : null;
  const check = outcome.value as VatCheck;
  return check.verdict === 'unavailable' && VIES_TEMPORARY_REASONS.includes(check.reason ?? '') ? {} : null;
};

/** The VIES client; `http` and `now` are injected. */
export class ViesClient {
  constructor(
    private readonly http: Http,
    private readonly now: () => number = Date.now,
  ) {}

  private unavailable(memberState: string, number: string, reason: string): VatCheck {
    return { verdict: 'unavailable', memberState, number, checkedAt: this.now(), name: null, address: null, reason };
  }

  /**
   * VIES's error body, whatever the HTTP status: INVALID → invalid; INVALID_REQUESTER_INFO with a requester sent →
   * `requester-rejected`; any other code → unavailable with that code. Undefined when the body is not one.
   */
  private errorBody(
    answer: HttpAnswer,
    memberState: string,
    number: string,
    requester: boolean,
  ): Outcome<VatCheck> | undefined {
    const code = ViesErrorSchema.safeParse(answer.json);
    if (!code.success) return undefined;
    if (code.data === 'INVALID') return success(this.verdict('invalid', memberState, number, {}));
    if (requester && code.data === VIES_REQUESTER_REJECTED)
      return failure({ code: 'requester-rejected', service: 'vies' });
    return success(this.unavailable(memberState, number, code.data));
  }

  /** A non-200 answer without VIES's error body: rate limited, VIES down, or something we cannot read. */
  private notACheck(answer: HttpAnswer, memberState: string): Outcome<VatCheck> {
    if (answer.status === 429)
      return failure({
        code: 'rate-limited',
        service: 'vies',
        ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
      });
    if (answer.status >= 500)
      return failure({ code: 'service-unavailable', service: 'vies', memberState, reason: `HTTP ${answer.status}` });
    return failure({ code: 'malformed-answer', service: 'vies', status: answer.status });
  }

  private verdict(
    verdict: VatCheck['verdict'],
    memberState: string,
    number: string,
    answer: {
      requestDate?: string | null;
      name?: string | null;
      address?: string | null;
      requestIdentifier?: string | null;
      userError?: string | null;
    },
  ): VatCheck {
    const consultation = shared(answer.requestIdentifier);
    return {
      verdict,
      memberState,
      number,
      checkedAt: parseDate(answer.requestDate, this.now()),
      name: verdict === 'valid' ? shared(answer.name) : null,
      address: verdict === 'valid' ? shared(answer.address) : null,
      ...(consultation ? { consultationNumber: consultation } : {}),
      ...(verdict === 'unavailable' ? { reason: answer.userError || 'NOT_VALID_WITHOUT_INVALID' } : {}),
    };
  }

  /** `GET /ms/{cc}/vat/{number}`. */
  async checkByMemberState(baseUrl: string, vat: string): Promise<Outcome<VatCheck>> {
    const { memberState, number } = splitVat(vat);
    const url = `${baseUrl}/ms/${encodeURIComponent(memberState)}/vat/${encodeURIComponent(number)}`;
    const answer = await this.http('vies', url, { headers: { accept: 'application/json' } });
    if (!answer.ok) return answer;
    const error = this.errorBody(answer.value, memberState, number, false);
    if (error) return error;
    if (answer.value.status !== 200) return this.notACheck(answer.value, memberState);
    const parsed = ViesMsCheckSchema.safeParse(answer.value.json);
    if (!parsed.success) return failure({ code: 'malformed-answer', service: 'vies', status: 200 });
    const a = parsed.data;
    if (a.userError === 'INVALID') return success(this.verdict('invalid', memberState, number, a));
    if (a.isValid && (!a.userError || a.userError === 'VALID'))
      return success(this.verdict('valid', memberState, number, a));
    return success(this.verdict('unavailable', memberState, number, a));
  }

  /**
   * `POST /check-vat-number` with the user's own VAT number as requester (for a consultation number). A `valid: false`
   * without userError INVALID is confirmed with the GET check, which says why.
   */
  async checkWithRequester(baseUrl: string, vat: string, requesterVat: string): Promise<Outcome<VatCheck>> {
    const { memberState, number } = splitVat(vat);
    const requester = splitVat(requesterVat);
    const answer = await this.http('vies', `${baseUrl}/check-vat-number`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        countryCode: memberState,
        vatNumber: number,
        requesterMemberStateCode: requester.memberState,
        requesterNumber: requester.number,
      }),
    });
    if (!answer.ok) return answer;
    const error = this.errorBody(answer.value, memberState, number, true);
    if (error) return error;
    if (answer.value.status !== 200) return this.notACheck(answer.value, memberState);
    const parsed = ViesPostCheckSchema.safeParse(answer.value.json);
    if (!parsed.success) return failure({ code: 'malformed-answer', service: 'vies', status: 200 });
    const a = parsed.data;
    if (a.userError === 'INVALID') return success(this.verdict('invalid', memberState, number, a));
    if (a.userError === VIES_REQUESTER_REJECTED) return failure({ code: 'requester-rejected', service: 'vies' });
    if (a.valid) return success(this.verdict('valid', memberState, number, a));
    if (a.userError && a.userError !== 'VALID') return success(this.verdict('unavailable', memberState, number, a));
    return this.checkByMemberState(baseUrl, vat);
  }

  /** `GET /check-status`: which member states' systems answer now (VIES's error body: VIES itself is down). */
  async status(baseUrl: string): Promise<Outcome<ViesStatus>> {
    const answer = await this.http('vies', `${baseUrl}/check-status`, {
      headers: { accept: 'application/json' },
    });
    if (!answer.ok) return answer;
    const error = ViesErrorSchema.safeParse(answer.value.json);
    if (error.success) return failure({ code: 'service-unavailable', service: 'vies', reason: error.data });
    if (answer.value.status !== 200) {
      return failure(
        answer.value.status >= 500
          ? { code: 'service-unavailable', service: 'vies', reason: `HTTP ${answer.value.status}` }
          : { code: 'malformed-answer', service: 'vies', status: answer.value.status },
      );
    }
    const parsed = ViesStatusSchema.safeParse(answer.value.json);
    return parsed.success ? success(parsed.data) : failure({ code: 'malformed-answer', service: 'vies', status: 200 });
  }
}
