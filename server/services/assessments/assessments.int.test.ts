import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentRecord, createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let engineer: Caller;
let owner: Caller;
let sme: string;

const base = { kind: 'INTEGRATOR' as const, assessorName: '王磊', overrides: [], signOff: true };

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );
}

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Asm'));
  other = await createTenantWorld(t.db, uniqueTag('Oth'));
  engineer = await callerAs(t.db, w.users.engineer.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  sme = w.smes[0]?.id as string;
});
afterAll(() => t.close());

describe(`assessments (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('derives the levels from the evidence and records them, signed off and read-only', async () => {
    const a = await engineer.assessments.create({
      ...base,
      smeClientId: sme,
      assessedOn: '2019-04-01',
      evidence: [{ technology: 'PLC', note: '12 台 PLC 磨床' }, { technology: 'MES' }],
      nationalLevel: 1,
    });
    const got = await engineer.assessments.get({ id: a.id });
    expect(got).toMatchObject({ code: 'D1N0', suggestedCode: 'D1N0', status: 'SIGNED_OFF', nationalLevel: 1 });
    expect(got.evidence.map((e) => e.technology)).toEqual(['MES', 'PLC']);
    expect(await codeOf(engineer.assessments.update({ ...base, id: a.id, assessedOn: '2019-04-01', evidence: [] }))).toBe(
      'PRECONDITION_FAILED:assessmentSignedOff',
    );
    expect(await codeOf(engineer.assessments.signOff({ id: a.id }))).toBe('PRECONDITION_FAILED:assessmentSignedOff');
    expect(await t.db.auditEvent.count({ where: { entityId: a.id, action: 'assessment.signOff' } })).toBe(1);
  });

  it('requires a written reason to override a suggested level', async () => {
    const input = {
      ...base,
      smeClientId: sme,
      assessedOn: '2022-05-01',
      evidence: [{ technology: 'PLC' as const }, { technology: 'NETWORK_ENABLED_PRODUCTION' as const }],
    };
    expect(await codeOf(engineer.assessments.create({ ...input, overrides: [{ component: 'N', level: 0, reason: ' ' }] }))).toBe(
      'BAD_REQUEST:overrideReasonMissing',
    );
    const a = await engineer.assessments.create({ ...input, overrides: [{ component: 'N', level: 0, reason: '终端只装了两台，尚未形成网络' }] });
    const got = await engineer.assessments.get({ id: a.id });
    expect(got.code).toBe('D1N0');
    expect(got.suggestedCode).toBe('D1N1');
    expect(got.overrides).toEqual([{ component: 'N', from: 1, to: 0, reason: '终端只装了两台，尚未形成网络' }]);
  });

  it('keeps drafts editable, hidden from the SME owner until signed off', async () => {
    const d = await engineer.assessments.create({ ...base, signOff: false, smeClientId: sme, assessedOn: '2024-01-10', evidence: [{ technology: 'PLC' }] });
    expect(await codeOf(owner.assessments.get({ id: d.id }))).toBe('NOT_FOUND:notFound');
    await engineer.assessments.update({
      ...base,
      signOff: false,
      id: d.id,
      assessedOn: '2024-01-10',
      evidence: [
        { technology: 'PLC' },
        { technology: 'DIGITAL_TWIN' },
        { technology: 'INTEGRATED_PRODUCTION' },
        { technology: 'IOT' },
        { technology: 'ONLINE_COLLABORATION' },
      ],
    });
    expect((await engineer.assessments.get({ id: d.id })).code).toBe('D2N2');
    await engineer.assessments.signOff({ id: d.id });
    expect((await owner.assessments.get({ id: d.id })).code).toBe('D2N2');
  });

  it('draws the pathway in date order and names the first step that broke the sequence', async () => {
    const p = await owner.assessments.pathway({ smeClientId: sme });
    expect(p.points.map((x) => x.codeText)).toEqual(['D1N0', 'D1N0', 'D2N2']);
    expect(p.kind).toBe('non-linear');
    expect(p.breach).toMatchObject({ index: 1, from: 'D1N0', to: 'D2N2', reason: 'multipleRaised', components: ['D', 'N'] });
    expect((await owner.assessments.list({ smeClientId: sme })).every((a) => a.status === 'SIGNED_OFF')).toBe(true);
  });

  it('shows the cluster now and a year ago, and who has not been assessed', async () => {
    const now = new Date();
    const recent = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const old = new Date(now.getTime() - 500 * 86_400_000).toISOString().slice(0, 10);
    const second = w.smes[1]?.id as string;
    await createAssessmentRecord(t.db, { integratorId: w.integrator.id, smeClientId: second, date: old, d: 0, n: 0, nationalLevel: 1 });
    await createAssessmentRecord(t.db, { integratorId: w.integrator.id, smeClientId: second, date: recent, d: 1, n: 1, nationalLevel: 2 });
    const m = await engineer.assessments.clusterMaturity({ clusterId: w.cluster.id });
    expect(m.smes).toBe(2);
    expect(m.gridNow[1]?.[1]).toBe(1); // the second SME at D1N1 now
    expect(m.gridBefore[0]?.[0]).toBe(1); // … and at D0N0 a year ago
    expect(m.moves).toContainEqual({ from: 'D0N0', to: 'D1N1', count: 1 });
    expect(m.nationalLevel2.now).toBe(100);
    expect(m.stale.map((s) => s.smeClientId)).toEqual([sme]); // last assessed 2024-01-10
  });

  it('imports past assessments all or nothing, by SME name or credit code, re-import unchanged', async () => {
    const third = await engineer.clients.create({
      legalName: '历史导入测试公司',
      creditCode: '91350100M000100Y43',
      county: '新昌县',
      sector: 'BALL_BEARINGS',
      clusterIds: [],
      contacts: [],
    });
    const good = new TextEncoder().encode(
      '企业,评估日期,成熟度代码,国家数字化水平等级,评估类型\r\n历史导入测试公司,2016-03-01,D0N0,1,自评\r\n91350100M000100Y43,2020/6/30,D1N1,2,第三方\r\n',
    );
    const p = await engineer.assessments.previewImport({ fileName: 'h.csv', bytes: good });
    expect(p).toMatchObject({ dataRows: 2, toCreate: 2, issueCount: 0, canCommit: true });
    await engineer.assessments.commitImport({ fileName: 'h.csv', bytes: good });
    expect((await engineer.assessments.pathway({ smeClientId: third.id })).points.map((x) => x.codeText)).toEqual(['D0N0', 'D1N1']);
    expect(await engineer.assessments.previewImport({ fileName: 'h.csv', bytes: good })).toMatchObject({ toCreate: 0, unchanged: 2 });

    const bad = new TextEncoder().encode(`企业,评估日期,成熟度代码\r\n历史导入测试公司,2021-01-01,D1N2\r\n${other.smes[0]?.legalName},2021-01-01,D3N1\r\n`);
    const pb = await engineer.assessments.previewImport({ fileName: 'bad.csv', bytes: bad });
    expect(pb.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'unknownSme'],
      [3, 'badCode'],
    ]);
    const before = await t.db.assessment.count({ where: { integratorId: w.integrator.id } });
    expect(await codeOf(engineer.assessments.commitImport({ fileName: 'bad.csv', bytes: bad }))).toBe('BAD_REQUEST:import.hasErrors');
    expect(await t.db.assessment.count({ where: { integratorId: w.integrator.id } })).toBe(before);
    expect(await t.db.assessment.count({ where: { smeClientId: other.smes[0]?.id } })).toBe(0);
  });

  it('refuses an assessment dated in the future', async () => {
    expect(await codeOf(engineer.assessments.create({ ...base, smeClientId: sme, assessedOn: '2099-02-10', evidence: [] }))).toBe(
      'BAD_REQUEST:assessmentFutureDate',
    );
  });

  it('shows the SME owner evidence files of signed-off assessments only', async () => {
    const file = await engineer.assessments.uploadFile({
      smeClientId: sme,
      fileName: 'draft-note.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n% internal draft note\n'),
    });
    const draft = await engineer.assessments.create({
      ...base,
      signOff: false,
      smeClientId: sme,
      assessedOn: '2024-02-01',
      evidence: [{ technology: 'PLC', fileId: file.id }],
    });
    expect(await codeOf(owner.assessments.downloadFile({ id: file.id }))).toBe('NOT_FOUND:notFound');
    expect((await engineer.assessments.downloadFile({ id: file.id })).fileName).toBe('draft-note.pdf');
    await engineer.assessments.signOff({ id: draft.id });
    expect((await owner.assessments.downloadFile({ id: file.id })).fileName).toBe('draft-note.pdf');
  });

  it('keeps evidence files checked by content and only for the scope', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% PLC 清单\n');
    const txt = await engineer.assessments.uploadFile({ smeClientId: sme, fileName: '../../etc/passwd.pdf', bytes: pdf });
    expect(txt).toMatchObject({ fileName: 'passwd.pdf', contentType: 'application/pdf' });
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    expect(await codeOf(engineer.assessments.uploadFile({ smeClientId: sme, fileName: 'photo.png', bytes: exe }))).toBe('BAD_REQUEST:fileType');
    // a page or a drawing that could run script in the browser is refused whatever its name
    for (const [fileName, body] of [
      ['evidence.html', '<!doctype html><script>alert(1)</script>'],
      ['photo.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['note.txt', 'PLC 清单'],
    ] as const)
      expect(await codeOf(engineer.assessments.uploadFile({ smeClientId: sme, fileName, bytes: new TextEncoder().encode(body) }))).toBe('BAD_REQUEST:fileType');
    const back = await engineer.assessments.downloadFile({ id: txt.id });
    expect(new TextDecoder().decode(back.bytes)).toBe('%PDF-1.4\n% PLC 清单\n');
    expect(await codeOf(owner.assessments.downloadFile({ id: txt.id }))).toBe('NOT_FOUND:notFound'); // attached to nothing signed off
    const stranger = await callerAs(t.db, other.users.engineer.id);
    expect(await codeOf(stranger.assessments.downloadFile({ id: txt.id }))).toBe('NOT_FOUND:notFound');
  });
});
