#!/usr/bin/env bash
# How fast Passerelle answers on this machine, next to a bare axum "hello" on the same machine
# (the ratio is what counts: absolute numbers change from one machine to the next).
#
#   scripts/bench-http.sh        (builds what `make run` builds, plus the hello example)
#
# It seeds a throwaway SQLite database with the demo accounts and `passerelle seed scale`
# (50,000 applicants, 1,500 trainings, 500 calls), starts the release server on a free port,
# signs in the demo applicant and admin, then runs wrk for BENCH_SECONDS (default 10) with
# BENCH_CONNECTIONS (default 32) connections against: hello, /login, /login over one keep-alive
# connection, /matches (signed in), a staff shortlist for one training, the donor report (every
# indicator over the 50,000 applicants, aggregated in SQL) and the stylesheet.
# It prints a Markdown table (requests/s, p50, p99, ratio to hello, answers that were not
# 2xx/3xx or timed out after wrk's 2 s) and the server's memory: RSS idle after a first visit of each page, and its peak.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
export PATH="$HOME/.cargo/bin:${PASSERELLE_TOOLS_DIR:-$HOME/.cache/passerelle-tools}/node_modules/.bin:$PATH"

if ! command -v wrk >/dev/null; then
  echo "==> installing wrk from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
echo "==> building the release server and the hello example"
make --no-print-directory site >/dev/null
cargo build --release --quiet -p server --example hello

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 1 200); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1
}

export DATABASE_URL="sqlite://$WORK/bench.db"
BIN=target/release/passerelle
echo "==> seeding demo and scale data (this takes a minute)"
RUST_LOG=warn $BIN seed demo >/dev/null
RUST_LOG=warn $BIN seed scale

HELLO_PORT=$(free_port)
target/release/examples/hello "127.0.0.1:$HELLO_PORT" &
PIDS+=($!)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" PASSERELLE_SECURE_COOKIES=false RUST_LOG=warn $BIN serve >"$WORK/server.log" 2>&1 &
SERVER=$!
PIDS+=($SERVER)
wait_for "http://127.0.0.1:$HELLO_PORT/"
wait_for "$BASE/healthz"

sign_in() {
  curl -sS -o /dev/null -c "$WORK/$1.cookies" -H 'Accept: text/html' -H "Referer: $BASE/login" \
    --data-urlencode "email=$1" --data-urlencode "password=passerelle demo 2026" "$BASE/api/login"
  awk '$6 == "passerelle_session" { print $6 "=" $7 }' "$WORK/$1.cookies" | tail -n 1
}
APPLICANT=$(sign_in applicant@demo.passerelle.ma)
ADMIN=$(sign_in admin@demo.passerelle.ma)
TRAINING=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select min(id) from trainings').fetchone()[0])" "$WORK/bench.db")
SHORTLIST="/staff/matches?offer=training:$TRAINING"
# The stylesheet's name carries its content hash (target/release/hash.txt).
CSS="/pkg/passerelle.$(awk '$1 == "css:" { print $2 }' target/release/hash.txt).css"

# A first visit of each page (its raw size noted), then the memory at rest.
SIZES=()
for page in /login /matches "$SHORTLIST" /reporting "$CSS"; do
  cookie=$APPLICANT; [ "$page" = "$SHORTLIST" ] || [ "$page" = /reporting ] && cookie=$ADMIN
  read -r code size <<<"$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $cookie" "$BASE$page")"
  [ "$code" = 200 ] || { echo "$page answered $code" >&2; exit 1; }
  SIZES+=("$page: $((size / 1024)) KB")
done
rss() { awk -v key="$1" '$1 == key":" { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
IDLE=$(rss VmRSS)

# wrk's figures for one run: requests/s, p50, p99, answers that were not 2xx or 3xx.
bench() {
  local url=$1 connections=$2 cookie=${3:-}
  local args=(-t2 -c"$connections" -d"${SECONDS_EACH}s" --latency)
  [ "$connections" = 1 ] && args=(-t1 -c1 -d"${SECONDS_EACH}s" --latency)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  wrk "${args[@]}" -H 'Accept: text/html' -H 'Accept-Encoding: br, gzip' "$url" >"$WORK/wrk.txt"
  python3 - "$WORK/wrk.txt" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def pct(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
timeouts = re.search(r"timeout (\d+)", out)
failed = int(bad.group(1) if bad else 0) + int(timeouts.group(1) if timeouts else 0)
print(f"{rps:.0f} {pct(50):.2f} {pct(99):.2f} {failed}")
PY
}

echo "==> wrk, ${SECONDS_EACH}s each, $CONNECTIONS connections"
read -r HELLO_RPS HELLO_P50 HELLO_P99 HELLO_BAD <<<"$(bench "http://127.0.0.1:$HELLO_PORT/" "$CONNECTIONS")"
row() {
  local name=$1 url=$2 connections=$3 cookie=${4:-}
  read -r rps p50 p99 bad <<<"$(bench "$url" "$connections" "$cookie")"
  python3 -c "import sys; n,c,r,a,b,bad,h=sys.argv[1:]; print(f'| {n} | {c} | {r} | {a} | {b} | {float(r)/float(h)*100:.1f} % | {bad} |')" \
    "$name" "$connections" "$rps" "$p50" "$p99" "$bad" "$HELLO_RPS"
}
{
  echo "| endpoint | connections | requests/s | p50 ms | p99 ms | of hello | failed or timed out |"
  echo "|---|---|---|---|---|---|---|"
  printf '| bare axum hello | %s | %s | %s | %s | 100 %% | %s |\n' "$CONNECTIONS" \
    "$HELLO_RPS" "$HELLO_P50" "$HELLO_P99" "$HELLO_BAD"
  row "/login" "$BASE/login" "$CONNECTIONS"
  row "/login, one keep-alive connection" "$BASE/login" 1
  row "stylesheet (/pkg, brotli from disk)" "$BASE$CSS" "$CONNECTIONS"
  # The slow pages last: what wrk abandons at its end is still rendered to its end.
  row "/matches (applicant, scale data)" "$BASE/matches" "$CONNECTIONS" "$APPLICANT"
  row "staff shortlist, one training" "$BASE$SHORTLIST" "$CONNECTIONS" "$ADMIN"
  row "staff shortlist, one connection" "$BASE$SHORTLIST" 1 "$ADMIN"
  row "donor report, one connection" "$BASE/reporting" 1 "$ADMIN"
} | tee "$WORK/table.md"
PEAK=$(rss VmHWM)
echo
echo "server memory: ${IDLE} MB RSS idle (after one visit of each page), ${PEAK} MB peak"
echo "page sizes, uncompressed: ${SIZES[*]}"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "server log: $(grep -c . "$WORK/server.log") lines, $(grep -c ERROR "$WORK/server.log") errors"
if grep -q "panicked" "$WORK/server.log"; then
  echo "the server panicked during the run:" >&2
  grep -A2 "panicked" "$WORK/server.log" | head -20 >&2
  exit 1
fi
