#!/usr/bin/env bash
# The app as the end-to-end tests see it: the production build on a fresh PGlite folder with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || NEXT_TELEMETRY_DISABLED=1 npx next build
rm -rf .data/e2e
npx tsx scripts/db.ts setup
exec env NEXT_TELEMETRY_DISABLED=1 npx next start --port "${PORT:-3210}"
