/**
 * Throwaway accounts for the abuse suite (`npm run test:abuse`), added to its own freshly seeded PGlite folder
 * before the server starts: POOL_SIZE users for each kind of demo user, in the same tenant and with the same
 * rights as that demo user, all with the demo password. A test that provokes a lockout or changes a password
 * takes one of these (abuse/helpers.ts `freshUser`) so that it never disturbs another test.
 */
import { DEMO_PASSWORD } from '../prisma/seed/demo';
import { hashPassword } from '../server/auth/password';
import { createDb } from '../server/db/client';
import { resolveDbTarget } from '../server/db/target';

export const POOL_SIZE = 25;
/** Kind → the demo account whose tenant and role the pool copies. Keep in step with abuse/helpers.ts. */
const TEMPLATES = {
  admin: 'admin@xinchang-retrofit.demo',
  engineer: 'engineer@xinchang-retrofit.demo',
  smeOwner: 'owner@wanfeng-bearing.demo',
  official: 'official@xinchang.gov.demo',
  otherAdmin: 'admin@shengzhou-gear.demo',
  otherOfficial: 'official@shengzhou.gov.demo',
} as const;

async function main() {
  const h = await createDb(resolveDbTarget(), { create: false });
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const data = [];
    for (const [kind, email] of Object.entries(TEMPLATES)) {
      const t = await h.db.user.findUniqueOrThrow({
        where: { email },
        select: { role: true, integratorId: true, smeClientId: true, countyId: true, isAdmin: true },
      });
      const domain = email.split('@')[1];
      for (let n = 1; n <= POOL_SIZE; n++) {
        const nn = String(n).padStart(2, '0');
        data.push({ ...t, email: `abuse-${kind.toLowerCase()}-${nn}@${domain}`, name: `Abuse ${kind} ${nn}`, passwordHash });
      }
    }
    const { count } = await h.db.user.createMany({ data });
    console.log(`abuse seed: ${count} throwaway users`);
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
