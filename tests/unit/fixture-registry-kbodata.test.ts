import { describe, expect, it } from 'vitest';
import { BE, BE_ESTABLISHMENTS } from '../fixtures/registry/companies';
import { KBODATA_TOKENS, KBODATA_USER, basicAuth } from '../fixtures/registry/keys';
import { ask } from './fixture-registry-support';

const kbo = (path: string, token: string = KBODATA_TOKENS.production, user = KBODATA_USER) =>
  ask({ url: `https://api.kbodata.app/v1/${path}`, headers: { authorization: basicAuth(user, token) } });

describe('fixture registry: kbodata.app', () => {
  it('answers enterprise/get.json with the documented body', async () => {
    const a = await kbo(`enterprise/get.json?enterpriseNumber=${BE.nv.enterpriseNumber}`);
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ success: 1, data: expect.any(Object) });
    expect(a.json.data).toMatchObject({
      enterpriseNumber: '0765432146',
      enterpriseNumberFormatted: '0765.432.146',
      type: 2,
      juridicalFormCode: '014',
      vatNumber: 'BE0765432146',
      establishments: [{ establishmentNumber: '2134567845', establishmentNumberFormatted: '2.134.567.845' }],
      addresses: [{ type: 'REGO', streetNL: 'Wetstraat', streetFR: 'Rue de la Loi', addressAdditional: null }],
    });
    expect(a.json.data).not.toHaveProperty('activities');
    const dotted = await kbo('enterprise/get.json?enterpriseNumber=0765.432.146');
    expect(dotted.json.data.enterpriseNumber).toBe('0765432146');
  });

  it('knows a 1-series natural person and an establishment unit', async () => {
    const one = await kbo(`enterprise/get.json?enterpriseNumber=${BE.oneSeries.enterpriseNumber}`);
    expect(one.json.data).toMatchObject({
      type: 1,
      juridicalFormCode: null,
      enterpriseNumberFormatted: '1023.456.797',
    });
    const unit = await kbo(
      `establishment/get.json?establishmentNumber=${BE_ESTABLISHMENTS.brewery.establishmentNumber}`,
    );
    expect(unit.json.data).toMatchObject({
      enterpriseNumber: BE.nv.enterpriseNumber,
      establishmentNumberFormatted: '2.134.567.845',
      addresses: [{ type: 'BAET', cityFR: 'Gand' }],
    });
  });

  it('verifies VAT numbers by enterprise number or VAT number, details only when valid', async () => {
    const byNumber = await kbo(`vat-number/verify.json?enterpriseNumber=${BE.bv.enterpriseNumber}`);
    expect(byNumber.json.data).toEqual({
      isValid: true,
      vatNumber: 'BE0876543270',
      details: { name: 'SRL Société Lumière & Fils', address: 'Rue Féronstrée 93, 4000 Liège' },
      enterpriseNumber: '0876543270',
      enterpriseNumberFormatted: '0876.543.270',
    });
    const stopped = await kbo(`vat-number/verify.json?vatNumber=BE${BE.stopped.enterpriseNumber}`);
    expect(stopped.json.data).toEqual({ isValid: false, vatNumber: `BE${BE.stopped.enterpriseNumber}` });
    const both = await kbo(`vat-number/verify.json?vatNumber=BE0876543270&enterpriseNumber=0876543270`);
    expect([both.status, both.json.success]).toEqual([409, 0]);
    expect((await kbo('vat-number/verify.json?vatNumber=BE0876543270', KBODATA_TOKENS.development)).status).toBe(401);
  });

  it('searches denominations by keywords (case and accents ignored) and by entity number', async () => {
    const a = await kbo('denomination/search.json?query=societe%20lumiere');
    expect(a.json).toMatchObject({ success: 1, count: 1, pagination: {} });
    expect(a.json.data[0]).toMatchObject({ entityNumber: '0876543270', entityType: 'enterprise', type: 1 });
    const byEntity = await kbo(`denomination/search.json?entityNumber=${BE.nv.enterpriseNumber}&filter[type]=1`);
    expect(byEntity.json.data.map((d: { language: string }) => d.language)).toEqual(['NL', 'FR']);
    const units = await kbo('denomination/search.json?query=hopje&filter[entityType]=establishment');
    expect(units.json.data[0]).toMatchObject({ entityNumber: '2134567845', enterpriseNumber: '0765432146' });
    const none = await kbo('denomination/search.json?query=zzzz');
    expect(none.json).toMatchObject({ success: 1, count: 0, data: [] });
  });

  it('lists activities with filters', async () => {
    const all = await kbo(`activity/get-list.json?entityNumber=${BE.nv.enterpriseNumber}`);
    expect(all.json.count).toBe(3);
    const main = await kbo(
      `activity/get-list.json?entityNumber=${BE.nv.enterpriseNumber}&filter[classification]=MAIN&filter[naceVersion]=2008`,
    );
    expect(main.json.data).toEqual([expect.objectContaining({ naceCode: '11050', classification: 'MAIN' })]);
  });

  it('describes the key at authorization/me.json', async () => {
    const a = await kbo('authorization/me.json');
    expect(a.json.data).toMatchObject({
      customer: { username: KBODATA_USER, planDescription: 'Medium' },
      accessToken: { isDevelopment: false },
    });
    expect((await kbo('authorization/me.json', KBODATA_TOKENS.development)).json.data.accessToken.isDevelopment).toBe(
      true,
    );
  });

  it('answers 401, 402 and 429 by credentials, and 404/409/422 by parameters', async () => {
    const path = `enterprise/get.json?enterpriseNumber=${BE.nv.enterpriseNumber}`;
    const statuses = [
      (await kbo(path, 'wrong')).status,
      (await kbo(path, KBODATA_TOKENS.production, 'someone@else.test')).status,
      (await ask({ url: `https://api.kbodata.app/v1/${path}` })).status,
      (await kbo(path, KBODATA_TOKENS.expired)).status,
      (await kbo(path, KBODATA_TOKENS.quotaUsedUp)).status,
      (await kbo('enterprise/get.json?enterpriseNumber=0412345614')).status,
      (await kbo('enterprise/get.json?enterpriseNumber=0412345615')).status,
      (await kbo('enterprise/get.json')).status,
      (await kbo('nothing/here.json')).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 402, 429, 404, 409, 422, 404]);
    expect((await kbo(path, 'wrong')).json.success).toBe(0);
  });
});
