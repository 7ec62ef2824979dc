#!/usr/bin/env bash
# Prints BMS Workbench's performance figures; asserts nothing. Usage: benchmarks/run.sh [--no-jmh]
#  1. JMH: SMA decode alone, and the decode-to-JSONL pipeline over a 1,000,000-frame log;
#  2. the real product: `bmswb decode --format jsonl` of that log, start-up subtracted, with CPU seconds;
#  3. replay at speed=max of that log: through the replay transport and a Connection in one JVM,
#     and through `bmswb monitor --connect replay:…?speed=max --format jsonl`, with CPU seconds;
#  4. start-up: `bmswb protocols`, wall time of five warm runs;
#  5. the socketcand transport: sustained frames/s from a fake server on loopback TCP, CPU per million frames;
#  6. the SLCAN transport: frames/s through a socat pty pair, as fast as possible and paced at 8,000 frames/s;
#  7. the window: `bmswb gui --responsiveness` on a replay of the 1,000,000-frame log at ×600 (8,400 frames/s)
#     and at speed=max, Frames and Signals side by side (needs a display: runs under xvfb-run without DISPLAY).
set -euo pipefail
cd "$(dirname "$0")/.."
. product/src/main/dist/bin/find-java.sh
java="$(bmswb_find_jdk)/bin/java"
./mvnw -B -q package -DskipTests
bench=benchmarks/target/benchmarks.jar
bmswb=product/target/bmswb/bin/bmswb
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export BMSWB_USER_DIR="$tmp/user"

if [ "${1:-}" != "--no-jmh" ]; then
  echo "== JMH (1 fork; scores in frames/s)"
  "$java" -jar "$bench" -rf text -rff "$tmp/jmh.txt" 'SmaDecodeBenchmark|GeneralBmsDecodeBenchmark|PylontechDecodeBenchmark|VregDecodeBenchmark|Nmea2000DecodeBenchmark|FastPacketAssemblerBenchmark|DecodeToJsonlBenchmark|LogReadBenchmark' >/dev/null
  cat "$tmp/jmh.txt"
fi

echo "== bmswb decode --format jsonl, 1,000,000 frames (protocol auto-detected)"
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateSmaLog "$tmp/1m.log" 1000000
head -n 7 "$tmp/1m.log" > "$tmp/7.log"
"$bmswb" protocols >/dev/null   # build the bundle cache and the CDS archive first
measure() { /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$bmswb" decode --format jsonl "$1" >"$tmp/out" 2>/dev/null; cat "$tmp/t"; }
read -r w0 u0 s0 < <(measure "$tmp/7.log")
read -r w1 u1 s1 < <(measure "$tmp/1m.log")
lines=$(wc -l < "$tmp/out")
awk -v w0="$w0" -v w1="$w1" -v u0="$u0" -v s0="$s0" -v u1="$u1" -v s1="$s1" -v n="$lines" 'BEGIN {
  c0 = u0 + s0; c1 = u1 + s1;
  printf "  %d JSONL lines; wall %.2f s (7-frame log: %.2f s); CPU %.2f s (7-frame log: %.2f s)\n", n, w1, w0, c1, c0;
  printf "  start-up excluded: %.0f frames/s wall, %.2f CPU s per million frames\n", 1000000 / (w1 - w0), c1 - c0 }'

echo "== replay at speed=max, 1,000,000 frames: replay transport + Connection + one subscriber (one JVM)"
"$java" -cp "$bench" org.bmsworkbench.benchmarks.ReplayThroughput "$tmp/1m.log" 4

echo "== bmswb monitor --connect replay:1m.log?speed=max --format jsonl > /dev/null"
/usr/bin/time -f "%e %U %S" -o "$tmp/t" "$bmswb" monitor --connect "replay:$tmp/1m.log?speed=max" --format jsonl \
  >"$tmp/out" 2>"$tmp/err" || true
read -r w u s < "$tmp/t"
echo "  $(grep -h 'replayed' "$tmp/err" | sed 's/^bmswb monitor: //')"
awk -v w="$w" -v u="$u" -v s="$s" -v n="$(wc -l < "$tmp/out")" 'BEGIN {
  printf "  %d JSONL lines; whole command %.2f s wall, %.2f s CPU (start-up included)\n", n, w, u + s }'
grep -h 'dropped' "$tmp/err" || true

echo "== bmswb protocols start-up, five warm runs (s wall)"
for _ in 1 2 3 4 5; do /usr/bin/time -f "%e" "$bmswb" protocols 2>&1 >/dev/null | tail -n 1; done | paste -sd ' '

echo "== socketcand transport over loopback TCP, 2,000,000 frames (after a 500,000-frame warm-up)"
"$java" -cp "$bench" org.bmsworkbench.benchmarks.SocketcandThroughput 2000000

echo "== SLCAN receive through a socat pty pair (8-byte frames, 22-byte lines; needs socat)"
"$java" --enable-native-access=ALL-UNNAMED -cp "$bench" org.bmsworkbench.benchmarks.SlcanThroughput 5

echo "== bmswb gui --responsiveness: replay at x600 (8,400 frames/s) and at max, Frames | Signals split, 20 s each"
gui_user="$tmp/gui-user"
xvfb=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24"); else echo "  skipped: no DISPLAY and no xvfb-run"; fi
fi
if [ -n "${DISPLAY:-}" ] || [ ${#xvfb[@]} -gt 0 ]; then
  for speed in 600 max; do
    mkdir -p "$gui_user/ui"
    printf '%s\n' split=true split.weights=50,50 tabs.left=overview,alarms,registers,frames tabs.left.selected=frames \
      tabs.right=signals tabs.right.selected=signals window.bounds=0,0,1400,900 > "$gui_user/ui/workbench.properties"
    echo "  speed=$speed (load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a))"
    BMSWB_USER_DIR="$gui_user" "${xvfb[@]}" "$bmswb" gui --connect "replay:$tmp/1m.log?speed=$speed&loop=true" \
      --duration 20 --responsiveness 2>/dev/null | sed 's/^bmswb gui: /    /'
  done
fi
