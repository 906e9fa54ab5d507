#!/usr/bin/env bash
# Proves the README's first command: runs `make run` as a newcomer would (same targets, same
# binary), but on a free port with a throwaway SQLite file, waits for `/healthz`, signs in as a
# demo applicant with a plain form post and loads their home page. Prints the page it loaded and
# exits non-zero, with the server's last log lines, if any step fails.
#
#   scripts/front-door.sh          (CI runs it after `make site`, so `make run` starts at once;
#                                   on a machine with nothing built it builds first)
#
# Waits up to FRONT_DOOR_WAIT seconds (default 3600) for the server to answer.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
WAIT=${FRONT_DOOR_WAIT:-3600}
RUN_PID=""

cleanup() {
  # `make run` leaves the server as its child: end the whole process group.
  [ -n "$RUN_PID" ] && kill -TERM -- "-$RUN_PID" 2>/dev/null || true
  sleep 1
  [ -n "$RUN_PID" ] && kill -KILL -- "-$RUN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "front door: FAILED: $*" >&2
  echo "--- last lines of make run ---" >&2
  tail -n 40 "$WORK/run.log" >&2 || true
  exit 1
}

echo "front door: make run on $BASE with a throwaway SQLite database"
setsid env DATABASE_URL="sqlite://$WORK/front-door.db" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" \
  RUST_LOG=warn make run >"$WORK/run.log" 2>&1 &
RUN_PID=$!

started=$(date +%s)
until curl -fsS "$BASE/healthz" >"$WORK/health.json" 2>/dev/null; do
  kill -0 "$RUN_PID" 2>/dev/null || fail "make run stopped before the server answered"
  [ $(($(date +%s) - started)) -lt "$WAIT" ] || fail "no answer on /healthz after ${WAIT}s"
  sleep 2
done
echo "front door: /healthz answered $(cat "$WORK/health.json") after $(($(date +%s) - started))s"

# Sign in the way a browser without JavaScript does: the form posts to /api/login and the
# server redirects to the person's home page with the session cookie.
status=$(curl -sS -o "$WORK/login.html" -w '%{http_code} %{redirect_url}' \
  -c "$WORK/cookies" -b "$WORK/cookies" -H 'Accept: text/html,application/xhtml+xml' \
  -H "Referer: $BASE/login" \
  --data-urlencode "email=applicant@demo.passerelle.ma" \
  --data-urlencode "password=passerelle demo 2026" \
  "$BASE/api/login")
case "$status" in
  30[0-9]\ *) ;;
  *) fail "sign-in answered '$status' instead of a redirect" ;;
esac
target=${status#* }
[ -n "$target" ] || fail "sign-in redirected nowhere"

code=$(curl -sS -o "$WORK/page.html" -w '%{http_code}' -b "$WORK/cookies" \
  -H 'Accept: text/html' "$target")
[ "$code" = 200 ] || fail "$target answered $code"
heading=$(python3 - "$WORK/page.html" <<'EOF'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
title = re.search(r"<title>(.*?)</title>", page, re.S)
h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
clean = lambda m: html.unescape(re.sub(r"<[^>]+>|<!--.*?-->", "", m.group(1))).strip() if m else ""
print(f"title={clean(title)!r} h1={clean(h1)!r} bytes={len(page.encode())}")
EOF
)
grep -q 'href="/api/logout"\|action="/api/logout"' "$WORK/page.html" \
  || fail "$target does not look signed in (no sign-out form): $heading"
echo "front door: signed in as applicant@demo.passerelle.ma, loaded $target: $heading"

# The bundle (stylesheet; script and WebAssembly on a page with an island, the skills search):
# each answers from its content-hashed name, brotli-compressed at build time, to be kept for a
# year. A page without islands links no script at all.
code=$(curl -sS -o "$WORK/skills.html" -w '%{http_code}' -H 'Accept: text/html' "$BASE/skills")
[ "$code" = 200 ] || fail "/skills answered $code"
grep -q '/pkg/[^"]*\.wasm' "$WORK/page.html" && fail "$target loads the bundle, yet holds no island"
assets=$(cat "$WORK/page.html" "$WORK/skills.html" \
  | grep -o '/pkg/passerelle\.[A-Za-z0-9_-]*\.\(css\|js\|wasm\)' | sort -u)
for kind in css js wasm; do
  grep -q "\.$kind\$" <<<"$assets" || fail "no hashed .$kind file linked (found: $assets)"
done
for asset in $assets; do
  headers=$(curl -sS -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$BASE$asset" | tr -d '\r')
  grep -q '^HTTP/[0-9.]* 200' <<<"$headers" || fail "$asset answered $(head -n 1 <<<"$headers")"
  grep -qi '^content-encoding: br$' <<<"$headers" || fail "$asset is not served precompressed"
  grep -qi '^cache-control: public, max-age=31536000, immutable$' <<<"$headers" \
    || fail "$asset is not marked immutable"
  size=$(awk -F': ' 'tolower($1) == "content-length" { print $2 }' <<<"$headers")
  echo "front door: $asset 200, brotli ${size:-?} bytes, immutable"
done

# The retention command of the same binary, on the same database, while the server runs: it
# counts each kind of expiring record (none has expired yet on a new database) and changes
# nothing.
retention=$(DATABASE_URL="sqlite://$WORK/front-door.db" target/release/passerelle retention --dry-run) \
  || fail "passerelle retention --dry-run failed"
grep -q '^dry run: nothing was changed$' <<<"$retention" || fail "retention printed: $retention"
grep -q 'unfinished_sign_ups' <<<"$retention" || fail "retention printed: $retention"
echo "front door: passerelle retention --dry-run:"
sed 's/^/front door:   /' <<<"$retention"
