#!/usr/bin/env bash
# bmswb against canboat on the same NMEA 2000 log; prints, asserts nothing.
# Usage: benchmarks/canboat-compare.sh [FRAMES]   (default 1,000,000)
#  Generates a candump -L log of an MG Master LV on NMEA 2000 (GenerateNmea2000Log: three PGN 127508
#  instances and a two-frame PGN 127506 fast packet every 1.5 s), decodes it with
#  `bmswb decode --protocol nmea2000 --format jsonl` and with canboatjs's `analyzerjs --file`
#  (JSON per message too; from product/itests/src/test/node, `npm ci` there or .ci/run), and prints
#  both wall times and their ratio. bmswb's time includes its start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-1000000}
. product/src/main/dist/bin/find-java.sh
java="$(bmswb_find_jdk)/bin/java"
analyzer=product/itests/src/test/node/node_modules/.bin/analyzerjs
if ! command -v node >/dev/null || [ ! -x "$analyzer" ]; then
  echo "canboat-compare: needs node and canboatjs: run .ci/run, or npm ci in product/itests/src/test/node" >&2
  exit 1
fi
./mvnw -B -q package -DskipTests
bench=benchmarks/target/benchmarks.jar
bmswb=product/target/bmswb/bin/bmswb
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export BMSWB_USER_DIR="$tmp/user"

"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateNmea2000Log "$tmp/n2k.log" "$frames"
"$bmswb" protocols >/dev/null   # build the bundle cache and the CDS archive first
echo "== $frames frames, NMEA 2000 (PGN 127508 x3 + PGN 127506 fast packet per cycle), canboatjs $(node -p "require('./product/itests/src/test/node/node_modules/@canboat/canboatjs/package.json').version") on node $(node --version)"

/usr/bin/time -f "%e %U %S" -o "$tmp/t.bmswb" "$bmswb" decode --protocol nmea2000 --format jsonl "$tmp/n2k.log" >"$tmp/bmswb.jsonl"
/usr/bin/time -f "%e %U %S" -o "$tmp/t.canboat" node "$analyzer" --file "$tmp/n2k.log" >"$tmp/canboat.json"
read -r b bu bs < <(tail -n 1 "$tmp/t.bmswb"); read -r c cu cs < <(tail -n 1 "$tmp/t.canboat")
awk -v b="$b" -v c="$c" -v bu="$bu" -v bs="$bs" -v cu="$cu" -v cs="$cs" -v f="$frames" \
    -v nb="$(wc -l < "$tmp/bmswb.jsonl")" -v nc="$(wc -l < "$tmp/canboat.json")" 'BEGIN {
  bc = bu + bs; cc = cu + cs;
  printf "  bmswb decode --format jsonl: %7.2f s wall, %7.2f s CPU, %8.0f frames/s (wall), %d messages\n", b, bc, f / b, nb;
  printf "  canboat analyzerjs --file:   %7.2f s wall, %7.2f s CPU, %8.0f frames/s (wall), %d messages\n", c, cc, f / c, nc;
  printf "  ratio: bmswb is %.1f times as fast as canboat by wall time, %.1f by CPU time (aim: 20 or more)\n", c / b, cc / bc }'
