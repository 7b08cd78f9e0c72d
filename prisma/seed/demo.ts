/**
 * Demo data modelled on TOMAN's Xinchang programme (shared/DOMAIN.md): about 80 machines per SME,
 * mixed control types, a county fund with the 5 % free-share rule, and a second integrator and
 * county so that isolation can be seen. Fictional firms; valid credit codes.
 */
import { yuan } from '../../server/domain/money/money';
import {
  addParticipation,
  createAssessmentRecord,
  createCluster,
  createCounty,
  createFund,
  createIntegrator,
  createInventory,
  createSmeClient,
  createUser,
  type Db,
  makeCreditCode,
  seedTerminal,
} from './factories';
import { seedDemoTerminals } from './telemetry';

export const DEMO_PASSWORD = 'retrofit-demo-2026';

export const demoUsers = [
  { email: 'admin@xinchang-retrofit.demo', role: 'INTEGRATOR_ADMIN', who: 'Xinchang Precision Retrofit · admin' },
  { email: 'engineer@xinchang-retrofit.demo', role: 'INTEGRATOR_ENGINEER', who: 'Xinchang Precision Retrofit · engineer' },
  { email: 'owner@wanfeng-bearing.demo', role: 'SME_OWNER', who: 'Xinchang Wanfeng Bearing Co. · owner' },
  { email: 'official@xinchang.gov.demo', role: 'COUNTY_OFFICIAL', who: 'Xinchang County · fund official, county admin' },
  { email: 'owner@boyuan-fixtures.demo', role: 'SME_OWNER', who: 'Xinchang Boyuan Fixtures Co. · owner' },
  { email: 'owner@hengli-bearing.demo', role: 'SME_OWNER', who: 'Xinchang Hengli Bearing Manufacturing Co. · owner' },
  { email: 'admin@shengzhou-gear.demo', role: 'INTEGRATOR_ADMIN', who: 'Shengzhou Gear Digital (2nd tenant) · admin' },
  { email: 'official@shengzhou.gov.demo', role: 'COUNTY_OFFICIAL', who: 'Shengzhou (2nd county) · fund official' },
] as const;

const xinchangBearings = [
  { legalName: '新昌县万丰轴承有限公司', legalNameEn: 'Xinchang Wanfeng Bearing Co., Ltd.', headcount: 186, machines: 84 },
  { legalName: '新昌县天马精密轴承有限公司', legalNameEn: 'Xinchang Tianma Precision Bearing Co., Ltd.', headcount: 240, machines: 96 },
  { legalName: '新昌县恒力轴承制造有限公司', legalNameEn: 'Xinchang Hengli Bearing Manufacturing Co., Ltd.', headcount: 132, machines: 71 },
  { legalName: '新昌县东方滚动轴承厂', legalNameEn: 'Xinchang Dongfang Rolling Bearing Works', headcount: 98, machines: 58 },
  { legalName: '新昌县鑫达轴承有限公司', legalNameEn: 'Xinchang Xinda Bearing Co., Ltd.', headcount: 175, machines: 88 },
  { legalName: '新昌县精工套圈有限公司', legalNameEn: 'Xinchang Jinggong Bearing Rings Co., Ltd.', headcount: 150, machines: 79 },
];

export async function seedDemo(db: Db): Promise<string> {
  const xinchang = await createCounty(db, { name: '新昌县', nameEn: 'Xinchang County', province: '浙江省' });
  const shengzhou = await createCounty(db, { name: '嵊州市', nameEn: 'Shengzhou', province: '浙江省' });

  const toman = await createIntegrator(db, {
    name: '新昌精密智改',
    nameEn: 'Xinchang Precision Retrofit',
    creditCode: makeCreditCode(900_001),
    address: '浙江省绍兴市新昌县七星街道智造大道 88 号',
    addressEn: '88 Zhizao Avenue, Qixing Subdistrict, Xinchang County, Shaoxing, Zhejiang',
    phone: '0575-8612 3456',
  });
  const bearings = await createCluster(db, toman.id, { name: '新昌轴承', nameEn: 'Xinchang ball bearings', county: '新昌县', sector: 'BALL_BEARINGS' });
  const fixtures = await createCluster(db, toman.id, { name: '新昌工装夹具', nameEn: 'Xinchang fixtures', county: '新昌县', sector: 'FIXTURES' });

  let machines = 0;
  let code = 1;
  const smeIds: string[] = [];
  for (const [i, s] of xinchangBearings.entries()) {
    const sme = await createSmeClient(db, toman.id, {
      legalName: s.legalName,
      legalNameEn: s.legalNameEn,
      creditCode: makeCreditCode(code++),
      county: '新昌县',
      sector: 'BALL_BEARINGS',
      headcount: s.headcount,
      clusterIds: [bearings.id],
    });
    smeIds.push(sme.id);
    machines += (await createInventory(db, { integratorId: toman.id, smeClientId: sme.id, machines: s.machines, seed: 100 + i })).machines;
  }
  // maturity history (the paper's pathways: most firms moved from D0N0 towards D1N1, not in series)
  const history: [number, string, number, number, number | null, 'SELF' | 'INTEGRATOR' | 'THIRD_PARTY'][] = [
    [0, '2016-03-15', 0, 0, 1, 'SELF'],
    [0, '2018-09-20', 1, 0, 1, 'INTEGRATOR'],
    [0, '2021-06-30', 1, 1, 2, 'THIRD_PARTY'],
    [1, '2016-05-10', 0, 0, 1, 'SELF'],
    [1, '2019-11-05', 1, 1, 2, 'THIRD_PARTY'],
    [1, '2026-04-18', 2, 1, 3, 'THIRD_PARTY'],
    [2, '2017-03-01', 0, 0, null, 'SELF'],
    [2, '2025-09-10', 1, 0, 1, 'INTEGRATOR'],
    [3, '2019-06-01', 0, 0, 1, 'SELF'],
    [4, '2024-12-01', 1, 0, 1, 'INTEGRATOR'],
    [4, '2026-08-20', 1, 1, 2, 'THIRD_PARTY'],
  ];
  for (const [k, date, d, n, level, kind] of history)
    await createAssessmentRecord(db, { integratorId: toman.id, smeClientId: smeIds[k] as string, date, d, n, nationalLevel: level, kind });

  const fixtureSme = await createSmeClient(db, toman.id, {
    legalName: '新昌县博远工装夹具有限公司',
    legalNameEn: 'Xinchang Boyuan Fixtures Co., Ltd.',
    creditCode: makeCreditCode(code++),
    county: '新昌县',
    sector: 'FIXTURES',
    headcount: 64,
    clusterIds: [fixtures.id],
  });
  machines += (
    await createInventory(db, {
      integratorId: toman.id,
      smeClientId: fixtureSme.id,
      machines: 42,
      seed: 200,
      sites: [
        {
          name: '本部',
          workshops: [
            { name: '机加工车间', lines: ['夹具加工线'] },
            { name: '装配车间', lines: ['夹具装配线'] },
          ],
        },
      ],
    })
  ).machines;

  const gear = await createIntegrator(db, {
    name: '嵊州齿轮数字化服务',
    nameEn: 'Shengzhou Gear Digital',
    creditCode: makeCreditCode(900_002, '330683'),
    address: '浙江省绍兴市嵊州市经济开发区齿轮路 6 号',
    addressEn: '6 Chilun Road, Economic Development Zone, Shengzhou, Shaoxing, Zhejiang',
    phone: '0575-8301 2200',
  });
  const gears = await createCluster(db, gear.id, { name: '嵊州齿轮', nameEn: 'Shengzhou gears', county: '嵊州市', sector: 'GEARS' });
  const gearSmes = [
    { legalName: '嵊州市宏达齿轮有限公司', legalNameEn: 'Shengzhou Hongda Gear Co., Ltd.', headcount: 120, machines: 66 },
    { legalName: '嵊州市明阳传动件厂', legalNameEn: 'Shengzhou Mingyang Transmission Parts Works', headcount: 85, machines: 47 },
  ];
  for (const [i, s] of gearSmes.entries()) {
    const sme = await createSmeClient(db, gear.id, {
      legalName: s.legalName,
      legalNameEn: s.legalNameEn,
      creditCode: makeCreditCode(code++, '330683'),
      county: '嵊州市',
      sector: 'GEARS',
      headcount: s.headcount,
      clusterIds: [gears.id],
    });
    machines += (await createInventory(db, { integratorId: gear.id, smeClientId: sme.id, machines: s.machines, seed: 300 + i, tagPrefix: 'G' })).machines;
  }

  const fund = await createFund(db, xinchang.id, {
    name: '新昌县中小企业智能化改造试点基金',
    nameEn: 'Xinchang SME smart-retrofit trial fund',
    budgetFen: yuan(5_000_000),
    periodStart: new Date('2025-12-31T16:00:00Z'), // 2026-01-01 00:00 Asia/Shanghai
    periodEnd: new Date('2027-12-31T15:59:59Z'),
    sectors: ['BALL_BEARINGS', 'FIXTURES', 'GEARS'],
    rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: String(yuan(4_000)) }],
  });
  await addParticipation(db, fund.id, toman.id);
  const szFund = await createFund(db, shengzhou.id, {
    name: '嵊州市数字化转型专项资金',
    nameEn: 'Shengzhou digital transformation fund',
    budgetFen: yuan(3_000_000),
    periodStart: new Date('2026-03-31T16:00:00Z'),
    periodEnd: new Date('2028-03-31T15:59:59Z'),
    sectors: ['GEARS'],
    rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
  });
  await addParticipation(db, szFund.id, gear.id);

  // connected machines (issue 19): terminals on some of Wanfeng's and Boyuan's machines; Wanfeng has its own shift calendar
  const terminals = await seedDemoTerminals(db, { integratorId: toman.id, calendarSmeId: smeIds[0] as string, defaultSmeId: fixtureSme.id });
  // Wanfeng's first machines have reported already (their terminals are fitted just above), so that the project journey (which plans
  // the first ten machines in asset-tag order) can be commissioned (commissioning needs every machine reporting)
  const connected = await db.machine.findMany({
    where: { smeClientId: smeIds[0], status: { not: 'RETIRED' } },
    orderBy: { assetTag: 'asc' },
    take: 12,
    select: { id: true, assetTag: true },
  });
  const firstReport = new Date(Date.now() - 3 * 86_400_000);
  for (const [i, m] of connected.entries())
    await seedTerminal(db, { machineId: m.id, serial: `TM-ACS-2026-${String(101 + i).padStart(6, '0')}`, seenAt: firstReport });

  const p = DEMO_PASSWORD;
  await createUser(db, { email: 'admin@xinchang-retrofit.demo', name: '陈建国', password: p, role: 'INTEGRATOR_ADMIN', integratorId: toman.id });
  await createUser(db, { email: 'engineer@xinchang-retrofit.demo', name: '王磊', password: p, role: 'INTEGRATOR_ENGINEER', integratorId: toman.id });
  await createUser(db, {
    email: 'owner@wanfeng-bearing.demo',
    name: '张伟',
    password: p,
    role: 'SME_OWNER',
    integratorId: toman.id,
    smeClientId: smeIds[0] as string,
  });
  await createUser(db, {
    email: 'owner@boyuan-fixtures.demo',
    name: '孙丽',
    password: p,
    role: 'SME_OWNER',
    integratorId: toman.id,
    smeClientId: fixtureSme.id,
  });
  await createUser(db, {
    email: 'owner@hengli-bearing.demo',
    name: '刘洋',
    password: p,
    role: 'SME_OWNER',
    integratorId: toman.id,
    smeClientId: smeIds[2] as string,
  });
  await createUser(db, { email: 'official@xinchang.gov.demo', name: '李敏', password: p, role: 'COUNTY_OFFICIAL', countyId: xinchang.id, isAdmin: true });
  await createUser(db, { email: 'admin@shengzhou-gear.demo', name: '赵强', password: p, role: 'INTEGRATOR_ADMIN', integratorId: gear.id });
  await createUser(db, { email: 'official@shengzhou.gov.demo', name: '周丽', password: p, role: 'COUNTY_OFFICIAL', countyId: shengzhou.id });

  return `2 integrators, 2 counties, 10 SME clients, ${machines} machines, 2 funds, ${terminals} terminals, ${demoUsers.length} users`;
}
