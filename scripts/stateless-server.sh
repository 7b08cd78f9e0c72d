#!/usr/bin/env bash
# Two production app processes on one fresh PostgreSQL database behind HAProxy (deploy/haproxy.cfg), as
# `playwright.stateless.config.ts` tests them: round robin, no sticky sessions, one shared FILES_DIR.
# Needs the production build (`npx next build`), PostgreSQL at TEST_PG_URL and Debian's haproxy.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || NEXT_TELEMETRY_DISABLED=1 npx next build
export LB_PORT="${LB_PORT:-3500}" APP1_PORT="${APP1_PORT:-3511}" APP2_PORT="${APP2_PORT:-3512}"
base="${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
db="rp_stateless"  # one at a time (its ports are fixed too): a run killed before its cleanup is dropped by the next
export DATABASE_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/$db';console.log(u.toString())" "$base")"
node -e "
const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});
c.connect().then(()=>c.query('DROP DATABASE IF EXISTS $db WITH (FORCE)')).then(()=>c.query('CREATE DATABASE $db')).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})" "$base"
rm -rf .data/stateless && mkdir -p .data/stateless/files
export FILES_DIR="$PWD/.data/stateless/files" AUTH_SECRET="stateless-test-secret-$(date +%s)-0123456789abcdef"
export AUTH_URL="http://localhost:$LB_PORT" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 MQTT_EMBEDDED=off LOG_LEVEL=warn
export TRUSTED_PROXIES=loopback
npx tsx scripts/db.ts setup >/dev/null
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  node -e "
const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});
c.connect().then(()=>c.query('DROP DATABASE IF EXISTS $db WITH (FORCE)')).then(()=>c.end()).catch(()=>{})" "$base"
}
trap cleanup EXIT INT TERM
npx next start --port "$APP1_PORT" & pids+=($!)
npx next start --port "$APP2_PORT" & pids+=($!)
node -e "
const wait=async(port)=>{for(let i=0;i<240;i++){try{if((await fetch('http://127.0.0.1:'+port+'/api/health')).ok)return}catch{}await new Promise(r=>setTimeout(r,500))}throw new Error('app on '+port+' did not start')};
Promise.all(process.argv.slice(1).map(wait)).catch(e=>{console.error(e.message);process.exit(1)})" "$APP1_PORT" "$APP2_PORT"
"${HAPROXY_BIN:-$(command -v haproxy || echo /usr/sbin/haproxy)}" -f deploy/haproxy.cfg -db & pids+=($!)
wait -n "${pids[@]}"
