/**
 * Bad values (issue 14, item 9): impossible or implausible dates, NUL bytes and lone surrogates in names, money and
 * counts beyond any real plan. Each is thrown at the procedures that take it and must answer BAD_REQUEST naming the
 * field, with a message in zh-CN and in en — never INTERNAL_SERVER_ERROR, never a silently changed value.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { createTenantWorld, makeCreditCode, type TenantWorld } from '../../prisma/seed/factories';
import { type Caller, callerAs } from '../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { describeError } from './errors';

let t: TestDb;
let w: TenantWorld;
let admin: Caller;
let engineer: Caller;
let official: Caller;
let machineId: string;

const badDates = ['2026-02-31', '2026-13-45', '0000-00-00', '0001-01-01', '9999-12-31', '2026-1-5'];
const badTexts = ['万丰\u0000轴承', 'lone \uD800 surrogate', 'bell\u0007', 'nl\nin name'];
const sme = () => w.smes[0]?.id as string;

const fundInput = () => ({
  name: '测试基金',
  nameEn: null,
  budgetFen: 100_000_000n,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  sectors: ['BALL_BEARINGS' as const],
  rules: [{ kind: 'FREE_SHARE' as const, freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
  evidenceRequired: [],
  batches: [{ name: '一批', opensOn: '2026-01-01', closesOn: '2026-06-30', rateBp: null }],
});
const plan = () => ({
  smeClientId: sme(),
  title: '改造方案',
  machineIds: [machineId],
  modules: [],
  softwareYears: 1,
  trainingDays: 0,
  target: { d: 1 as const, n: 1 as const, i: 0 as const },
  savings: [],
  expectedSubsidyFen: 0n,
});
const line = (quantity: number, unitPriceFen: bigint) => ({
  category: 'HARDWARE' as const,
  itemCode: null,
  description: null,
  quantity,
  unitPriceFen,
  manual: true,
});

/** [procedure, field path that must be named, call with the bad value] */
type Row = [string, string, (v: never) => Promise<unknown>, unknown[]];
const rows = (): Row[] => [
  [
    'projects.addCost',
    'invoiceDate',
    (v: string) => engineer.projects.addCost({ projectId: 'p1', costLineId: null, supplier: 's', invoiceNo: '1', invoiceDate: v, amountFen: 1n, paid: false }),
    badDates,
  ],
  [
    'projects.addCost',
    'supplier',
    (v: string) =>
      engineer.projects.addCost({ projectId: 'p1', costLineId: null, supplier: v, invoiceNo: '1', invoiceDate: '2026-05-01', amountFen: 1n, paid: false }),
    badTexts,
  ],
  [
    'projects.recordMeasured',
    'month',
    (v: string) => engineer.projects.recordMeasured({ projectId: 'p1', month: v, amountFen: 1n, note: null }),
    ['2026-13', '0000-00', '9999-12'],
  ],
  [
    'assessments.create',
    'assessedOn',
    (v: string) =>
      engineer.assessments.create({ smeClientId: sme(), assessedOn: v, kind: 'INTEGRATOR', assessorName: '王磊', evidence: [], overrides: [], signOff: false }),
    badDates,
  ],
  [
    'assessments.create',
    'assessorName',
    (v: string) =>
      engineer.assessments.create({
        smeClientId: sme(),
        assessedOn: '2026-05-01',
        kind: 'INTEGRATOR',
        assessorName: v,
        evidence: [],
        overrides: [],
        signOff: false,
      }),
    badTexts,
  ],
  ['fundAdmin.create', 'periodStart', (v: string) => official.fundAdmin.create({ ...fundInput(), periodStart: v }), badDates],
  [
    'fundAdmin.create',
    'batches.0.closesOn',
    (v: string) => official.fundAdmin.create({ ...fundInput(), batches: [{ name: '一批', opensOn: '2026-01-01', closesOn: v, rateBp: null }] }),
    badDates,
  ],
  ['fundAdmin.create', 'name', (v: string) => official.fundAdmin.create({ ...fundInput(), name: v }), badTexts],
  [
    'fundAdmin.create',
    'rules.0.minFreeMachines',
    (v: number) =>
      official.fundAdmin.create({ ...fundInput(), rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: v, perMachineCapFen: null }] }),
    [1e9, -1, 1.5],
  ],
  [
    'fundAdmin.create',
    'rules.0.freeSharePercent',
    (v: number) =>
      official.fundAdmin.create({ ...fundInput(), rules: [{ kind: 'FREE_SHARE', freeSharePercent: v, minFreeMachines: 1, perMachineCapFen: null }] }),
    [101, -5],
  ],
  ['fundAdmin.create', 'budgetFen', (v: bigint) => official.fundAdmin.create({ ...fundInput(), budgetFen: v }), [10n ** 18n, -1n]],
  ['claims.disburse', 'date', (v: string) => official.claims.disburse({ id: 'c1', date: v, amountFen: 1n, reference: 'r' }), badDates],
  ['claims.decide', 'reason', (v: string) => official.claims.decide({ id: 'c1', decision: 'reject', reason: v }), ['a\u0000b', '\uDFFF']],
  [
    'clients.create',
    'legalName',
    (v: string) =>
      admin.clients.create({ legalName: v, creditCode: makeCreditCode(901), county: '新昌县', sector: 'BALL_BEARINGS', clusterIds: [], contacts: [] }),
    badTexts,
  ],
  ['clusters.create', 'name', (v: string) => admin.clusters.create({ name: v, county: '新昌县', sector: 'BALL_BEARINGS' }), badTexts],
  ['staff.invite', 'name', (v: string) => admin.staff.invite({ email: 'new@x.test', name: v, role: 'INTEGRATOR_ENGINEER', locale: 'en' }), badTexts],
  ['projects.create', 'title', (v: string) => engineer.projects.create({ ...plan(), title: v }), badTexts],
  ['projects.create', 'lines', (v: number) => engineer.projects.create({ ...plan(), lines: Array.from({ length: v }, () => line(1_000, 100_000_000n)) }), [21]],
  ['projects.create', 'lines.0.quantity', (v: number) => engineer.projects.create({ ...plan(), lines: [line(v, 100n)] }), [1_000_000, -1]],
  ['projects.create', 'lines.0.unitPriceFen', (v: bigint) => engineer.projects.create({ ...plan(), lines: [line(1, v)] }), [1_000_000_000_000n]],
  ['projects.get', 'id', (v: string) => engineer.projects.get({ id: v }), ['a\u0000b', "x' OR '1'='1"]],
  ['clients.list', 'q', (v: string) => admin.clients.list({ q: v }), ['a\u0000b', '\uD800']],
];

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Bad'), { machinesPerSme: 2 });
  admin = await callerAs(t.db, w.users.admin.id);
  engineer = await callerAs(t.db, w.users.engineer.id);
  official = await callerAs(t.db, w.users.official.id);
  machineId = (await t.db.machine.findFirstOrThrow({ where: { smeClientId: sme(), status: { not: 'RETIRED' } }, select: { id: true } })).id;
});
afterAll(() => t.close());

describe(`bad values answer 400 naming the field, in both languages (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('the ten-line plan of 1,000,000 × ¥10,000,000,000 from the report is refused', async () => {
    const huge = Array.from({ length: 10 }, () => line(1_000_000, 1_000_000_000_000n));
    const e = await engineer.projects.create({ ...plan(), lines: huge }).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as TRPCError).code).toBe('BAD_REQUEST');
  });

  for (const [procedure, field, call, values] of rows()) {
    it.each(values.map((v) => [JSON.stringify(String(v)).slice(0, 30), v]))(`${procedure} ${field} = %s`, async (_label, value) => {
      const e = await call(value as never).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, 'refused').toBeInstanceOf(TRPCError);
      const err = e as TRPCError;
      expect(err.code).toBe('BAD_REQUEST');
      const zhD = describeError(err, 'zh-CN');
      const enD = describeError(err, 'en');
      expect(zhD.httpStatus).toBe(400);
      const zhField = zhD.fieldErrors?.find((f) => f.path === field);
      const enField = enD.fieldErrors?.find((f) => f.path === field);
      expect(zhField, `field ${field} named among ${JSON.stringify(zhD.fieldErrors)}`).toBeDefined();
      const key = zhField?.key as keyof typeof en.validation;
      expect(zhField?.message).toBe(zh.validation[key]);
      expect(enField?.message).toBe(en.validation[key]);
      expect(zhField?.message).not.toBe(enField?.message);
      expect(zhD.message).toContain(zhField?.message);
      expect(enD.message).toContain(field);
    });
  }

  it('zero-width and right-to-left override characters are removed from names, not stored', async () => {
    const c = await admin.clients.create({
      legalName: '\u202E万丰\u200B轴承\u2066测试',
      creditCode: makeCreditCode(902),
      county: '新昌县',
      sector: 'BALL_BEARINGS',
      clusterIds: [],
      contacts: [{ name: '张\uFEFF三', phone: null, role: null }],
    });
    const row = await t.db.smeClient.findUniqueOrThrow({ where: { id: c.id }, select: { legalName: true, contacts: { select: { name: true } } } });
    expect(row).toEqual({ legalName: '万丰轴承测试', contacts: [{ name: '张三' }] });
  });

  it('a real day stays that day (2026-02-28 is not moved), and years at the edges are accepted', async () => {
    const created = await official.fundAdmin.create({ ...fundInput(), periodStart: '1950-01-01', periodEnd: '2100-12-31' });
    const f = await t.db.fund.findUniqueOrThrow({ where: { id: created.id }, select: { periodStart: true, periodEnd: true } });
    expect(f.periodStart.toISOString().slice(0, 10)).toBe('1950-01-01');
    expect(f.periodEnd.toISOString().slice(0, 10)).toBe('2100-12-31');
  });
});
