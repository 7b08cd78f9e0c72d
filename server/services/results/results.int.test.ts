/**
 * Measured results through the real stack: hour records of a commissioned project → the measurement (staff and the
 * SME owner read it; the county does not) → the engineer accepts the month (one transaction, audited, windows kept)
 * → payback on measured savings. Windows with too little data are refused; bad windows are the user's error.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import type { AppError } from '../../domain/errors/app-error';
import { addDays } from '../../domain/time';
import { errorMessage } from '../../i18n/messages';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hourRows, seedCommissionedProject } from '../../testing/results';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let owner: Caller;
let official: Caller;
let p: Awaited<ReturnType<typeof seedCommissionedProject>>;

const codeOf = (x: Promise<unknown>) =>
  x.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Res'), { machinesPerSme: 6 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  official = await callerAs(t.db, w.users.official.id);
  p = await seedCommissionedProject(t.db, w, {
    machines: 3,
    goLiveDaysAgo: 100,
    savings: [
      { kind: 'LABOUR', operatorsFreed: 1.5, monthlyWageFen: '640000', shifts: 2, monthlyFen: '1920000' },
      { kind: 'ENERGY', monthlyFen: '50000', tariffFenPerKwh: 80 },
    ],
  });
  // baseline: 20 days before go-live at 60 % and 100 Wh a part; result: days 31–90 at 70 % and 90 Wh a part
  await hourRows(t.db, p.own, p.machineIds, addDays(p.goLive, -20), 20, { runningS: 2160, parts: 36, wh: 3600, good: 35 });
  await hourRows(t.db, p.own, p.machineIds, addDays(p.goLive, 30), 60, { runningS: 2520, parts: 42, wh: 3780, good: 42 });
});
afterAll(async () => t?.close());

describe('measured results', () => {
  it('measures the default windows per machine and in total, and works the money from the savings lines', async () => {
    const r = await engineer.results.forProject({ projectId: p.projectId });
    expect(r.notYet).toBeNull();
    expect(r.baseline).toEqual({ from: addDays(p.goLive, -20), to: addDays(p.goLive, -1) });
    expect(r.result).toEqual({ from: addDays(p.goLive, 30), to: addDays(p.goLive, 89) });
    expect(r.total?.before.utilizationBp).toBe(6000);
    expect(r.total?.after.utilizationBp).toBe(7000);
    expect(r.total?.utilizationChangeBp).toBe(1667);
    expect(r.total?.whPerPartChangeBp).toBe(-1000);
    expect(r.total?.before.coverageBp).toBe(10_000);
    expect(r.machines).toHaveLength(3);
    // labour as planned ¥19,200 + energy 10 Wh × 90,720 parts × ¥0.80/kWh = ¥725.76
    expect(r.working?.monthlyFen).toBe(1_920_000n + 72_576n);
    expect(r.working?.steps.map((s) => s.key)).toEqual(['summary', 'energyPerPart', 'labourAsPlanned', 'energyMeasured', 'monthly']);
  });

  it('lets the SME owner read it and never the county; only staff accept', async () => {
    expect((await owner.results.forProject({ projectId: p.projectId })).working?.monthlyFen).toBe(1_992_576n);
    expect(await codeOf(official.results.forProject({ projectId: p.projectId }))).toBe('NOT_FOUND');
    const windows = {
      baseline: { from: addDays(p.goLive, -20), to: addDays(p.goLive, -1) },
      result: { from: addDays(p.goLive, 30), to: addDays(p.goLive, 89) },
    };
    expect(await codeOf(owner.results.acceptMonth({ projectId: p.projectId, ...windows }))).toBe('FORBIDDEN');
    expect(await codeOf(official.results.acceptMonth({ projectId: p.projectId, ...windows }))).toBe('FORBIDDEN');
  });

  it('refuses windows the engineer chose badly, as the user’s error', async () => {
    const bad = {
      projectId: p.projectId,
      baseline: { from: addDays(p.goLive, -5), to: addDays(p.goLive, -1) },
      result: { from: addDays(p.goLive, 30), to: addDays(p.goLive, 89) },
    };
    expect(await codeOf(engineer.results.forProject(bad))).toBe('BAD_REQUEST');
    expect(await codeOf(engineer.results.acceptMonth(bad))).toBe('BAD_REQUEST');
    expect(await codeOf(engineer.results.forProject({ ...bad, baseline: { from: '2026-02-30', to: '2026-03-09' } }))).toBe('BAD_REQUEST');
  });

  it('says what is wrong with refused windows in a sentence with their dates, in both languages (never a key)', async () => {
    const baseline = { from: addDays(p.goLive, -20), to: addDays(p.goLive, -1) };
    const cases = [
      // a 4-day result window
      [
        { baseline, result: { from: addDays(p.goLive, 30), to: addDays(p.goLive, 33) } },
        'results.resultTooShort',
        '4 days; it needs at least 7',
        '只有 4 天，至少需要 7 天',
      ],
      // reversed dates
      [
        { baseline, result: { from: addDays(p.goLive, 40), to: addDays(p.goLive, 30) } },
        'results.windowBackwards',
        `ends on ${addDays(p.goLive, 30)}`,
        '结果期的结束日',
      ],
      // overlapping windows
      [
        { baseline, result: { from: addDays(p.goLive, -5), to: addDays(p.goLive, 30) } },
        'results.windowsOverlap',
        `ends on ${addDays(p.goLive, -1)}`,
        '基准期须在结果期开始前结束',
      ],
      // a result window ending in the future
      [{ baseline, result: { from: addDays(p.goLive, 30), to: '2099-01-31' } }, 'results.resultNotComplete', 'ends on 2099-01-31', '结果期结束于 2099-01-31'],
    ] as const;
    for (const [windows, key, en, zh] of cases) {
      const e = await engineer.results.forProject({ projectId: p.projectId, ...windows }).catch((x: unknown) => x);
      const app = (e as TRPCError).cause as AppError;
      expect(app.messageKey).toBe(key);
      expect(errorMessage('en', app.messageKey, app.params)).toContain(en);
      expect(errorMessage('zh-CN', app.messageKey, app.params)).toContain(zh);
      for (const locale of ['en', 'zh-CN'] as const) expect(errorMessage(locale, app.messageKey, app.params)).not.toMatch(/results\.|\{/);
    }
  });

  it('refuses to accept a window with too little data, saying how much it has', async () => {
    const thin = {
      projectId: p.projectId,
      baseline: { from: addDays(p.goLive, -20), to: addDays(p.goLive, -1) },
      result: { from: addDays(p.goLive, 80), to: addDays(p.goLive, 95) },
    };
    const r = await engineer.results.forProject(thin);
    expect(r.total?.refused).toBe(true);
    expect(r.total?.after.coverageBp).toBe(6250); // 10 of 16 days have records
    expect(r.working?.steps[0]?.key).toBe('refused');
    const e = await engineer.results.acceptMonth(thin).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCError);
    const app = (e as TRPCError).cause as AppError;
    expect(app.messageKey).toBe('results.coverageTooLow');
    expect(errorMessage('en', app.messageKey, app.params)).toContain('62.5 %');
    expect(errorMessage('zh-CN', app.messageKey, app.params)).toContain('62.5%');
  });

  it('accepts the month: booked with its windows in one audited transaction; payback then runs on measured savings', async () => {
    const before = await engineer.projects.get({ id: p.projectId });
    expect(before.payback?.basis.savings).toBe('expected');
    const windows = {
      baseline: { from: addDays(p.goLive, -20), to: addDays(p.goLive, -1) },
      result: { from: addDays(p.goLive, 30), to: addDays(p.goLive, 89) },
    };
    const row = await engineer.results.acceptMonth({ projectId: p.projectId, ...windows });
    expect(row.month).toBe(addDays(p.goLive, 89).slice(0, 7));
    expect(row.amountFen).toBe(1_992_576n);
    const after = await engineer.projects.get({ id: p.projectId });
    expect(after.payback?.basis.savings).toBe('measured');
    expect(after.payback?.monthlyFen).toBe(1_992_576n);
    expect(after.measured[0]?.basis?.result).toEqual(windows.result);
    expect(after.measured[0]?.basis?.coverageAfterBp).toBe(10_000);
    const audit = await t.db.auditEvent.findFirst({ where: { entityId: p.projectId, action: 'project.measuredAccepted' }, select: { data: true } });
    expect(audit?.data).toMatchObject({ amountFen: '1992576', result: windows.result });
    // the owner sees the same measured month and its tracking, never the integrator's side
    const seen = await owner.projects.get({ id: p.projectId });
    expect(seen.payback?.basis.savings).toBe('measured');
    expect(seen.integratorSide).toBeNull();
    // a month typed by hand over it no longer claims to rest on data
    await engineer.projects.recordMeasured({ projectId: p.projectId, month: row.month, amountFen: 5n, note: 'typed' });
    expect((await engineer.projects.get({ id: p.projectId })).measured[0]).toMatchObject({ source: 'MANUAL', basis: null, amountFen: 5n });
  });
});
