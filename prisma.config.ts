import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI tries to download its native schema engine before `generate`, which this
// project never needs (migrations run through the WASM engine: scripts/db.ts). Pointing the
// variable at any existing file stops the download; see docs/decisions/0002-database-targets.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), 'prisma', 'engine-stub');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Only `generate`/`validate` read this; a default keeps them working without a database.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused',
  },
});
