import { describe, expect, it } from 'vitest';
import { openTestDb } from '../testing/db';
import { migrationDrift, readMigrationsList } from './migrate';

describe('one schema, one migration history', () => {
  it('the committed migrations produce exactly prisma/schema.prisma', async () => {
    expect(await migrationDrift()).toBe('');
  });

  it(`every migration is recorded as applied on this target (${process.env.TEST_DB ?? 'pglite'})`, async () => {
    const t = await openTestDb();
    try {
      const rows = await t.db.$queryRaw<
        { migration_name: string; finished_at: Date | null }[]
      >`SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(readMigrationsList().migrationDirectories.map((d) => d.path));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
