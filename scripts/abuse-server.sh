#!/usr/bin/env bash
# The app as the abuse suite sees it: the production build (`next build` output, `next start`) on its own port and
# its own freshly seeded PGlite folder (.data/abuse), with a pool of throwaway users (scripts/abuse-seed.ts), so the
# lockouts the attacks provoke never touch the accounts of the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || NEXT_TELEMETRY_DISABLED=1 npx next build
rm -rf .data/abuse
mkdir -p .data/abuse
export PGLITE_DIR=.data/abuse/pglite FILES_DIR=.data/abuse/files
npx tsx scripts/db.ts setup >/dev/null
npx tsx scripts/abuse-seed.ts
exec env NEXT_TELEMETRY_DISABLED=1 npx next start --port "${PORT:-3410}"
