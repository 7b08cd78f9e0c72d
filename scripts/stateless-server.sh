#!/usr/bin/env bash
# Two production app processes on one fresh PostgreSQL database behind HAProxy (deploy/haproxy.cfg), reaching the
# database through PgBouncer in transaction mode (deploy/pgbouncer.ini), as `playwright.stateless.config.ts` tests
# them: round robin, no sticky sessions, one shared FILES_DIR. Migrations and LISTEN go to PostgreSQL directly.
# Needs the production build (`npx next build`), PostgreSQL at TEST_PG_URL and Debian's haproxy and pgbouncer.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || NEXT_TELEMETRY_DISABLED=1 npx next build
export LB_PORT="${LB_PORT:-3500}" APP1_PORT="${APP1_PORT:-3511}" APP2_PORT="${APP2_PORT:-3512}" PGBOUNCER_PORT="${PGBOUNCER_PORT:-3513}"
base="${TEST_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
db="rp_stateless"  # one at a time (its ports are fixed too): a run killed before its cleanup is dropped by the next
# the app's DATABASE_URL goes through PgBouncer; DATABASE_DIRECT_URL (migrations, LISTEN) straight to PostgreSQL
url_part() { node -e "const u=new URL(process.argv[1]);console.log(decodeURIComponent(u[process.argv[2]])||process.argv[3]||'')" "$base" "$1" "${2:-}"; }
pg_host=$(url_part hostname 127.0.0.1) pg_port=$(url_part port 5432) pg_user=$(url_part username postgres) pg_password=$(url_part password)
export DATABASE_DIRECT_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/$db';console.log(u.toString())" "$base")"
export DATABASE_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/$db';u.hostname='127.0.0.1';u.port=process.argv[2];console.log(u.toString())" "$base" "$PGBOUNCER_PORT")"
node -e "
const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});
c.connect().then(()=>c.query('DROP DATABASE IF EXISTS $db WITH (FORCE)')).then(()=>c.query('CREATE DATABASE $db')).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})" "$base"
rm -rf .data/stateless && mkdir -p .data/stateless/files .data/stateless/pgbouncer
bouncer=.data/stateless/pgbouncer
printf '"%s" "%s"\n' "$pg_user" "$pg_password" > "$bouncer/userlist.txt"
sed -e "s|@PG_HOST@|$pg_host|; s|@PG_PORT@|$pg_port|; s|@DB_NAME@|$db|g; s|@PGBOUNCER_PORT@|$PGBOUNCER_PORT|" \
    -e "s|@PG_USER@|$pg_user|g; s|@AUTH_FILE@|$PWD/$bouncer/userlist.txt|; s|@POOL_SIZE@|8|" deploy/pgbouncer.ini > "$bouncer/pgbouncer.ini"
export FILES_DIR="$PWD/.data/stateless/files" AUTH_SECRET="stateless-test-secret-$(date +%s)-0123456789abcdef"
export AUTH_URL="http://localhost:$LB_PORT" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 MQTT_EMBEDDED=off LOG_LEVEL=warn
export TRUSTED_PROXIES=loopback
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  node -e "
const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});
c.connect().then(()=>c.query('DROP DATABASE IF EXISTS $db WITH (FORCE)')).then(()=>c.end()).catch(()=>{})" "$base"
}
trap cleanup EXIT INT TERM
# PgBouncer refuses to run as root: as root it drops to an unprivileged user, which must read its files
bouncer_user=()
if [ "$(id -u)" = 0 ]; then
  bouncer_user=(-u nobody)
  chmod 755 .data .data/stateless "$bouncer" && chmod 644 "$bouncer"/*
fi
"${PGBOUNCER_BIN:-$(command -v pgbouncer || echo /usr/sbin/pgbouncer)}" "${bouncer_user[@]}" "$bouncer/pgbouncer.ini" 2>"$bouncer/pgbouncer.log" & pids+=($!)
node -e "
const net=require('net');const port=Number(process.argv[1]);
const tryOnce=()=>new Promise(r=>{const s=net.connect(port,'127.0.0.1',()=>{s.end();r(true)});s.on('error',()=>r(false))});
(async()=>{for(let i=0;i<40;i++){if(await tryOnce())return;await new Promise(r=>setTimeout(r,250))}console.error('PgBouncer did not start');process.exit(1)})()" "$PGBOUNCER_PORT"
npx tsx scripts/db.ts setup >/dev/null
npx next start --port "$APP1_PORT" & pids+=($!)
npx next start --port "$APP2_PORT" & pids+=($!)
node -e "
const wait=async(port)=>{for(let i=0;i<240;i++){try{if((await fetch('http://127.0.0.1:'+port+'/api/health')).ok)return}catch{}await new Promise(r=>setTimeout(r,500))}throw new Error('app on '+port+' did not start')};
Promise.all(process.argv.slice(1).map(wait)).catch(e=>{console.error(e.message);process.exit(1)})" "$APP1_PORT" "$APP2_PORT"
"${HAPROXY_BIN:-$(command -v haproxy || echo /usr/sbin/haproxy)}" -f deploy/haproxy.cfg -db & pids+=($!)
wait -n "${pids[@]}"
