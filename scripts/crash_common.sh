# Shared by the crash tests (crash-test.sh, mail-crash-test.sh), sourced once BACKEND, USAGE,
# WORK and PG_DB are set: picks the server's PORT (and gives `free_port`), builds the debug
# server, makes a throwaway database of that backend (DATABASE_URL), gives `sql` (one query,
# its rows as `a|b` lines) and `sql_file` (a script in one transaction), and cleans up on exit:
# the server (SERVER_PID), whatever the caller's `cleanup_more` stops, the database and WORK.
BIN=target/debug/passerelle
# A free port below the range the system draws outgoing connections' ports from
# (ip_local_port_range, 32768-60999 by default): the server is killed and started again on its
# port many times, and a port from that range could be held for a moment by some other
# connection on the machine when it restarts.
free_port() {
  python3 -c '
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
high = low if low > 11000 else 32768
for _ in range(1000):
    port = random.randrange(10000, high)
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
'
}
PORT=$(free_port)
PG_ADMIN="${PASSERELLE_TEST_PG:-postgres://postgres@127.0.0.1:5432/postgres}"
SERVER_PID=""

crash_cleanup() {
  local status=$?
  [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
  # A failed run shows the end of the server's log before it is removed with WORK.
  if [ "$status" != 0 ] && [ -s "$WORK/server.log" ]; then
    echo "--- the last 40 lines of the server's log ($BACKEND) ---" >&2
    tail -n 40 "$WORK/server.log" >&2
  fi
  if declare -F cleanup_more >/dev/null; then cleanup_more; fi
  if [ "$BACKEND" = postgres ]; then
    psql -q "$PG_ADMIN" -c "drop database if exists $PG_DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap crash_cleanup EXIT

cargo build --quiet --bin passerelle
case "$BACKEND" in
  sqlite) export DATABASE_URL="sqlite://$WORK/crash.db" ;;
  postgres)
    psql -q "$PG_ADMIN" -c "create database $PG_DB" >/dev/null
    export DATABASE_URL="${PG_ADMIN%/*}/$PG_DB" ;;
  *) echo "$USAGE" >&2; exit 2 ;;
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

sql_file() {
  if [ "$BACKEND" = sqlite ]; then
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript("begin;" + open(sys.argv[2]).read() + "commit;")' "$WORK/crash.db" "$1"
  else
    psql -q -v ON_ERROR_STOP=1 --single-transaction "$DATABASE_URL" -f "$1" >/dev/null
  fi
}
