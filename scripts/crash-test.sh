#!/usr/bin/env bash
# The money crash test (issue 5): a burst of approvals, releases and confirmations against a
# real server that is killed with SIGKILL at random moments and restarted, then the ledger's
# invariants are checked (`passerelle check-ledger`) and every acknowledged answer is found in
# the database: nothing acknowledged is lost, nothing is paid twice.
#
#   scripts/crash-test.sh sqlite|postgres [kills]
#
# Needs the debug server binary (built here if missing), python3, and psql for PostgreSQL
# ($PASSERELLE_TEST_PG, default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND="${1:-sqlite}"
KILLS="${2:-12}"
PLANS=8
PORT=$((20000 + RANDOM % 20000))
BIN=target/debug/passerelle
WORK=$(mktemp -d)
PG_ADMIN="${PASSERELLE_TEST_PG:-postgres://postgres@127.0.0.1:5432/postgres}"
PG_DB="passerelle_crash_$$"
SERVER_PID=""

cleanup() {
  [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
  if [ "$BACKEND" = postgres ]; then
    psql -q "$PG_ADMIN" -c "drop database if exists $PG_DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -x "$BIN" ] || cargo build --bin passerelle
case "$BACKEND" in
  sqlite) export DATABASE_URL="sqlite://$WORK/crash.db" ;;
  postgres)
    psql -q "$PG_ADMIN" -c "create database $PG_DB" >/dev/null
    export DATABASE_URL="${PG_ADMIN%/*}/$PG_DB" ;;
  *) echo "usage: $0 sqlite|postgres [kills]" >&2; exit 2 ;;
esac
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export RUST_LOG=warn

sql() {
  if [ "$BACKEND" = sqlite ]; then
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(map(str,x)) for x in r))' "$WORK/crash.db" "$1"
  else
    psql -qtA "$DATABASE_URL" -c "$1"
  fi
}

"$BIN" seed demo >/dev/null
for n in $(seq 1 $PLANS); do
  echo "passerelle demo 2026" | "$BIN" create-user --email "crash$n@demo.passerelle.ma" --role applicant --password-stdin >/dev/null
done
AT="'2026-11-02T09:00:00Z'"
CALL=$(sql "select id from grant_calls order by id limit 1")
CHAIR=$(sql "select id from users where email = 'committee@demo.passerelle.ma'")
sql "update grant_calls set envelope_centimes = 1000000000, max_grant_centimes = 1000000, quorum = 1 where id = $CALL" >/dev/null
sql "insert into committee_members (call_id, user_id, chair, added_by, added_at) values ($CALL, $CHAIR, true, $CHAIR, $AT)" >/dev/null
MENTOR=$(sql "select id from users where email = 'mentor@demo.passerelle.ma'")
: > "$WORK/plans"
for n in $(seq 1 $PLANS); do
  OWNER=$(sql "select id from users where email = 'crash$n@demo.passerelle.ma'")
  PLAN=$(sql "insert into plans (user_id, call_id, status, grant_requested_centimes, created_at, updated_at) values ($OWNER, $CALL, 'under_review', 1000000, $AT, $AT) returning id")
  sql "insert into score_sheets (plan_id, member_id, round, scores, weighted, comment, submitted_at) values ($PLAN, $CHAIR, 1, '{}', 400, '', $AT)" >/dev/null
  # The visit that opens each second tranche (it ties to monitoring in the default template).
  sql "insert into monitoring_visits (plan_id, mentor_id, visited_on, operating, revenue_centimes, costs_centimes, jobs, problems, satisfactory, created_at) values ($PLAN, $MENTOR, '2027-02-01', true, 500000, 300000, 1, '', true, $AT)" >/dev/null
  echo "$PLAN" >> "$WORK/plans"
done

start_server() {
  "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}

start_server
python3 scripts/crash_driver.py "http://127.0.0.1:$PORT" "$WORK/plans" "$WORK/acks" &
DRIVER=$!
killed=0
while [ "$killed" -lt "$KILLS" ] && kill -0 "$DRIVER" 2>/dev/null; do
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  killed=$((killed + 1))
  start_server
done
wait "$DRIVER"
kill -9 "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
echo "crash test ($BACKEND): server killed $killed times during the burst"

"$BIN" check-ledger
# Every acknowledged release and confirmation is in the database, each tranche paid once.
python3 - "$WORK/acks" <<'PY' > "$WORK/expected"
import json, sys
for line in open(sys.argv[1]):
    a = json.loads(line)
    if a["kind"] in ("release", "confirm"):
        body = json.loads(a["body"])
        print(a["kind"], body["tranche"], body["payment"])
PY
while read -r kind tranche payment; do
  found=$(sql "select count(*) from payments where id = $payment and tranche_id = $tranche")
  [ "$found" = 1 ] || { echo "acknowledged $kind of tranche $tranche (payment $payment) is missing" >&2; exit 1; }
done < "$WORK/expected"
paid=$(sql "select count(*) from ledger_entries where kind = 'paid'")
tranches=$(sql "select count(*) from tranches where status = 'paid'")
payments=$(sql "select count(*) from payments where status = 'paid'")
expected=$((PLANS * 2))
if [ "$paid" != "$expected" ] || [ "$tranches" != "$expected" ] || [ "$payments" != "$expected" ]; then
  echo "expected $expected tranches paid once: ledger $paid, tranches $tranches, payments $payments" >&2
  exit 1
fi
echo "crash test ($BACKEND): $expected tranches paid exactly once, every acknowledged answer kept"
