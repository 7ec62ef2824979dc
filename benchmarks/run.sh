#!/usr/bin/env bash
# Prints the figures of issue 16, each next to its aim and its peer, all measured in this run, and
# ends with them as one table; asserts nothing (exit 0 unless the build or a tool breaks).
# Usage: benchmarks/run.sh [--no-build] [--jmh] [--transports]
#   --no-build    use the product and benchmarks.jar already built (else ./mvnw -B -q package -DskipTests)
#   --jmh         also run the JMH benchmarks (several minutes)
#   --transports  also the transports alone: replay, `monitor` of a replay, socketcand, SLCAN (about a minute)
# The table (the default, about 3 minutes after the build on 2 cores):
#  * start-up: `bmswb protocols` and `bmswb --help`, warm, median of 5, against `java -version` of
#    the JDK the launcher picks (find-java.sh), median of 5, the four interleaved with the floor of the
#    framework alone (FrameworkFloor: Felix with no bundle, bmswb's JVM options for a short command);
#  * decode: `bmswb decode --protocol nmea2000|sma --format jsonl` of a 1,000,000-frame log
#    (GenerateNmea2000Log, GenerateSmaLog) minus the same of a one-cycle log (start-up out), median
#    of 5 pairs; whole process against canboatjs `analyzerjs --file` on the same NMEA 2000 log (wall
#    and CPU), and peak memory (max RSS) of both; canboatjs is installed by `npm ci` when missing;
#    the heap that decode allocates a frame (the trace's total allocated bytes, 3M run minus 1M run);
#  * the window: `bmswb gui --responsiveness` on `replay:1m.log?speed=max|600&loop=true` (the SMA
#    log: ×600 is 8,400 frames/s), Frames and Signals side by side, 20 s each, under xvfb-run
#    without DISPLAY; GC pauses also from the JVM's own GC log (-Xlog:gc);
#  * the hour-long soak: the last benchmarks/target/soak-*.txt of benchmarks/soak.sh.
# Timing on a shared machine is noisy: the load average is printed at the start and the end.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 jmh=0 transports=0
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --jmh) jmh=1 ;;
    --transports) transports=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$a' (--no-build, --jmh, --transports)" >&2; exit 2 ;;
  esac
done
. product/src/main/dist/bin/find-java.sh
jdk=$(bmswb_find_jdk)
java="$jdk/bin/java"
[ $build = 1 ] && ./mvnw -B -q package -DskipTests
bench=benchmarks/target/benchmarks.jar
bmswb=product/target/bmswb/bin/bmswb
for f in "$bench" "$bmswb"; do
  [ -e "$f" ] || { echo "run.sh: $f is missing: build first (./mvnw -B -q package -DskipTests) or drop --no-build" >&2; exit 1; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export BMSWB_USER_DIR="$tmp/user"
node_dir=product/itests/src/test/node
analyzer=$node_dir/node_modules/.bin/analyzerjs

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a; }
load_start=$(load)
echo "== machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)),"\
"$(awk '/MemTotal/ { printf " %.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null); load average $load_start"
echo "   JDK (find-java.sh): $jdk: $("$java" -version 2>&1 | head -n 1)"

# The table: one row per figure, tab-separated: measure, measured, aim, peer, verdict.
rows=()
row() { rows+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'"$5"); }
# verdict VALUE OP LIMIT: "met" or "NOT met" (OP is <= or >=); an empty VALUE is "not measured"
verdict() {
  [ -n "$1" ] || { echo "not measured"; return; }
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "<=") ? v <= l : (op == "<") ? v < l : v >= l; print ok ? "met" : "NOT met" }'
}
thousands() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# timed OUT CMD...: runs CMD with stdout to OUT, stderr to $tmp/err; sets wall (s), cpu (s), rss (KiB). A failure ends the run.
timed() {
  local out=$1; shift
  local t0 t1
  t0=${EPOCHREALTIME/[.,]/}   # microseconds, without a subshell
  if ! /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$@" >"$out" 2>"$tmp/err"; then
    echo "run.sh: failed: $*" >&2; tail -n 5 "$tmp/err" >&2; exit 1
  fi
  t1=${EPOCHREALTIME/[.,]/}
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e6 }')
  read -r u s rss < <(tail -n 1 "$tmp/time")
  cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
}

if [ $jmh = 1 ]; then
  echo "== JMH (1 fork; scores in frames/s)"
  "$java" -jar "$bench" -rf text -rff "$tmp/jmh.txt" 'SmaDecodeBenchmark|GeneralBmsDecodeBenchmark|PylontechDecodeBenchmark|VregDecodeBenchmark|Nmea2000DecodeBenchmark|FastPacketAssemblerBenchmark|DecodeToJsonlBenchmark|LogReadBenchmark' >/dev/null
  cat "$tmp/jmh.txt"
fi

echo "== start-up, warm (two runs each first), median of 5 interleaved runs, s wall (load average $(load))"
# The framework's own floor: Felix with no bundle (FrameworkFloor), with the JVM options bin/bmswb gives
# a short command, so that the rows show how much of the aim the framework alone takes.
major=$(bmswb_java_major "$jdk")
floor=("$java" -XX:SharedArchiveFile="$tmp/floor.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn24m -Djdk.reflect.useNativeAccessorOnly=true -Xss2m)
[ "$major" -ge 23 ] && floor+=(--sun-misc-unsafe-memory-access=allow)
floor+=(-cp "product/target/bmswb/lib/org.apache.felix.framework.jar:$bench" org.bmsworkbench.benchmarks.FrameworkFloor "$tmp/floor-cache")
for _ in 1 2; do "$java" -version >/dev/null 2>&1; "${floor[@]}"; "$bmswb" protocols >/dev/null; "$bmswb" --help >/dev/null; done
jv=() fl=() pr=() hp=()
for _ in 1 2 3 4 5; do
  timed /dev/null "$java" -version; jv+=("$wall")
  timed /dev/null "${floor[@]}"; fl+=("$wall")
  timed /dev/null "$bmswb" protocols; pr+=("$wall")
  timed /dev/null "$bmswb" --help; hp+=("$wall")
done
echo "   java -version:   ${jv[*]}"
echo "   Felix, no bundle: ${fl[*]}"
echo "   bmswb protocols: ${pr[*]}"
echo "   bmswb --help:    ${hp[*]}"
jv_m=$(median "${jv[@]}")
fl_m=$(median "${fl[@]}")
fl_ratio=$(awk -v a="$fl_m" -v b="$jv_m" 'BEGIN { printf "%.1f", a / b }')
for cmd in protocols --help; do
  if [ $cmd = protocols ]; then m=$(median "${pr[@]}"); else m=$(median "${hp[@]}"); fi
  ratio=$(awk -v a="$m" -v b="$jv_m" 'BEGIN { printf "%.1f", a / b }')
  row "bmswb $cmd, warm, median of 5" "$(printf '%.2f s = %s× java -version' "$m" "$ratio")" \
    "≤ 6× java -version ($(awk -v b="$jv_m" 'BEGIN { printf "%.2f", 6 * b }') s)" "$(printf 'java -version %.3f s; Felix alone, no bundle, %.2f s = %s×' "$jv_m" "$fl_m" "$fl_ratio")" \
    "$(verdict "$ratio" '<=' 6)"
done

echo "== decode --format jsonl of 1,000,000 frames minus a one-cycle log (start-up out), 5 pairs (load average $(load))"
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateNmea2000Log "$tmp/n2k.log" 1000000
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateSmaLog "$tmp/sma.log" 1000000
head -n 5 "$tmp/n2k.log" > "$tmp/n2k-small.log"   # one 1.5 s cycle: 127508 ×3 and the 127506 fast packet
head -n 7 "$tmp/sma.log" > "$tmp/sma-small.log"   # one 500 ms cycle of the seven SMA frames
declare -A fps whole_wall whole_cpu peak lines
for p in nmea2000 sma; do
  log=$tmp/n2k; [ $p = sma ] && log=$tmp/sma
  diffs=() walls=() cpus=() rsss=() smalls=()
  for i in 1 2 3 4 5; do
    timed /dev/null "$bmswb" decode --protocol $p --format jsonl "$log-small.log"; w0=$wall
    timed "$tmp/out.jsonl" "$bmswb" decode --protocol $p --format jsonl "$log.log"
    diffs+=("$(awk -v a="$wall" -v b="$w0" 'BEGIN { printf "%.3f", a - b }')"); walls+=("$wall"); cpus+=("$cpu"); rsss+=("$rss"); smalls+=("$w0")
    echo "   $p pair $i: 1M frames $wall s wall, $cpu s CPU, max RSS $((rss / 1024)) MiB; one cycle $w0 s"
  done
  lines[$p]=$(wc -l < "$tmp/out.jsonl")
  d=$(median "${diffs[@]}")
  fps[$p]=$(awk -v d="$d" 'BEGIN { printf "%.0f", (d > 0 ? 1000000 / d : 0) }')
  whole_wall[$p]=$(median "${walls[@]}"); whole_cpu[$p]=$(median "${cpus[@]}")
  peak[$p]=$(printf '%s\n' "${rsss[@]}" | sort -n | tail -n 1)
  best=$(awk -v a="$(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)" -v b="$(printf '%s\n' "${smalls[@]}" | sort -g | head -n 1)" \
    'BEGIN { printf "%.0f", (a > b ? 1000000 / (a - b) : 0) }')
  echo "   $p: ${lines[$p]} JSONL lines; start-up excluded (median difference of the pairs $d s): ${fps[$p]} frames/s (fastest 1M run minus fastest one-cycle run: $best frames/s)"
done

echo "== heap allocated a frame by that decode: (3M-frame run - 1M-frame run) / 2M frames, from the exit line of BMSWB_STARTUP_TRACE=1, so that one-off costs (start-up, buffers growing) cancel (load average $(load))"
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateNmea2000Log "$tmp/n2k-3m.log" 3000000
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateSmaLog "$tmp/sma-3m.log" 3000000
declare -A alloc
# allocated PROTOCOL LOG: the KB the whole decode allocated, from the trace's exit line
allocated() { BMSWB_STARTUP_TRACE=1 "$bmswb" decode --protocol "$1" --format jsonl "$2" 2>&1 >/dev/null \
  | awk '/  exit /{ for (i = 1; i < NF; i++) if ($i == "allocated") print $(i + 1) }'; }
for p in nmea2000 sma; do
  log=$tmp/n2k; [ $p = sma ] && log=$tmp/sma
  a1=$(allocated $p "$log.log"); a3=$(allocated $p "$log-3m.log")
  alloc[$p]=$(awk -v a="$a3" -v b="$a1" 'BEGIN { printf "%.2f", (a - b) * 1024 / 2000000 }')
  echo "   $p: 1M frames ${a1} KB, 3M frames ${a3} KB allocated in all: ${alloc[$p]} bytes a frame"
done
rm -f "$tmp/n2k-3m.log" "$tmp/sma-3m.log"

echo "== canboatjs analyzerjs --file on the same NMEA 2000 log (load average $(load))"
canboat=""
if ! command -v node >/dev/null 2>&1; then
  canboat="node is not installed (apt-get install nodejs npm)"
elif [ ! -x "$analyzer" ]; then
  echo "   installing canboatjs: npm ci in $node_dir (as .ci/run does)"
  if ! command -v npm >/dev/null 2>&1; then
    canboat="npm is not installed (apt-get install npm)"
  elif ! (cd "$node_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1); then
    canboat="npm ci in $node_dir failed: $(tail -n 1 "$tmp/npm.log")"
  fi
fi
if [ -z "$canboat" ]; then
  cb_version=$(node -p "require('./$node_dir/node_modules/@canboat/canboatjs/package.json').version")
  timed "$tmp/canboat.json" node "$analyzer" --file "$tmp/n2k.log"
  cb_wall=$wall cb_cpu=$cpu cb_rss=$rss
  echo "   canboatjs $cb_version on node $(node --version): $cb_wall s wall, $cb_cpu s CPU, max RSS $((cb_rss / 1024)) MiB, $(wc -l < "$tmp/canboat.json") messages"
  echo "   bmswb (median of 5): ${whole_wall[nmea2000]} s wall, ${whole_cpu[nmea2000]} s CPU, max RSS $((peak[nmea2000] / 1024)) MiB, ${lines[nmea2000]} messages"
else
  echo "   not measured: $canboat"
fi
cb_fps() { if [ -z "$canboat" ]; then echo "canboatjs $(thousands "$(awk -v w="$cb_wall" 'BEGIN { print 1000000 / w }')") frames/s (whole process)"; else echo "canboatjs: $canboat"; fi; }
row "decode nmea2000 --format jsonl, 1M frames, start-up excluded" "$(thousands "${fps[nmea2000]}") frames/s" \
  "≥ 3,000,000 frames/s" "$(cb_fps)" "$(verdict "${fps[nmea2000]}" '>=' 3000000)"
row "decode sma --format jsonl, 1M frames, start-up excluded" "$(thousands "${fps[sma]}") frames/s" \
  "≥ 3,000,000 frames/s" "none (no other SMA decoder)" "$(verdict "${fps[sma]}" '>=' 3000000)"
if [ -z "$canboat" ]; then
  rw=$(awk -v a="$cb_wall" -v b="${whole_wall[nmea2000]}" 'BEGIN { printf "%.1f", a / b }')
  rc=$(awk -v a="$cb_cpu" -v b="${whole_cpu[nmea2000]}" 'BEGIN { printf "%.1f", a / b }')
  row "the same nmea2000 decode, whole process, against canboatjs" \
    "$(printf '%.2f s wall, %.2f s CPU: %s× faster (CPU %s×)' "${whole_wall[nmea2000]}" "${whole_cpu[nmea2000]}" "$rw" "$rc")" \
    "≥ 20× faster" "$(printf 'canboatjs %s: %.2f s wall, %.2f s CPU' "$cb_version" "$cb_wall" "$cb_cpu")" "$(verdict "$rw" '>=' 20)"
  cb_peak=$(printf 'canboatjs %d MiB' $((cb_rss / 1024)))
else
  row "the same nmea2000 decode, whole process, against canboatjs" \
    "$(printf '%.2f s wall, %.2f s CPU' "${whole_wall[nmea2000]}" "${whole_cpu[nmea2000]}")" "≥ 20× faster" "canboatjs: $canboat" "not measured"
  cb_peak="canboatjs: $canboat"
fi
row "heap allocated a frame by that decode (issue: no per-frame allocation)" "${alloc[nmea2000]} B (sma: ${alloc[sma]} B)" \
  "< 1 B a frame, both" "none" "$(verdict "$(printf '%s\n' "${alloc[@]}" | sort -g | tail -n 1)" '<' 1)"
row "peak memory (max RSS) of that decode (largest of 5)" "$((peak[nmea2000] / 1024)) MiB (sma: $((peak[sma] / 1024)) MiB)" \
  "≤ 150 MiB" "$cb_peak" "$(verdict $((peak[nmea2000] / 1024)) '<=' 150)"

if [ $transports = 1 ]; then
  echo "== replay at speed=max, 1,000,000 frames: replay transport + Connection + one subscriber (one JVM)"
  "$java" -cp "$bench" org.bmsworkbench.benchmarks.ReplayThroughput "$tmp/sma.log" 4
  echo "== bmswb monitor --connect replay:1m.log?speed=max --format jsonl > file"
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$bmswb" monitor --connect "replay:$tmp/sma.log?speed=max" --format jsonl \
    >"$tmp/out" 2>"$tmp/err" || true
  read -r w u s < "$tmp/t"
  echo "   $(grep -h 'replayed' "$tmp/err" | sed 's/^bmswb monitor: //')"
  awk -v w="$w" -v u="$u" -v s="$s" -v n="$(wc -l < "$tmp/out")" 'BEGIN {
    printf "   %d JSONL lines; whole command %.2f s wall, %.2f s CPU (start-up included)\n", n, w, u + s }'
  grep -h 'dropped' "$tmp/err" || true
  echo "== socketcand transport over loopback TCP, 2,000,000 frames (after a 500,000-frame warm-up)"
  "$java" -cp "$bench" org.bmsworkbench.benchmarks.SocketcandThroughput 2000000
  echo "== SLCAN receive through a socat pty pair (8-byte frames, 22-byte lines; needs socat)"
  "$java" --enable-native-access=ALL-UNNAMED -cp "$bench" org.bmsworkbench.benchmarks.SlcanThroughput 5
fi

echo "== the window: bmswb gui --responsiveness, replay of the 1,000,000-frame SMA log, Frames and Signals, 20 s"
xvfb=() gui=""
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24"); else gui="no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"; fi
fi
# gui_row SPEED LABEL: runs the window 20 s and adds its row; the figures are read from the lines
# `--responsiveness` prints (ResponsivenessMeter in the ui bundle); a line not found is "not measured".
gui_row() {
  local speed=$1 label=$2 out=$tmp/gui-$1.out gclog=$tmp/gc-$1.log
  if [ -n "$gui" ]; then row "window, $label, Frames and Signals, 20 s" "not measured: $gui" "no stall > 100 ms, GC < 10 %" "none" "not measured"; return; fi
  mkdir -p "$tmp/gui-user/ui"
  printf '%s\n' split=true split.weights=50,50 tabs.left=overview,alarms,registers,frames tabs.left.selected=frames \
    tabs.right=signals tabs.right.selected=signals window.bounds=0,0,1400,900 > "$tmp/gui-user/ui/workbench.properties"
  echo "   speed=$speed (load average before: $(load))"
  BMSWB_USER_DIR="$tmp/gui-user" BMSWB_JAVA_OPTS="${BMSWB_JAVA_OPTS:-} -Xlog:gc,gc+phases=info:file=$gclog:uptime,tags" \
    "${xvfb[@]}" "$bmswb" gui --connect "replay:$tmp/sma.log?speed=$speed&loop=true" --duration 20 --responsiveness \
    >"$out" 2>"$tmp/gui-err" || { echo "run.sh: bmswb gui failed:" >&2; tail -n 5 "$tmp/gui-err" >&2; exit 1; }
  sed 's/^bmswb gui: /     /' "$out"
  local f
  f=$(awk '
    function num(s) { gsub(/,/, "", s); return s + 0 }
    match($0, /[0-9.]+ s measured/) { sec = num(substr($0, RSTART, RLENGTH - 11)) }
    match($0, /[0-9,.]+ frames\/s on average/) { rate = num(substr($0, RSTART, RLENGTH - 20)) ; hasrate = 1 }
    match($0, /longest UI event-loop stall [0-9.]+ ms/) { s = substr($0, RSTART + 28, RLENGTH - 31); longest = num(s); haslongest = 1 }
    match($0, /stalls over 100 ms: [0-9,]+/) { stalls = num(substr($0, RSTART + 20, RLENGTH - 20)); hasstalls = 1 }
    match($0, /garbage collections: [0-9,]+, [0-9,.]+ ms in total/) {
      split(substr($0, RSTART + 21, RLENGTH - 21), g, ", "); gcs = num(g[1]); gcms = num(g[2]); hasgc = 1 }
    END {
      printf "%s|%s|%s|%s|%s|%s|%s\n", (sec > 0 ? sec : ""), (hasrate ? rate : ""), (haslongest ? longest : ""),
        (hasstalls ? stalls : ""), (hasgc ? gcs : ""), (hasgc ? gcms : ""), (hasgc && sec > 0 ? 100 * gcms / 1000 / sec : "") }' "$out")
  local sec rate longest stalls gcs gcms gcpct
  IFS='|' read -r sec rate longest stalls gcs gcms gcpct <<< "$f"
  # Pauses as the JVM logs them (any collector: lines with "Pause" and a time), over the whole
  # process (start-up too, so a little more than the measured span), against the measured seconds.
  local collector pauses pausepct=""
  collector=$(sed -n 's/.*\[gc[^]]*\] Using \(.*\)$/\1/p' "$gclog" 2>/dev/null | head -n 1)
  pauses=$(awk '/Pause/ && match($0, /[0-9.]+ms$/) { n++; t += substr($0, RSTART, RLENGTH - 2) } END { printf "%d %.1f", n, t }' "$gclog" 2>/dev/null || echo "0 0")
  read -r np tp <<< "$pauses"
  [ -n "$sec" ] && pausepct=$(awk -v t="$tp" -v s="$sec" 'BEGIN { printf "%.1f", 100 * t / 1000 / s }')
  echo "     GC log: collector ${collector:-unknown}; $np pauses, $tp ms in all (whole process) = ${pausepct:-?} % of the measured span"
  # With G1, ZGC or Shenandoah the MXBean times the meter sums include concurrent cycles ("G1
  # Concurrent GC", "ZGC Major Cycles"), which do not stop the UI: the logged pauses are the honest
  # figure then. Serial and Parallel: the meter's figure (their MXBean times are the pauses).
  local gcshow="" gcv=""
  case "$collector" in
    *G1*|*Z*|*Shenandoah*) [ -n "$pausepct" ] && { gcv=$pausepct; gcshow="GC pauses $pausepct % ($np pauses, $tp ms; $collector)"; } ;;
    *) if [ -n "$gcpct" ]; then gcv=$(printf '%.1f' "$gcpct"); gcshow="GC $gcv % ($gcs GCs, $(printf '%.1f' "$(awk -v m="$gcms" 'BEGIN { print m / 1000 }')") s)"
       elif [ -n "$pausepct" ]; then gcv=$pausepct; gcshow="GC pauses $pausepct % (GC log)"; fi ;;
  esac
  local value v1 v2 v
  value="${rate:+$(thousands "$rate") frames/s; }"
  value+="longest stall ${longest:-not measured}${longest:+ ms}, ${stalls:-?} stalls > 100 ms; ${gcshow:-GC not measured}"
  if [ -n "$longest" ] && [ -n "$stalls" ]; then
    v1=$(awk -v l="$longest" -v n="$stalls" 'BEGIN { print (l <= 100 && n == 0) ? "met" : "NOT met" }')
  else v1="not measured"; fi
  v2="not measured"
  [ -n "$gcv" ] && v2=$(awk -v g="$gcv" 'BEGIN { print g < 10 ? "met" : "NOT met" }')
  if [ "$v1" = met ] && [ "$v2" = met ]; then v=met
  elif [ "$v1" = "not measured" ] || [ "$v2" = "not measured" ]; then v="not measured (${v1} stalls, ${v2} GC)"
  else v="NOT met ($([ "$v1" = met ] || printf 'stalls'; [ "$v1" != met ] && [ "$v2" != met ] && printf ', '; [ "$v2" = met ] || printf 'GC'))"; fi
  row "window, $label, Frames and Signals, 20 s" "$value" "no stall > 100 ms, GC < 10 %" "none" "$v"
}
gui_row max "replay speed=max"
gui_row 600 "replay ×600 (8,400 frames/s)"
[ -n "$gui" ] && echo "   not measured: $gui"

echo "== soak (benchmarks/soak.sh)"
soak=$(ls -1 benchmarks/target/soak-*.txt 2>/dev/null | tail -n 1 || true)
if [ -n "$soak" ] && grep -q '^table	' "$soak"; then
  IFS=$'\t' read -r _ sv sverdict < <(grep '^table	' "$soak" | tail -n 1)
  echo "   from $soak"
  row "window open for an hour at 8,000 frames/s (+ monitor on sim:)" "$sv ($(basename "$soak"))" \
    "heap after full GC ≤ 300 MB, no upward trend" "none" "$sverdict"
else
  echo "   no result in benchmarks/target (run benchmarks/soak.sh)"
  row "window open for an hour at 8,000 frames/s (+ monitor on sim:)" "not run (benchmarks/soak.sh)" \
    "heap after full GC ≤ 300 MB, no upward trend" "none" "not measured"
fi

load_end=$(load)
echo
echo "== issue 16, $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $("$java" -version 2>&1 | head -n 1); load average at start $load_start, at end $load_end"
{ printf 'measure\tmeasured\taim\tpeer\tverdict\n'; printf '%s\n' "${rows[@]}"; } > "$tmp/table"
if column -t -s $'\t' -o ' | ' "$tmp/table" > "$tmp/table.txt" 2>/dev/null; then
  head -n 1 "$tmp/table.txt"; head -n 1 "$tmp/table.txt" | sed 's/[^|]/-/g'; tail -n +2 "$tmp/table.txt"
else
  cat "$tmp/table"
fi
