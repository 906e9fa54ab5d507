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
KILLS="${2:-30}"
PLANS=${CRASH_PLANS:-400}
WORK=$(mktemp -d)
PG_DB="passerelle_crash_$$"
USAGE="usage: $0 sqlite|postgres [kills]"
# shellcheck source=scripts/crash_common.sh
source scripts/crash_common.sh

"$BIN" seed demo >/dev/null
AT="'2026-11-02T09:00:00Z'"
LATER="'2099-02-01T09:00:00Z'"
# Five bytes of a PDF, as each database writes a literal blob.
if [ "$BACKEND" = sqlite ]; then PDF_BYTES="X'255044462d'"; else PDF_BYTES="decode('255044462d', 'hex')"; fi
CALL=$(sql "select id from grant_calls order by id limit 1")
CHAIR=$(sql "select id from users where email = 'committee@demo.passerelle.ma'")
# A decision needs three members' sheets (the quorum is never under 3): the chair and two more.
MEMBER2=$(sql "select id from users where email = 'committee2@demo.passerelle.ma'")
MEMBER3=$(sql "select id from users where email = 'committee3@demo.passerelle.ma'")
sql "update grant_calls set envelope_centimes = 1000000000, max_grant_centimes = 1000000, quorum = 3 where id = $CALL" >/dev/null
sql "insert into committee_members (call_id, user_id, chair, added_by, added_at) values ($CALL, $CHAIR, true, $CHAIR, $AT) on conflict do nothing" >/dev/null
for member in $MEMBER2 $MEMBER3; do
  sql "insert into committee_members (call_id, user_id, chair, added_by, added_at) values ($CALL, $member, false, $CHAIR, $AT) on conflict do nothing" >/dev/null
done
MENTOR=$(sql "select id from users where email = 'mentor@demo.passerelle.ma'")
# The plans' owners never sign in here: accounts without a password. One script, one
# transaction, for the whole set-up.
{
  for n in $(seq 1 $PLANS); do
    email="'crash$n@demo.passerelle.ma'"
    owner="(select id from users where email = $email)"
    plan="(select id from plans where user_id = $owner)"
    echo "insert into users (email, role, created_at) values ($email, 'applicant', $AT);"
    echo "insert into plans (user_id, call_id, status, grant_requested_centimes, created_at, updated_at) values ($owner, $CALL, 'under_review', 1000000, $AT, $AT);"
    # The wallet the tranches are paid to, registered long before (no confirmation needed).
    echo "insert into payees (user_id, method, detail, holder, registered_by, registered_at) values ($owner, 'mobile_money', '+212612345678', 'Crash $n', $owner, $AT);"
    for member in $CHAIR $MEMBER2 $MEMBER3; do
      # Each declared no conflict before scoring; the chair may then decide.
      echo "insert into conflict_declarations (plan_id, member_id, conflicted, note, declared_at) values ($plan, $member, false, '', $AT);"
      echo "insert into score_sheets (plan_id, member_id, round, scores, weighted, comment, submitted_at) values ($plan, $member, 1, '{}', 400, '', $AT);"
    done
    # The visit that opens each second tranche (the default template ties it to monitoring):
    # with an evidence file, and dated after the first tranche is paid (the run's "now" is
    # before 2099), as a visit must be.
    echo "insert into monitoring_visits (plan_id, mentor_id, visited_on, operating, revenue_centimes, costs_centimes, jobs, problems, satisfactory, created_at) values ($plan, $MENTOR, '2099-02-01', true, 500000, 300000, 1, '', true, $LATER);"
    echo "insert into visit_evidence (visit_id, original_name, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at) values ((select max(id) from monitoring_visits where plan_id = $plan), 'recu.pdf', 'application/pdf', 5, 'e3b0', $PDF_BYTES, $MENTOR, $LATER);"
  done
} > "$WORK/setup.sql"
sql_file "$WORK/setup.sql"
sql "select id from plans where status = 'under_review' order by id" > "$WORK/plans"

start_server() {
  # Plain HTTP on loopback: the driver's cookie jar sends no `Secure` cookie over it.
  PASSERELLE_SECURE_COOKIES=false "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}

BURST_START=$SECONDS
start_server
python3 scripts/crash_driver.py "http://127.0.0.1:$PORT" "$WORK/plans" "$WORK/acks" "$WORK/ready" &
DRIVER=$!
# The first kill once every session is signed in (see crash_driver.py).
while [ ! -e "$WORK/ready" ] && kill -0 "$DRIVER" 2>/dev/null; do sleep 0.1; done
killed=0
while [ "$killed" -lt "$KILLS" ] && kill -0 "$DRIVER" 2>/dev/null; do
  # Kills 0.2 to 1.1 s apart land while the server starts, between requests and in the
  # middle of them.
  sleep "0.$((RANDOM % 9 + 2))"
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  killed=$((killed + 1))
  start_server
done
wait "$DRIVER"
kill -9 "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
echo "crash test ($BACKEND): server killed $killed times during a burst of $((SECONDS - BURST_START)) s"

"$BIN" check-ledger
# Every acknowledged release and confirmation is in the database, each tranche paid once.
python3 - "$WORK/acks" > "$WORK/acked" <<'PY'
import json, sys
pairs = set()
for line in open(sys.argv[1]):
    a = json.loads(line)
    if a["kind"] in ("release", "confirm"):
        body = json.loads(a["body"])
        pairs.add((body["payment"], body["tranche"]))
print(len(pairs))
print(",".join(f"({p}, {t})" for p, t in sorted(pairs)))
PY
acked=$(sed -n 1p "$WORK/acked")
found=$(sql "select count(*) from payments where (id, tranche_id) in (values $(sed -n 2p "$WORK/acked"))")
if [ "$found" != "$acked" ]; then
  echo "acknowledged payments: $acked, found in the database: $found" >&2
  exit 1
fi
paid=$(sql "select count(*) from ledger_entries where kind = 'paid'")
tranches=$(sql "select count(*) from tranches where status = 'paid'")
payments=$(sql "select count(*) from payments where status = 'paid'")
expected=$((PLANS * 2))
if [ "$paid" != "$expected" ] || [ "$tranches" != "$expected" ] || [ "$payments" != "$expected" ]; then
  echo "expected $expected tranches paid once: ledger $paid, tranches $tranches, payments $payments" >&2
  exit 1
fi
echo "crash test ($BACKEND): $expected tranches paid exactly once, every acknowledged answer kept"
