#!/usr/bin/env bash
# Browser test of the dashboard: builds trecho, ingests the demo corpus into a temporary store,
# serves it on a free loopback port, loads the page in headless Chromium and checks that the
# timeline, the ledger table and the evidence view render with data. Saves docs/screenshot.png.
#
# Usage: scripts/browser-test.sh            (from anywhere; exits non-zero when a check fails)
# Environment:
#   CARGO_TARGET_DIR   where cargo builds (default: target/ in the repository)
#   CHROMIUM           the browser (default: /usr/bin/chromium; Debian package `chromium`)
#   SCREENSHOT         where to save the screenshot (default: docs/screenshot.png)
#   SKIP_BUILD=1       use the trecho binary already built
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
screenshot="${SCREENSHOT:-$root/docs/screenshot.png}"
corpus="$root/corpus/demo"

fail() { echo "browser-test: FAIL: $*" >&2; exit 1; }
note() { echo "browser-test: $*" >&2; }

[ -x "$chromium" ] || fail "no browser at $chromium (install Debian's chromium: apt-get install -y chromium)"
[ -d "$corpus" ] || fail "no demo corpus at $corpus"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  note "building trecho"
  cargo build --quiet -p trecho-cli
fi
trecho="$target/debug/trecho"
[ -x "$trecho" ] || fail "no trecho binary at $trecho"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

note "ingesting $corpus"
"$trecho" --db "$work/demo.db" --quiet ingest "$corpus" || [ $? -eq 1 ] || fail "ingest failed"

# Port 0: the system picks a free port and the server prints the address it got.
"$trecho" --db "$work/demo.db" serve --addr 127.0.0.1:0 >"$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "server exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; fail "server printed no address"; }
note "server at $url"

curl -fsS "${url}api/facets" >"$work/facets.json" || fail "GET /api/facets failed"
curl -fsS "${url}api/ledger" >"$work/ledger.json" || fail "GET /api/ledger failed"
ledger_id="$(python3 -c 'import json,sys; items=json.load(open(sys.argv[1]))["items"]; print(items[0]["id"] if items else "")' "$work/ledger.json")"
[ -n "$ledger_id" ] || fail "the demo corpus gave an empty ledger"

browse() { # browse OUTPUT_MODE URL...
  local profile
  profile="$(mktemp -d "$work/profile.XXXX")"
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1400,1800 --virtual-time-budget=8000 "$@" 2>>"$work/chromium.log"
}

note "rendering the dashboard"
browse --dump-dom "$url" >"$work/main.html" || fail "chromium failed on $url (see its log below)"
note "rendering the evidence of ledger item $ledger_id"
browse --dump-dom "${url}#ledger=${ledger_id}" >"$work/evidence.html" || fail "chromium failed on the evidence view"
note "rendering the document view"
doc_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["evidence"][0])' "$work/ledger.json")"
browse --dump-dom "${url}#event=${doc_id}" >"$work/event.html" || fail "chromium failed on the event view"

dom_ok=1
python3 - "$work/main.html" "$work/evidence.html" "$work/event.html" <<'PY' || dom_ok=0
import re, sys
main, evidence, event = (open(path, encoding="utf-8").read() for path in sys.argv[1:4])
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, file=sys.stderr)
    if not ok:
        failures.append(what)

def tbody(html, table_id):
    match = re.search(r'<table[^>]*id="%s".*?<tbody>(.*?)</tbody>' % table_id, html, re.S)
    return match.group(1) if match else ""

check('data-loaded="true"' in main, "the page finished loading its data")
check('id="error" hidden' in main or re.search(r'id="error"[^>]*hidden', main) is not None, "no error banner")
check(re.search(r'<dd>\d[\d,]*</dd>', main) is not None, "header shows store counts")
check('id="timeline-svg"' in main, "timeline SVG drawn")
said_bars = len(re.findall(r'<rect class="said"', main))
done_bars = len(re.findall(r'<rect class="done"', main))
check(said_bars > 0, f"timeline has said bars ({said_bars})")
check(done_bars > 0, f"timeline has done bars ({done_bars})")
check('class="gap-dot"' in main or 'class="gap-line"' in main, "timeline draws the said-versus-done line")
ledger_rows = len(re.findall(r'<tr class="row', tbody(main, "ledger-table")))
check(ledger_rows > 0, f"ledger table has rows ({ledger_rows})")
check(re.search(r'class="badge (open|carried_out|partly_carried_out|conceded|withdrawn|lapsed|rejected)"', tbody(main, "ledger-table")) is not None, "ledger rows carry status badges")
event_rows = len(re.findall(r'<tr class="row', tbody(main, "events-table")))
check(event_rows > 0, f"events table has rows ({event_rows})")
check(re.search(r'id="dl-ledger"[^>]*href="api/ledger\?[^"]*format=csv', main) is not None or re.search(r'href="api/ledger\?[^"]*format=csv"[^>]*id="dl-ledger"', main) is not None, "ledger CSV link set")
check('id="redlines-table"' in main and "Loading…" not in tbody(main, "redlines-table"), "red lines table rendered")
check("Loading…" not in main.split('id="linkage"', 1)[-1][:300], "linkage section rendered")

check(re.search(r'<aside class="drawer" id="drawer"(?![^>]*hidden)', evidence) is not None, "evidence drawer open")
check('data-kind="ledger"' in evidence, "evidence view of a ledger item rendered")
utterances = len(re.findall(r'class="utterance ', evidence))
check(utterances > 0, f"evidence lists utterances ({utterances})")
check('<mark class="actor"' in evidence or '<mark class="event"' in evidence, "evidence sentences are highlighted")
check('class="history"' in evidence, "status history shown")

check('data-kind="event"' in event, "event view rendered")
check('<mark class="sentence"' in event, "event view shows the sentence inside its paragraph")

if failures:
    print(f"{len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
PY
[ "$dom_ok" -eq 1 ] || { tail -n 20 "$work/chromium.log" >&2 || true; fail "DOM checks failed"; }

note "saving $screenshot"
mkdir -p "$(dirname "$screenshot")"
rm -f "$work/shot.png"
(cd "$work" && browse --screenshot="$work/shot.png" "$url" >/dev/null) || fail "chromium could not take the screenshot"
[ -s "$work/shot.png" ] || fail "empty screenshot"
cp "$work/shot.png" "$screenshot"
note "all checks passed"
