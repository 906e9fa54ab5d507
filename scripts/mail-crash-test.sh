#!/usr/bin/env bash
# The mail crash test (issue 14): messages queued in the outbox are sent to a real SMTP server
# (scripts/smtp_sink.py) by a real server that is killed with SIGKILL at random moments and
# restarted. In the end every message has been received, and received twice only when a kill
# cut its delivery (the SMTP server had it, the row did not say so yet): at most one message
# per kill, always with the same Message-ID, so the resend is recognisable.
#
#   scripts/mail-crash-test.sh sqlite|postgres [kills]
#
# Needs the debug server binary (built here if missing), python3, and psql for PostgreSQL
# ($PASSERELLE_TEST_PG, default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND="${1:-sqlite}"
KILLS="${2:-15}"
MESSAGES=${CRASH_MESSAGES:-200}
WORK=$(mktemp -d)
PG_DB="passerelle_mail_crash_$$"
SINK_PID=""
USAGE="usage: $0 sqlite|postgres [kills]"
cleanup_more() {
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
}
# shellcheck source=scripts/crash_common.sh
source scripts/crash_common.sh
SMTP_PORT=$(free_port)
export PASSERELLE_SMTP_HOST=127.0.0.1 PASSERELLE_SMTP_PORT=$SMTP_PORT PASSERELLE_SMTP_SECURITY=none
export PASSERELLE_PUBLIC_URL="http://127.0.0.1:$PORT"
# A try counts when a message is taken, so one taken by a server killed before it sent counts;
# the kills here are not the mail server's refusals, so they may not use up the tries.
export PASSERELLE_MAIL_MAX_ATTEMPTS=100

"$BIN" seed demo >/dev/null
# The messages, as events write them: one row each, its Message-ID fixed now.
AT="'2026-11-02T09:00:00Z'"
OWNER=$(sql "select id from users where email = 'applicant@demo.passerelle.ma'")
{
  for n in $(seq 1 "$MESSAGES"); do
    echo "insert into outbox (user_id, channel, address, language, event, link, message_id, created_at, next_attempt_at) values ($OWNER, 'email', 'person$n@example.org', 'fr', '{\"event\":\"password_changed\"}', '/login', 'crash-$n', $AT, $AT);"
  done
} > "$WORK/setup.sql"
sql_file "$WORK/setup.sql"

: > "$WORK/received"
python3 scripts/smtp_sink.py "$SMTP_PORT" "$WORK/received" &
SINK_PID=$!
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
  sleep 0.1
done

start_server() {
  PASSERELLE_SECURE_COOKIES=false "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}

BURST_START=$SECONDS
start_server
killed=0
while [ "$killed" -lt "$KILLS" ]; do
  # Kills 0.5 to 1.9 s apart land while the server starts, while it waits and mid-send.
  sleep "$((RANDOM % 2)).$((RANDOM % 5 + 5))"
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  killed=$((killed + 1))
  # The dead server's two-minute lease, run out (the suite tests the wait itself).
  sql "update outbox set leased_until = null where state = 'pending'" >/dev/null
  start_server
done
# Then let it finish.
for _ in $(seq 1 120); do
  left=$(sql "select count(*) from outbox where state = 'pending'")
  [ "$left" = 0 ] && break
  sleep 1
done
kill -9 "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
echo "mail crash test ($BACKEND): server killed $killed times in $((SECONDS - BURST_START)) s"

sent=$(sql "select count(*) from outbox where state = 'sent'")
if [ "$sent" != "$MESSAGES" ]; then
  echo "expected $MESSAGES messages sent, the outbox says $sent:" >&2
  sql "select state, count(*), max(last_error) from outbox group by state" >&2
  tail -20 "$WORK/server.log" >&2
  exit 1
fi
python3 - "$WORK/received" "$MESSAGES" "$killed" <<'PY'
import collections, re, sys
received = [line.strip() for line in open(sys.argv[1]) if line.strip()]
messages, kills = int(sys.argv[2]), int(sys.argv[3])
ids = collections.Counter(re.sub(r"^<crash-(\d+)@.*>$", r"\1", r) for r in received)
missing = [n for n in range(1, messages + 1) if ids[str(n)] == 0]
unknown = [i for i in ids if not i.isdigit() or not 1 <= int(i) <= messages]
twice = sum(count - 1 for count in ids.values())
if missing or unknown:
    sys.exit(f"never received: {missing[:10]}; not ours: {unknown[:10]}")
if twice > kills:
    sys.exit(f"{twice} messages received again, more than the {kills} kills could cut")
print(f"mail crash test: {messages} messages received, {twice} of them again after a kill cut "
      f"their delivery (at most one per kill), each with its own Message-ID")
PY
