/**
 * The cross-tenant table. Every procedure of the router must have a row here (the first test fails
 * otherwise), so a new procedure joins the table instead of escaping it. Each row says how to call
 * the procedure with the *other* tenant's ids; every role of tenant A then calls it and must get
 * NOT_FOUND or FORBIDDEN, or (for lists and own-account procedures) an answer that carries nothing
 * of tenant B.
 */
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAssessmentRecord, createProjectRecord, createTenantWorld, seedTerminal, type TenantWorld } from '../../prisma/seed/factories';
import { readAll } from '../services/inventory/export-files';
import { type Caller, callerAs } from '../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { appRouter } from './root';

type Case =
  /** Addresses one row by id: another tenant's id must answer NOT_FOUND (FORBIDDEN for a role the procedure is not for). */
  | { kind: 'byId'; input: (other: World) => unknown }
  /** Lists or summarises the caller's scope: the answer must not contain anything of the other tenant. */
  | { kind: 'scopeList'; input?: unknown }
  /** Acts on the caller's own account only. */
  | { kind: 'self'; input: unknown }
  /** A directory of names across tenants, by design (checked: names and ids only, nothing else). */
  | { kind: 'directory' };

type World = TenantWorld & {
  machineId: string;
  assessmentId: string;
  fileId: string;
  project: Awaited<ReturnType<typeof createProjectRecord>>;
  claimId: string;
  draftClaimId: string;
  invitationId: string;
  terminalId: string;
  gatewayId: string;
};

/** A claim's snapshot as submission writes it (parsed wherever read). */
const claimSnapshot = {
  sme: { legalName: 'x', legalNameEn: null, creditCode: null, sector: 'BALL_BEARINGS', clusters: [] },
  integrator: 'x',
  project: { number: 'P', title: 't', status: 'COMMISSIONED', machines: 1, budgetFen: '0', target: 'D1N1', paybackMonths: null },
  facts: {
    inServiceMachines: 10,
    machinesAlreadyClaimed: 0,
    machines: [],
    paidSpendFen: '2',
    unpaidSpendFen: '0',
    levelReached: null,
    contractDate: null,
    completionDate: null,
    batch: null,
    filedOn: '2026-06-01',
  },
  assessments: { before: null, after: null },
};

const validClient = { legalName: 'X 公司', county: 'X 县', sector: 'GEARS', contacts: [] };
const validMachine = { assetTag: 'XT-1', kind: 'GRINDER', controlType: 'PLC', networked: false, operatorsPerShift: 1, shiftsPerDay: 1, status: 'IN_SERVICE' };
const validFund = {
  name: 'f',
  nameEn: null,
  budgetFen: 1n,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  sectors: [],
  rules: [{ kind: 'DEADLINE', monthsAfterContract: 6 }],
  evidenceRequired: [],
  batches: [],
};
const validPlan = { title: 'x', modules: [], softwareYears: 1, trainingDays: 0, target: { d: 1, n: 1, i: 0 }, savings: [], expectedSubsidyFen: 0n };
const validAssessment = { assessedOn: '2026-01-01', kind: 'INTEGRATOR', assessorName: 'X', evidence: [{ technology: 'PLC' }], overrides: [], signOff: false };
const csvFile = new TextEncoder().encode('资产编号,设备类型,控制方式\r\nXT-9,磨床,PLC\r\n');
const terminalFile = new TextEncoder().encode('资产编号,终端序列号\r\nXT-9,TM-X-9\r\n');

const crossTenantCases: Record<string, Case> = {
  'me.get': { kind: 'scopeList' },
  'me.setLocale': { kind: 'self', input: { locale: 'en' } },
  'me.changePassword': { kind: 'self', input: { currentPassword: 'not the password', newPassword: 'lathe-spindle-humming' } },
  'clients.list': { kind: 'scopeList', input: { page: 1, pageSize: 100 } },
  'clients.facets': { kind: 'scopeList' },
  'clients.summary': { kind: 'scopeList' },
  'clients.get': { kind: 'byId', input: (o) => ({ id: o.smes[0]?.id }) },
  'clients.getForEdit': { kind: 'byId', input: (o) => ({ id: o.smes[0]?.id }) },
  // creating is only ever in one's own tenant; naming another tenant's cluster answers NOT_FOUND
  'clients.create': { kind: 'byId', input: (o) => ({ ...validClient, creditCode: '91350100M000100Y43', clusterIds: [o.cluster.id] }) },
  'clients.update': { kind: 'byId', input: (o) => ({ id: o.smes[0]?.id, ...validClient, creditCode: '911100001000000059', clusterIds: [] }) },
  'clients.setArchived': { kind: 'byId', input: (o) => ({ id: o.smes[0]?.id, archived: true }) },
  'clusters.list': { kind: 'scopeList' },
  'clusters.get': { kind: 'byId', input: (o) => ({ id: o.cluster.id }) },
  'clusters.create': { kind: 'scopeList', input: { name: 'Own cluster', county: 'X', sector: 'GEARS' } },
  'clusters.update': { kind: 'byId', input: (o) => ({ id: o.cluster.id, name: 'hacked', county: 'X', sector: 'GEARS' }) },
  'clusters.setArchived': { kind: 'byId', input: (o) => ({ id: o.cluster.id, archived: true }) },
  'funds.list': { kind: 'scopeList' },
  'funds.get': { kind: 'byId', input: (o) => ({ id: o.fund.id }) },
  'staff.list': { kind: 'scopeList' },
  'staff.setActive': { kind: 'byId', input: (o) => ({ id: o.users.engineer.id, active: false }) },
  'staff.setRole': { kind: 'byId', input: (o) => ({ id: o.users.engineer.id, role: 'INTEGRATOR_ADMIN' }) },
  'staff.setAdmin': { kind: 'byId', input: (o) => ({ id: o.users.official.id, admin: true }) },
  // inviting an owner of the other tenant's SME: that SME does not exist for the caller
  'staff.invite': { kind: 'byId', input: (o) => ({ email: `new-${o.smes[0]?.id}@x.test`, role: 'SME_OWNER', smeClientId: o.smes[0]?.id, locale: 'en' }) },
  'staff.invitations': { kind: 'scopeList' },
  'staff.revokeInvitation': { kind: 'byId', input: (o) => ({ id: o.invitationId }) },
  'staff.sendPasswordReset': { kind: 'byId', input: (o) => ({ id: o.users.engineer.id }) },
  'inventory.machines.list': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'inventory.machines.get': { kind: 'byId', input: (o) => ({ id: o.machineId }) },
  'inventory.machines.create': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, ...validMachine }) },
  'inventory.machines.update': { kind: 'byId', input: (o) => ({ id: o.machineId, ...validMachine }) },
  'inventory.hierarchy': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'inventory.unknownKinds': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'inventory.mapKinds': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, mappings: [{ from: '双端面磨床', to: 'GRINDER' }] }) },
  'inventory.previewImport': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, fileName: 'x.csv', bytes: csvFile }) },
  'inventory.commitImport': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, fileName: 'x.csv', bytes: csvFile }) },
  'inventory.exportMachines': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, format: 'csv', locale: 'en' }) },
  'inventory.template': { kind: 'scopeList', input: { format: 'csv', locale: 'en' } },
  'assessments.list': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'assessments.get': { kind: 'byId', input: (o) => ({ id: o.assessmentId }) },
  'assessments.pathway': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'assessments.create': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, ...validAssessment }) },
  'assessments.update': { kind: 'byId', input: (o) => ({ id: o.assessmentId, ...validAssessment }) },
  'assessments.signOff': { kind: 'byId', input: (o) => ({ id: o.assessmentId }) },
  'assessments.clusterMaturity': { kind: 'byId', input: (o) => ({ clusterId: o.cluster.id }) },
  // the file names SMEs by name: another tenant's SME is "unknown", so the preview lists it as a bad row and commits nothing
  'assessments.previewImport': {
    kind: 'scopeList',
    input: { fileName: 'a.csv', bytes: new TextEncoder().encode('企业,评估日期,成熟度代码\r\nX,2020-01-01,D1N1\r\n') },
  },
  'assessments.commitImport': {
    kind: 'scopeList',
    input: { fileName: 'a.csv', bytes: new TextEncoder().encode('企业,评估日期,成熟度代码\r\nX,2020-01-01,D1N1\r\n') },
  },
  'assessments.template': { kind: 'scopeList', input: { format: 'csv', locale: 'en' } },
  'assessments.uploadFile': {
    kind: 'byId',
    input: (o) => ({ smeClientId: o.smes[0]?.id, fileName: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4 evidence') }),
  },
  'assessments.downloadFile': { kind: 'byId', input: (o) => ({ id: o.fileId }) },
  'projects.priceBook': { kind: 'scopeList' },
  'projects.savePriceBook': {
    kind: 'scopeList',
    input: { book: { items: [{ code: 'X', category: 'HARDWARE', unit: 'EACH', unitPriceFen: 1n, module: null }], kits: {} }, note: null },
  },
  'projects.previewLines': {
    kind: 'byId',
    input: (o) => ({ smeClientId: o.smes[0]?.id, machineIds: [o.machineId], modules: [], softwareYears: 1, trainingDays: 0 }),
  },
  'projects.list': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'projects.overview': { kind: 'scopeList' },
  'projects.get': { kind: 'byId', input: (o) => ({ id: o.project.projectId }) },
  'projects.quote': { kind: 'byId', input: (o) => ({ id: o.project.quoteId }) },
  'projects.create': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, ...validPlan, machineIds: [o.machineId] }) },
  'projects.updatePlan': { kind: 'byId', input: (o) => ({ id: o.project.projectId, ...validPlan, machineIds: [o.machineId] }) },
  'projects.transition': { kind: 'byId', input: (o) => ({ id: o.project.projectId, name: 'accept' }) },
  'projects.addCost': {
    kind: 'byId',
    input: (o) => ({ projectId: o.project.projectId, costLineId: null, supplier: 's', invoiceNo: 'i', invoiceDate: '2026-01-01', amountFen: 1n, paid: false }),
  },
  'projects.addSmeInvoice': {
    kind: 'byId',
    input: (o) => ({ projectId: o.project.projectId, invoiceNo: 'F-1', issuedOn: '2026-01-01', vatRateBp: 1300, amountFen: 1n }),
  },
  'projects.addSmePayment': {
    kind: 'byId',
    input: (o) => ({ projectId: o.project.projectId, milestoneId: o.project.milestoneId, receivedOn: '2026-01-01', amountFen: 1n, reference: null }),
  },
  'projects.setCostPaid': { kind: 'byId', input: (o) => ({ id: o.project.costEntryId, paid: true }) },
  'projects.recordMeasured': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId, month: '2026-01', amountFen: 1n, note: null }) },
  'results.forProject': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId }) },
  'results.watch': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId }) },
  'results.watchForClaim': { kind: 'byId', input: (o) => ({ claimId: o.claimId }) },
  'results.acceptMonth': {
    kind: 'byId',
    input: (o) => ({ projectId: o.project.projectId, baseline: { from: '2026-01-01', to: '2026-01-10' }, result: { from: '2026-03-01', to: '2026-03-31' } }),
  },
  'fundAdmin.create': { kind: 'scopeList', input: { ...validFund } },
  'fundAdmin.update': { kind: 'byId', input: (o) => ({ id: o.fund.id, ...validFund }) },
  'fundAdmin.getForEdit': { kind: 'byId', input: (o) => ({ id: o.fund.id }) },
  // names only, by design: a county invites integrators it cannot otherwise see
  'fundAdmin.integratorDirectory': { kind: 'directory' },
  'fundAdmin.invite': { kind: 'byId', input: (o) => ({ fundId: o.fund.id, integratorId: o.integrator.id }) },
  'fundAdmin.dashboard': { kind: 'byId', input: (o) => ({ fundId: o.fund.id }) },
  'fundAdmin.exportRegister': { kind: 'byId', input: (o) => ({ fundId: o.fund.id, locale: 'en' }) },
  'claims.formOptions': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId, fundId: o.fund.id }) },
  'claims.preview': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId, fundId: o.fund.id, machineIds: [], batchId: null }) },
  'claims.draft': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId, fundId: o.fund.id, machineIds: [], batchId: null }) },
  'claims.addEvidence': { kind: 'byId', input: (o) => ({ claimId: o.claimId, kind: 'CONTRACT', fileId: o.fileId }) },
  'claims.submit': { kind: 'byId', input: (o) => ({ id: o.claimId }) },
  'claims.decide': { kind: 'byId', input: (o) => ({ id: o.claimId, decision: 'reject', reason: 'x' }) },
  'claims.disburse': { kind: 'byId', input: (o) => ({ id: o.claimId, date: '2026-01-01', amountFen: 1n, reference: 'x' }) },
  'claims.list': { kind: 'scopeList', input: {} },
  'claims.get': { kind: 'byId', input: (o) => ({ id: o.claimId }) },
  'claims.payoutUsage': { kind: 'byId', input: (o) => ({ id: o.claimId }) },
  'audit.list': { kind: 'scopeList', input: { page: 1, pageSize: 200 } },
  'audit.export': { kind: 'scopeList', input: { format: 'csv' } },
  'audit.actors': { kind: 'scopeList' },
  'todos.list': { kind: 'scopeList' },
  'todos.count': { kind: 'scopeList' },
  'notifications.myChoices': { kind: 'self', input: undefined },
  'notifications.setMyChoices': { kind: 'self', input: { claimToDecide: false } },
  'notifications.failures': { kind: 'scopeList' },
  'terminals.ofMachine': { kind: 'byId', input: (o) => ({ machineId: o.machineId }) },
  'terminals.ofSme': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, includeRevoked: true }) },
  'terminals.ofProject': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId }) },
  'terminals.register': { kind: 'byId', input: (o) => ({ machineId: o.machineId, serial: `X-${o.machineId}`, replace: true }) },
  'terminals.registerGateway': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, serial: `GX-${o.machineId}` }) },
  'terminals.assignGateway': { kind: 'byId', input: (o) => ({ terminalId: o.terminalId, gatewayId: null }) },
  'terminals.rotate': { kind: 'byId', input: (o) => ({ id: o.terminalId, secretSetAt: new Date() }) },
  'terminals.revoke': { kind: 'byId', input: (o) => ({ id: o.gatewayId }) },
  'terminals.previewImport': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, fileName: 't.csv', bytes: terminalFile }) },
  'terminals.commitImport': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, fileName: 't.csv', bytes: terminalFile }) },
  'terminals.template': { kind: 'scopeList', input: { format: 'csv', locale: 'en' } },
  'shiftCalendar.get': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'shiftCalendar.save': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id, calendar: null }) },
  'telemetry.machineStatus': { kind: 'byId', input: (o) => ({ machineId: o.machineId }) },
  'telemetry.machineTimeline': { kind: 'byId', input: (o) => ({ machineId: o.machineId }) },
  'telemetry.machineDays': { kind: 'byId', input: (o) => ({ machineId: o.machineId, days: 30 }) },
  'telemetry.floor': { kind: 'byId', input: (o) => ({ smeClientId: o.smes[0]?.id }) },
  'telemetry.terminalHealth': { kind: 'scopeList', input: { page: 1, pageSize: 200 } },
  'telemetry.connectedSmes': { kind: 'scopeList' },
  // the pack: a county official reaches it only through a claim filed with its own county
  'acceptance.pack': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId }) },
  'acceptance.satisfaction': { kind: 'byId', input: (o) => ({ projectId: o.project.projectId }) },
  'acceptance.recordSatisfaction': {
    kind: 'byId',
    input: (o) => ({
      projectId: o.project.projectId,
      overall: 5,
      service: 5,
      results: 5,
      usedInProduction: true,
      wouldRecommend: true,
      comment: null,
      respondentName: 'X',
    }),
  },
  'fundAdmin.countyView': { kind: 'byId', input: (o) => ({ fundId: o.fund.id }) },
  'fundAdmin.scorecardSources': { kind: 'byId', input: (o) => ({ fundId: o.fund.id, integratorId: o.integrator.id, figure: 'firmsServed' }) },
};

const roleKeys = ['admin', 'engineer', 'smeOwner', 'official'] as const;

/** What only the integrator's staff may see of a project (the factory's supplier cost carries the first two). */
const integratorSideMarks = [
  'SUPPLIER-OF-THE-INTEGRATOR',
  'SUPPLIER-INVOICE-1',
  '"supplier"',
  '"costEntries"',
  '"costLines"',
  '"varianceFen"',
  '"marginFen"',
  '"integratorSide":{',
];

let t: TestDb;
let a: World;
let b: World;
let bSnapshot: string;
const callers: Record<string, Caller> = {};

beforeAll(async () => {
  t = await openTestDb();
  const withMachine = async (w: TenantWorld): Promise<World> => {
    const project = await createProjectRecord(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string });
    const machineId = (await t.db.machine.findFirstOrThrow({ where: { smeClientId: w.smes[0]?.id, status: { not: 'RETIRED' } }, select: { id: true } })).id;
    await t.db.projectMachine.create({
      data: { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string, projectId: project.projectId, machineId },
    });
    const own = { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string };
    return {
      ...w,
      machineId,
      terminalId: (await seedTerminal(t.db, { machineId, serial: `T-${w.integrator.id}` })).id,
      gatewayId: (await t.db.terminal.create({ data: { ...own, kind: 'GATEWAY', serial: `G-${w.integrator.id}`, secretHash: 'x' }, select: { id: true } })).id,
      assessmentId: (
        await createAssessmentRecord(t.db, {
          integratorId: w.integrator.id,
          smeClientId: w.smes[0]?.id as string,
          date: '2025-01-01',
          d: 1,
          n: 0,
          status: 'DRAFT',
        })
      ).id,
      project,
      claimId: (
        await t.db.claim.create({
          data: {
            countyId: w.county.id,
            fundId: w.fund.id,
            integratorId: w.integrator.id,
            smeClientId: w.smes[0]?.id as string,
            projectId: project.projectId,
            number: 'C-X',
            status: 'SUBMITTED',
            rulesVersion: 1,
            rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }],
            computedFen: 1n,
            snapshot: claimSnapshot,
          },
          select: { id: true },
        })
      ).id,
      // a draft: the integrator's until submitted, so the county of the fund does not see it either
      draftClaimId: (
        await t.db.claim.create({
          data: {
            countyId: w.county.id,
            fundId: w.fund.id,
            integratorId: w.integrator.id,
            smeClientId: w.smes[0]?.id as string,
            projectId: project.projectId,
            number: 'C-D',
            status: 'DRAFT',
            rulesVersion: 1,
            rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }],
            computedFen: 1n,
            snapshot: claimSnapshot,
          },
          select: { id: true },
        })
      ).id,
      invitationId: (
        await t.db.invitation.create({
          data: {
            tokenHash: `hash-${w.integrator.id}`,
            email: `invitee@${w.integrator.id}.test`,
            role: 'INTEGRATOR_ENGINEER',
            integratorId: w.integrator.id,
            invitedById: w.users.admin.id,
            expiresAt: new Date(Date.now() + 86_400_000),
          },
          select: { id: true },
        })
      ).id,
      fileId: (
        await t.db.storedFile.create({
          data: { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string, fileName: 'f.txt', contentType: 'text/plain', size: 1, sha256: 'x' },
          select: { id: true },
        })
      ).id,
    };
  };
  a = await withMachine(await createTenantWorld(t.db, uniqueTag('A')));
  b = await withMachine(await createTenantWorld(t.db, uniqueTag('B')));
  for (const w of [a, b]) await withTelemetry(w);
  // a notice that could not be delivered to each tenant's people (what an admin's failure list reads)
  for (const w of [a, b])
    await t.db.notificationDelivery.createMany({
      data: [
        {
          eventId: `ev-${w.integrator.id}`,
          userId: w.users.engineer.id,
          channel: 'email',
          kind: 'toVerify',
          integratorId: w.integrator.id,
          status: 'FAILED',
          lastError: 'x',
        },
        {
          eventId: `ev-${w.county.id}`,
          userId: w.users.official.id,
          channel: 'email',
          kind: 'claimToDecide',
          countyId: w.county.id,
          status: 'FAILED',
          lastError: 'x',
        },
      ],
    });
  bSnapshot = await snapshot(b);
  for (const r of roleKeys) callers[r] = await callerAs(t.db, a.users[r].id);
});
afterAll(() => t.close());

/** A terminal on the machine that has reported, with its roll-ups: what the telemetry procedures read. */
async function withTelemetry(w: World) {
  const own = { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string };
  // the machine's terminal (seeded with the world) has reported
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  await t.db.terminalHealth.update({
    where: { terminalId: w.terminalId },
    data: { firstSeenAt: hour, lastSeenAt: hour, lastAt: hour, lastState: 1, accepted: 10n, refused: 1n },
  });
  const s = { plannedS: 3600, runningS: 3600, idleS: 0, stoppedS: 0, alarmS: 0, setupS: 0, unknownS: 0 };
  const p = { plannedRunningS: 3600, plannedIdleS: 0, plannedStoppedS: 0, plannedAlarmS: 0, plannedSetupS: 0, plannedUnknownS: 0 };
  await t.db.machineHour.create({ data: { ...own, machineId: w.machineId, hour, ...s, ...p, parts: 60 } });
  await t.db.machineStateSpan.create({ data: { ...own, machineId: w.machineId, from: hour, to: new Date(hour.getTime() + 3_600_000), state: 1 } });
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`no procedure ${path}`);
  return (node as (i: unknown) => Promise<unknown>)(input);
}

/** Everything of tenant B that a procedure could change. */
async function snapshot(o: World): Promise<string> {
  const where = { integratorId: o.integrator.id };
  const [clients, clusters, machines, memberships, sites, users, assessments] = await Promise.all([
    t.db.smeClient.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.cluster.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.machine.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.clusterMembership.findMany({ where, orderBy: [{ clusterId: 'asc' }, { smeClientId: 'asc' }] }),
    t.db.site.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.user.findMany({ where: { id: { in: Object.values(o.users).map((u) => u.id) } }, orderBy: { id: 'asc' } }),
    t.db.assessment.findMany({ where, orderBy: { id: 'asc' } }),
  ]);
  const [milestones, smeInvoices, smePayments] = await Promise.all([
    t.db.paymentMilestone.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.smeInvoice.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.smePayment.findMany({ where, orderBy: { id: 'asc' } }),
  ]);
  const [projects, quotes, costs, lines, claims, funds] = await Promise.all([
    t.db.project.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.quote.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.costEntry.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.costLine.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.claim.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.fund.findMany({ where: { countyId: o.county.id }, orderBy: { id: 'asc' }, include: { participations: true } }),
  ]);
  const [terminals, health, calendars] = await Promise.all([
    t.db.terminal.findMany({ where, orderBy: { id: 'asc' } }),
    t.db.terminalHealth.findMany({ where, orderBy: { terminalId: 'asc' } }),
    t.db.shiftCalendar.findMany({ where, orderBy: { id: 'asc' } }),
  ]);
  const [invitations, resets] = await Promise.all([
    t.db.invitation.findMany({ where: { OR: [where, { countyId: o.county.id }] }, orderBy: { id: 'asc' } }),
    t.db.passwordReset.findMany({ where: { userId: { in: Object.values(o.users).map((u) => u.id) } }, orderBy: { id: 'asc' } }),
  ]);
  return superjson.stringify({
    clients,
    clusters,
    machines,
    memberships,
    sites,
    users,
    assessments,
    projects,
    quotes,
    costs,
    lines,
    claims,
    funds,
    invitations,
    resets,
    milestones,
    smeInvoices,
    smePayments,
    terminals,
    health,
    calendars,
  });
}

/** Every identifier and name of tenant B that must never appear in an answer to tenant A. */
function otherTenantMarks(o: TenantWorld): string[] {
  return [
    o.integrator.id,
    o.integrator.name,
    o.county.id,
    o.county.name,
    o.cluster.id,
    o.cluster.name,
    o.fund.id,
    o.fund.name,
    ...o.smes.flatMap((s) => [s.id, s.legalName]),
    ...Object.values(o.users).flatMap((u) => [u.id, u.email]),
  ];
}

describe('cross-tenant table', () => {
  it('has a row for every procedure of the router', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(crossTenantCases).sort()).toEqual(procedures);
  });

  for (const [path, c] of Object.entries(crossTenantCases)) {
    for (const role of roleKeys) {
      it(`${path} as ${role} of A reaches nothing of B`, async () => {
        const caller = callers[role] as Caller;
        if (c.kind === 'byId') {
          const err = await call(caller, path, c.input(b)).then(
            (data) => ({ data }),
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(TRPCError);
          expect(['NOT_FOUND', 'FORBIDDEN']).toContain((err as TRPCError).code);
          // a procedure open to this role must not even admit that the row exists
          if ((err as TRPCError).code === 'FORBIDDEN') {
            const own = await call(caller, path, c.input(a)).then(
              () => 'ok',
              (e: TRPCError) => e.code,
            );
            expect(own).toBe('FORBIDDEN');
          }
          return;
        }
        if (c.kind === 'directory') {
          const out = await call(caller, path, undefined).then(
            (data) => ({ ok: true as const, data }),
            (e: unknown) => ({ ok: false as const, e }),
          );
          if (out.ok) for (const row of out.data as Record<string, unknown>[]) expect(Object.keys(row).sort()).toEqual(['id', 'name', 'nameEn']);
          else expect((out.e as TRPCError).code).toBe('FORBIDDEN');
          return;
        }
        const input = c.input;
        const before =
          c.kind === 'self' ? await t.db.user.findMany({ where: { id: { in: Object.values(b.users).map((u) => u.id) } }, orderBy: { id: 'asc' } }) : null;
        const out = await call(caller, path, input).then(
          (data) => ({ ok: true as const, data }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        if (!out.ok) {
          // refused for the role, or refused as input (e.g. a file that names no SME of the caller)
          expect(out.e).toBeInstanceOf(TRPCError);
          expect(['FORBIDDEN', 'BAD_REQUEST']).toContain((out.e as TRPCError).code);
          for (const mark of otherTenantMarks(b)) expect(superjson.stringify(out.e)).not.toContain(mark);
          return;
        }
        // a file, whole or streamed, is read to its end and searched like the rest
        const data = out.data as { bytes?: Uint8Array; body?: AsyncIterable<Uint8Array> } | null;
        const fileBytes = data?.bytes instanceof Uint8Array ? data.bytes : data?.body ? await readAll(data.body) : null;
        const shown = data?.body ? { ...data, body: null } : out.data;
        const text = superjson.stringify(shown) + (fileBytes ? new TextDecoder().decode(fileBytes) : '');
        for (const mark of otherTenantMarks(b)) expect(text).not.toContain(mark);
        if (before) {
          const after = await t.db.user.findMany({ where: { id: { in: Object.values(b.users).map((u) => u.id) } }, orderBy: { id: 'asc' } });
          expect(after).toEqual(before);
        }
      });
    }
  }

  it('left every row of tenant B as it was', async () => {
    expect(await snapshot(b)).toBe(bSnapshot);
  });
});

/**
 * The other side of the second wall: row-level security must hide nothing the application itself reads (a hidden
 * row of a relation comes back as null, not as an error). Every read procedure, called by every role with its own
 * tenant's ids, must answer exactly the same with the database's wall up as with the application's filter alone.
 */
describe('own-tenant reads: row-level security hides nothing the application reads', () => {
  const queries = Object.entries(crossTenantCases).filter(
    ([path]) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]?._def.type === 'query',
  );
  const outcome = (p: Promise<unknown>) =>
    p.then(
      (data) => {
        const d = data as { bytes?: unknown } | null;
        // files carry their build time; compare everything but the bytes
        return superjson.stringify(d && typeof d === 'object' && 'bytes' in d ? { ...d, bytes: null } : d);
      },
      (e: unknown) => (e instanceof TRPCError ? `error ${e.code}` : `error ${String(e)}`),
    );
  it('covers the read procedures', () => expect(queries.length).toBeGreaterThan(30));
  for (const [path, c] of queries) {
    for (const role of roleKeys) {
      it(`${path} as ${role} of A with A's own ids`, async () => {
        const input = c.kind === 'byId' ? c.input(a) : c.kind === 'directory' ? undefined : c.input;
        // both callers fresh, so that both see the same user row
        const walledCaller = await callerAs(t.db, a.users[role].id, 'en');
        const unwalled = await callerAs(t.db, a.users[role].id, 'en', { rowLevelSecurity: false });
        // one "now" for both answers: a read cut at the present moment (today's timeline) must not differ by the
        // milliseconds between the two calls
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date());
        let walled: string;
        let plain: string;
        try {
          [walled, plain] = [await outcome(call(walledCaller, path, input)), await outcome(call(unwalled, path, input))];
        } finally {
          vi.useRealTimers();
        }
        expect(walled).not.toBe('error INTERNAL_SERVER_ERROR');
        expect(walled).toEqual(plain);
        // an SME owner never sees the integrator's side: suppliers, supplier invoices, budget lines, variance, margin
        if (role === 'smeOwner') for (const secret of integratorSideMarks) expect(walled).not.toContain(secret);
        // …while staff do see it on the project page (so the check above can fail)
        if (role === 'admin' && path === 'projects.get') expect(walled).toContain('SUPPLIER-OF-THE-INTEGRATOR');
      });
    }
  }
});

/**
 * Roles within one tenant: a draft claim belongs to its integrator until submitted. To the county of its own fund it
 * answers NOT_FOUND everywhere and is never listed or counted (issue 14 item 11).
 */
describe('a county never sees a draft of its own fund', () => {
  const draftCases: [string, (w: World) => unknown][] = [
    ['claims.get', (w) => ({ id: w.draftClaimId })],
    ['claims.decide', (w) => ({ id: w.draftClaimId, decision: 'approve' })],
    ['claims.disburse', (w) => ({ id: w.draftClaimId, date: '2026-01-01', amountFen: 1n, reference: 'x' })],
    ['results.watchForClaim', (w) => ({ claimId: w.draftClaimId })],
    ['claims.payoutUsage', (w) => ({ id: w.draftClaimId })],
  ];
  for (const [path, input] of draftCases) {
    it(`${path} of a draft answers NOT_FOUND to the official`, async () => {
      const err = await call(callers.official as Caller, path, input(a)).catch((e: unknown) => e);
      expect((err as TRPCError).code).toBe('NOT_FOUND');
    });
  }
  it('claims.list, the dashboard and the register leave drafts out', async () => {
    const official = callers.official as Caller;
    expect(await official.claims.list({ status: 'DRAFT' })).toMatchObject({ items: [], total: 0 });
    expect((await official.claims.list({})).items.map((c) => c.id)).toEqual([a.claimId]);
    const d = await official.fundAdmin.dashboard({ fundId: a.fund.id });
    expect(d.byStatus).toEqual([{ status: 'SUBMITTED', count: 1 }]);
    // the integrator still sees its own draft
    expect((await (callers.engineer as Caller).claims.get({ id: a.draftClaimId })).status).toBe('DRAFT');
  });
});
