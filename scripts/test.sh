#!/usr/bin/env bash
# The whole test suite: types, lint/format, unit, integration on PGlite and on PostgreSQL,
# end-to-end in Debian's Chromium, then the abuse suite. Installs what it needs on a fresh Debian machine (when root).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_PG_URL="${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
mkdir -p test-results
step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
started=$(date +%s)

# --- dependencies ---------------------------------------------------------------------------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "✖ Missing Debian package(s): $*. Install them (sudo apt-get install -y $*) and run again." >&2
    exit 1
  fi
  [ $apt_updated = 1 ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "installing Debian's chromium (end-to-end tests)"
  apt_install chromium fonts-noto-cjk
fi

if [ -z "${MOSQUITTO_BIN:-}" ] && ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  # the ingestion tests start their own Mosquitto on a free port (never the machine's broker on 1883)
  step "installing Debian's mosquitto (MQTT ingestion tests)"
  apt_install mosquitto
fi

if [ -z "${HAPROXY_BIN:-}" ] && ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  # the stateless test runs two app processes behind a real load balancer
  step "installing Debian's haproxy (two app processes behind a load balancer)"
  apt_install haproxy
fi

if [ -z "${PGBOUNCER_BIN:-}" ] && ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
  # ... which reach PostgreSQL through PgBouncer in transaction mode
  step "installing Debian's pgbouncer (the app processes' connection pooler)"
  apt_install pgbouncer
fi

pg_reachable() { node -e "const c=new (require('pg').Client)({connectionString:process.env.TEST_PG_URL,connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" 2>/dev/null; }
run_pg=1
if ! pg_reachable; then
  step "starting PostgreSQL"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install postgresql
    fresh_pg=1
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    ver=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main start 2>/dev/null || true
    for _ in $(seq 1 20); do pg_reachable && break; sleep 0.5; done
    if ! pg_reachable && [ "$(id -u)" = 0 ] && [ "${fresh_pg:-0}" = 1 ]; then
      # a fresh Debian cluster asks for a password on TCP: give the postgres role the one in TEST_PG_URL
      su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
    fi
  fi
  if ! pg_reachable; then
    if [ -n "${CI:-}" ]; then
      echo "✖ PostgreSQL is not reachable at $TEST_PG_URL and could not be started." >&2
      exit 1
    fi
    echo "⚠ PostgreSQL is not reachable at $TEST_PG_URL: the PostgreSQL integration run is SKIPPED (CI runs it)." >&2
    run_pg=0
  fi
fi

# --- static checks ---------------------------------------------------------------------------------
step "type-check"
npx tsc --noEmit
step "lint and format (Biome)"
npx biome check .

# --- tests ------------------------------------------------------------------------------------------
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile=test-results/vitest-unit.json
step "integration tests on PGlite"
TEST_DB=pglite npx vitest run --project integration --reporter=default --reporter=json --outputFile=test-results/vitest-int-pglite.json
if [ $run_pg = 1 ]; then
  step "integration tests on PostgreSQL ($TEST_PG_URL)"
  TEST_DB=postgres npx vitest run --project integration --reporter=default --reporter=json --outputFile=test-results/vitest-int-postgres.json
else
  rm -f test-results/vitest-int-postgres.json
fi
step "production build"
npx next build
step "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
step "abuse tests (attacks over HTTP against the production build)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-abuse.json npx playwright test --config playwright.abuse.config.ts --reporter=list,json

if [ $run_pg = 1 ]; then
  step "stateless: two app processes on PostgreSQL behind HAProxy (round robin, no sticky sessions)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright-stateless.json npx playwright test --config playwright.stateless.config.ts --reporter=list,json
else
  rm -f test-results/playwright-stateless.json
fi

node scripts/test-summary.mjs "$(( $(date +%s) - started ))"
