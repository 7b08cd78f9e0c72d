/**
 * The acceptance pack through the real stack: its figures and their records, the cost list marked under the claim's
 * fund, the window check, the checklist; who may read it (staff, the owner, the county of the claim — not another
 * county); the satisfaction record (owner only, after commissioning, audited, a to-do until given); the ZIP.
 */
import { TRPCError } from '@trpc/server';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { commissionedProject } from '../../testing/acceptance-world';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { readAll } from '../inventory/export-files';
import { packZip } from './pack-zip';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
let p: Awaited<ReturnType<typeof commissionedProject>>;
const as: Record<string, Caller> = {};

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('PackA'), { machinesPerSme: 6 });
  b = await createTenantWorld(t.db, uniqueTag('PackB'), { machinesPerSme: 2 });
  p = await commissionedProject(t.db, { integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string, countyId: a.county.id, fundId: a.fund.id });
  for (const [k, id] of Object.entries({ ...a.users, otherOfficial: b.users.official.id, otherOwner: b.users.smeOwner.id }))
    as[k] = await callerAs(t.db, typeof id === 'string' ? id : id.id, 'en');
});
afterAll(() => t.close());

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe(`acceptance pack (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('marks each contract line under the claim’s fund, with its quote line number', async () => {
    const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
    expect(pack.contract?.lines.map((l) => [l.ref, l.eligible, l.reason])).toEqual([
      ['Q-PACK-1#1', true, 'kitItem'],
      ['Q-PACK-1#2', false, 'trainingNotEligible'],
      ['Q-PACK-1#3', false, 'manualLine'],
    ]);
    expect(pack.contract?.totals).toEqual({ eligibleFen: 240_000n, otherFen: 260_000n, totalFen: 500_000n });
    expect(pack.claim?.number).toBe(p.claimNumber);
  });

  it('checks contract, invoices and payments against the fund’s window', async () => {
    const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
    expect(pack.window).toEqual({ start: '2026-01-01', end: '2027-12-31' });
    expect(pack.contract?.verdict).toBe('inside');
    expect(pack.invoices.map((i) => [i.invoiceNo, i.verdict])).toEqual([
      ['INV-EARLY', 'before'],
      ['INV-0002', 'inside'],
    ]);
    expect(pack.payments.map((x) => [x.reference, x.verdict])).toEqual([['PAY-77', 'inside']]);
    const item = (k: string) => pack.checklist.items.find((i) => i.key === k);
    expect(item('datesInWindow')).toMatchObject({ status: 'problem', params: { count: 1 } });
    // the owner has not answered yet: missing, and listed before the download
    expect(item('satisfaction')?.status).toBe('missing');
    expect(pack.checklist.ready).toBe(false);
    expect(pack.assessments).toMatchObject({
      before: { id: p.beforeId, code: 'D1N0', nationalLevel: 1 },
      after: { id: p.afterId, code: 'D1N1', kind: 'THIRD_PARTY' },
    });
    expect(pack.measured.map((m) => [m.month, m.amountFen])).toEqual([['2026-04', 2_000_000n]]);
    expect(pack.attachments).toEqual([expect.objectContaining({ fileId: p.fileId, source: 'claim.CONTRACT', size: 17 })]);
  });

  it('an outcome assessed on the contract’s day is the after, never the before too', async () => {
    const { contractedAt } = await t.db.project.findUniqueOrThrow({ where: { id: p.projectId }, select: { contractedAt: true } });
    const { assessedOn } = await t.db.assessment.findUniqueOrThrow({ where: { id: p.afterId }, select: { assessedOn: true } });
    await t.db.assessment.update({ where: { id: p.afterId }, data: { assessedOn: contractedAt ?? new Date() } });
    try {
      const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
      expect(pack.assessments.before?.id).toBe(p.beforeId);
      expect(pack.assessments.after?.id).toBe(p.afterId);
    } finally {
      await t.db.assessment.update({ where: { id: p.afterId }, data: { assessedOn } });
    }
  });

  it('is read by the owner and by the county of the claim, never by another county or another firm', async () => {
    const owner = await (as.smeOwner as Caller).acceptance.pack({ projectId: p.projectId });
    const county = await (as.official as Caller).acceptance.pack({ projectId: p.projectId });
    expect(county.contract?.totals).toEqual(owner.contract?.totals);
    expect(county.invoices.length).toBe(2);
    // an SME owner or official never reads the integrator's side through the pack
    expect(JSON.stringify(county, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('SUPPLIER-OF-THE-INTEGRATOR');
    expect(code(await (as.otherOfficial as Caller).acceptance.pack({ projectId: p.projectId }).catch((e) => e))).toBe('NOT_FOUND');
    expect(code(await (as.otherOwner as Caller).acceptance.pack({ projectId: p.projectId }).catch((e) => e))).toBe('NOT_FOUND');
  });

  it('a county sees no pack for a project whose claim is still a draft', async () => {
    const draft = await commissionedProject(t.db, {
      integratorId: a.integrator.id,
      smeClientId: a.smes[1]?.id as string,
      countyId: a.county.id,
      fundId: a.fund.id,
    });
    await t.db.claim.update({ where: { id: draft.claimId }, data: { status: 'DRAFT' } });
    expect(code(await (as.official as Caller).acceptance.pack({ projectId: draft.projectId }).catch((e) => e))).toBe('NOT_FOUND');
    expect((await (as.engineer as Caller).acceptance.pack({ projectId: draft.projectId })).claim?.status).toBe('DRAFT');
  });
});

describe('satisfaction record', () => {
  const answers = { overall: 4, service: 5, results: 3, usedInProduction: true, wouldRecommend: true, comment: '很好用', respondentName: '陈总' };

  it('is a to-do of the owner until given; only the owner records it, audited; it completes the pack item', async () => {
    const owner = as.smeOwner as Caller;
    const todo = (await owner.todos.list()).find((g) => g.kind === 'satisfactionToGive');
    expect(todo?.items.map((i) => i.href)).toContain(`/projects/${p.projectId}/satisfaction`);
    expect(code(await (as.engineer as Caller).acceptance.recordSatisfaction({ projectId: p.projectId, ...answers }).catch((e) => e))).toBe('FORBIDDEN');
    expect(code(await owner.acceptance.recordSatisfaction({ projectId: p.projectId, ...answers, overall: 6 }).catch((e) => e))).toBe('BAD_REQUEST');
    const r = await owner.acceptance.recordSatisfaction({ projectId: p.projectId, ...answers });
    expect(r).toMatchObject({ overall: 4, usedInProduction: true });
    await owner.acceptance.recordSatisfaction({ projectId: p.projectId, ...answers, overall: 5 });
    // sent again (a second tap, a second visit): the one record is replaced, never a second one
    expect(await t.db.satisfactionRecord.count({ where: { projectId: p.projectId } })).toBe(1);
    const audits = await t.db.auditEvent.findMany({ where: { entityId: p.projectId, action: { startsWith: 'project.satisfaction' } }, orderBy: { at: 'asc' } });
    expect(audits.map((x) => x.action)).toEqual(['project.satisfactionRecorded', 'project.satisfactionUpdated']);
    expect((await owner.todos.list()).find((g) => g.kind === 'satisfactionToGive')?.items.map((i) => i.id) ?? []).not.toContain(p.projectId);
    const pack = await (as.official as Caller).acceptance.pack({ projectId: p.projectId });
    expect(pack.satisfaction).toMatchObject({ overall: 5, respondentName: '陈总' });
    expect(pack.checklist.items.find((i) => i.key === 'satisfaction')?.status).toBe('ok');
    // staff read it; a county reads it only in the pack
    expect((await (as.engineer as Caller).acceptance.satisfaction({ projectId: p.projectId })).record?.overall).toBe(5);
    expect(code(await (as.official as Caller).acceptance.satisfaction({ projectId: p.projectId }).catch((e) => e))).toBe('FORBIDDEN');
  });

  it('is refused before commissioning', async () => {
    const p2 = await commissionedProject(t.db, {
      integratorId: a.integrator.id,
      smeClientId: a.smes[0]?.id as string,
      countyId: a.county.id,
      fundId: a.fund.id,
    });
    await t.db.project.update({ where: { id: p2.projectId }, data: { status: 'IN_PROGRESS' } });
    const e = await (as.smeOwner as Caller).acceptance.recordSatisfaction({ projectId: p2.projectId, ...answers }).catch((x) => x);
    expect(code(e)).toBe('PRECONDITION_FAILED');
  });
});

describe('the ZIP', () => {
  it('holds the PDF and the attachments, streamed', async () => {
    const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
    const z = packZip(pack, new TextEncoder().encode('%PDF-1.7 pack'), 'zh-CN');
    expect(z.fileName).toMatch(/-验收材料\.zip$/);
    const zip = await JSZip.loadAsync(await readAll(z.body));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toEqual([expect.stringMatching(/-验收材料\.pdf$/), 'attachments/01-合同.pdf']);
    expect(await zip.file('attachments/01-合同.pdf')?.async('string')).toBe('%PDF-1.4 contract');
    expect(packZip(pack, new Uint8Array([1]), 'en').fileName).toMatch(/-acceptance-pack\.zip$/);
  });
  it('refuses a pack whose attachments are over the limit, before reading them', async () => {
    const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
    expect(() => packZip({ ...pack, attachmentBytes: 10 ** 10 }, new Uint8Array([1]), 'en')).toThrow(/PAYLOAD_TOO_LARGE/);
  });
});

describe('eligible kinds of cost as a fund setting', () => {
  it('the official sets them with the fund’s rules (validated, a new rules version), and the pack marks the lines by them', async () => {
    const official = as.official as Caller;
    const f = await official.fundAdmin.getForEdit({ id: a.fund.id });
    const base = {
      name: f.name,
      nameEn: f.nameEn,
      budgetFen: f.budgetFen,
      periodStart: f.periodStart.toISOString().slice(0, 10),
      periodEnd: '2027-12-31',
      sectors: f.sectors as 'BALL_BEARINGS'[],
      evidenceRequired: [],
      batches: [],
    };
    const spend = { kind: 'SPEND_SHARE' as const, rateBp: 5000, capPerFirmFen: null };
    // refused: an unknown kind of cost, the same kind twice, an empty list
    for (const categories of [['OFFICE_PC'], ['SOFTWARE', 'SOFTWARE'], []])
      expect(
        code(await official.fundAdmin.update({ id: a.fund.id, ...base, rules: [spend, { kind: 'ELIGIBLE_COSTS', categories } as never] }).catch((x) => x)),
      ).toBe('BAD_REQUEST');
    const listed = { kind: 'ELIGIBLE_COSTS' as const, categories: ['SOFTWARE' as const, 'TRAINING' as const] };
    const saved = await official.fundAdmin.update({ id: a.fund.id, ...base, rules: [spend, listed] });
    expect(saved.rulesVersion).toBe(f.rulesVersion + 1);
    expect((await official.fundAdmin.getForEdit({ id: a.fund.id })).rules).toEqual([spend, listed]);
    // the fund's other tenants cannot change it: another county's official gets NOT_FOUND
    expect(code(await (as.otherOfficial as Caller).fundAdmin.update({ id: a.fund.id, ...base, rules: [spend] }).catch((x) => x))).toBe('NOT_FOUND');
    // a claim carries the rules it was submitted under: filed again now, it freezes the new version
    await t.db.claim.update({ where: { id: p.claimId }, data: { rules: [spend, listed], rulesVersion: saved.rulesVersion } });
    const pack = await (as.engineer as Caller).acceptance.pack({ projectId: p.projectId });
    expect(pack.contract?.lines.map((l) => [l.ref, l.eligible, l.reason])).toEqual([
      ['Q-PACK-1#1', false, 'notListedByFund'],
      ['Q-PACK-1#2', true, 'listedByFund'],
      ['Q-PACK-1#3', false, 'manualLine'],
    ]);
    expect(pack.contract?.totals).toEqual({ eligibleFen: 200_000n, otherFen: 300_000n, totalFen: 500_000n });
    // the county reads the same marks in the pack
    expect((await official.acceptance.pack({ projectId: p.projectId })).contract?.lines.map((l) => l.reason)).toEqual([
      'notListedByFund',
      'listedByFund',
      'manualLine',
    ]);
  });
});
