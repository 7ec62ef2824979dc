#!/usr/bin/env bash
# The window kept open on a replay at 8,000 frames/s, and the headless `bmswb monitor` on the
# simulator beside it, for an hour: every minute, for each process, the heap after a full GC, RSS,
# threads and open file descriptors; then first/last/max and the trend of each. Asserts nothing.
# Usage: benchmarks/soak.sh [--no-build] [MINUTES]      (default 60)
#  * the window: `bmswb gui --connect 'replay:sma.log?speed=S&loop=true' --responsiveness`, Frames and
#    Signals side by side, on a 1,000,000-frame GenerateSmaLog log (14 frames/s of log time: 7 frames
#    every 500 ms) with S = 8,000 / that rate; under xvfb-run when there is no DISPLAY;
#  * the monitor: `bmswb monitor --connect sim: --format jsonl` (the simulated MG Master LV) into a file;
#  * each sample: `jcmd PID GC.run`, then the heap used from `jcmd PID GC.heap_info` (any collector);
#    VmRSS from /proc/PID/status; entries of /proc/PID/task and /proc/PID/fd; CPU from /proc/PID/stat;
#  * writes benchmarks/target/soak-DATE.tsv (the samples) and soak-DATE.txt (the summary, which
#    benchmarks/run.sh shows); Ctrl-C ends early, summarises what was sampled and stops both processes.
# A trend is "rising" when the least-squares slope over the last three quarters of the run (the
# last 45 of 60 minutes: start-up and warm-up left out) is more than twice its standard error
# (the noise of the samples around the line) and more than a floor per hour that matters
# (heap 10 MB, RSS 20 MB, threads 2, file descriptors 2). The aim: heap after a full GC at most
# 300 MB and nothing rising, for 60 minutes. SOAK_INTERVAL=SECONDS samples more often (for trying
# the script; a "minute" is then that many seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 minutes=60
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) echo "soak.sh: '$a' is not a number of minutes (usage: benchmarks/soak.sh [--no-build] [MINUTES])" >&2; exit 2 ;;
    *) minutes=$a ;;
  esac
done
[ "$minutes" -ge 1 ] || { echo "soak.sh: MINUTES must be at least 1" >&2; exit 2; }
interval=${SOAK_INTERVAL:-60}
rate=8000
. product/src/main/dist/bin/find-java.sh
jdk=$(bmswb_find_jdk)
java="$jdk/bin/java"
jcmd="$jdk/bin/jcmd"
[ $build = 1 ] && ./mvnw -B -q package -DskipTests
bench=benchmarks/target/benchmarks.jar
bmswb=product/target/bmswb/bin/bmswb
for f in "$bench" "$bmswb"; do
  [ -e "$f" ] || { echo "soak.sh: $f is missing: build first (./mvnw -B -q package -DskipTests) or drop --no-build" >&2; exit 1; }
done
[ -x "$jcmd" ] || echo "soak.sh: $jcmd is missing (a JRE?): the heap after GC is not measured" >&2
xvfb=()
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "soak.sh: no DISPLAY and no xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
  xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p benchmarks/target
tsv=benchmarks/target/soak-$stamp.tsv
txt=benchmarks/target/soak-$stamp.txt
tmp=$(mktemp -d)
marker="bmswb.soak=$$-$stamp"
wrapper="" gui="" monitor="" xserver=""

alive() { [ -n "$1" ] && [ -d "/proc/$1" ] && [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
stop() {   # stop PID: TERM, then KILL after 10 s
  local pid=$1 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do alive "$pid" || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  stop "$gui"; stop "$monitor"
  if [ -n "$wrapper" ]; then   # xvfb-run ends (and stops its X server) when its command has ended
    for _ in $(seq 1 25); do alive "$wrapper" || break; sleep 0.2; done
    stop "$wrapper"
  fi
  stop "$xserver"
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
interrupted=0
trap 'interrupted=1' INT TERM

# The java process started with this run's marker in its arguments (-Dbmswb.soak=...-ROLE).
find_java() {
  local p
  for p in /proc/[0-9]*; do
    [ "$(cat "$p/comm" 2>/dev/null)" = java ] || continue
    tr '\0' '\n' < "$p/cmdline" 2>/dev/null | grep -qxF -- "-D$marker-$1" && { echo "${p#/proc/}"; return 0; }
  done
  return 1
}

log=$tmp/sma.log
"$java" -cp "$bench" org.bmsworkbench.benchmarks.GenerateSmaLog "$log" 1000000
# The log's own rate (frames per second of log time), and the replay speed that makes it 8,000 frames/s.
natural=$(awk 'NR == 1 { gsub(/[()]/, "", $1); t0 = $1 } { t = $1 } END { gsub(/[()]/, "", t); printf "%.6f", (NR - 1) / (t - t0) }' "$log")
speed=$(awk -v r="$natural" -v w="$rate" 'BEGIN { printf "%.4f", w / r }')
duration=$(( minutes * interval + 20 ))   # the window and the monitor close themselves after the last sample

mkdir -p "$tmp/gui-user/ui" "$tmp/monitor-user"
printf '%s\n' split=true split.weights=50,50 tabs.left=overview,alarms,registers,frames tabs.left.selected=frames \
  tabs.right=signals tabs.right.selected=signals window.bounds=0,0,1400,900 > "$tmp/gui-user/ui/workbench.properties"
BMSWB_USER_DIR="$tmp/gui-user" BMSWB_JAVA_OPTS="${BMSWB_JAVA_OPTS:-} -D$marker-gui" \
  "${xvfb[@]}" "$bmswb" gui --connect "replay:$log?speed=$speed&loop=true" --duration "$duration" --responsiveness \
  >"$tmp/gui.out" 2>"$tmp/gui.err" &
wrapper=$!
BMSWB_USER_DIR="$tmp/monitor-user" BMSWB_JAVA_OPTS="${BMSWB_JAVA_OPTS:-} -D$marker-monitor" \
  "$bmswb" monitor --connect sim: --format jsonl --duration "$duration" >"$tmp/monitor.jsonl" 2>"$tmp/monitor.err" &
for _ in $(seq 1 150); do
  [ -n "$gui" ] || gui=$(find_java gui || true)
  [ -n "$monitor" ] || monitor=$(find_java monitor || true)
  [ -n "$gui" ] && [ -n "$monitor" ] && break
  sleep 0.2
done
[ -n "$gui" ] && [ -n "$monitor" ] || { echo "soak.sh: the window or the monitor did not start:" >&2; tail -n 5 "$tmp/gui.err" "$tmp/monitor.err" >&2; exit 1; }
if [ ${#xvfb[@]} -gt 0 ]; then   # xvfb-run's X server, to stop it should xvfb-run not
  for p in /proc/[0-9]*; do
    [ "$(awk '{ print $4 }' "$p/stat" 2>/dev/null)" = "$wrapper" ] && [ "$(cat "$p/comm" 2>/dev/null)" = Xvfb ] && xserver=${p#/proc/}
  done
fi
tck=$(getconf CLK_TCK)
{
  echo "== soak $stamp: $minutes × ${interval} s; $(nproc) cores; $("$java" -version 2>&1 | head -n 1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "   window  (pid $gui): bmswb gui, replay:sma.log?speed=$speed&loop=true (log: $natural frames/s × $speed = $rate frames/s), Frames and Signals"
  echo "   monitor (pid $monitor): bmswb monitor --connect sim: --format jsonl"
  echo "   samples: $tsv"
} | tee "$txt"
printf 'time\tminute\tprocess\tpid\theap_after_gc_mb\trss_mb\tthreads\tfds\tcpu_s\tout_lines\n' > "$tsv"

# heap_used PID: MB used after `jcmd PID GC.run`, summed over the heap's top-level spaces of
# GC.heap_info (Serial, Parallel, G1, ZGC: "used N[KMG]"; Shenandoah: "N[KMG] used"), or empty.
heap_used() {
  [ -x "$jcmd" ] || return 0
  timeout 60 "$jcmd" "$1" GC.run >/dev/null 2>&1 || return 0
  timeout 60 "$jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    function mb(n, u) { return n * (u == "G" ? 1073741824 : u == "M" ? 1048576 : 1024) / 1e6 }
    /Metaspace|class space/ { next }
    /^[^ ].*used [0-9]+[KMG]/ && match($0, /used [0-9]+[KMG]/) { s = substr($0, RSTART + 5, RLENGTH - 5); sum += mb(substr(s, 1, length(s) - 1), substr(s, length(s))); found = 1; next }
    match($0, /[0-9]+[KMG] used/) { s = substr($0, RSTART, RLENGTH - 5); sum += mb(substr(s, 1, length(s) - 1), substr(s, length(s))); found = 1 }
    END { if (found) printf "%.1f", sum }'
}
declare -A last_cpu
gone=()
sample() {   # sample MINUTE ROLE PID
  local m=$1 role=$2 pid=$3 heap rss threads fds cpu out="" pct
  alive "$pid" || return 1
  heap=$(heap_used "$pid")
  rss=$(awk '/^VmRSS:/ { printf "%.1f", $2 * 1024 / 1e6 }' "/proc/$pid/status" 2>/dev/null)
  threads=$(ls "/proc/$pid/task" 2>/dev/null | wc -l)
  fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
  cpu=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk -v t="$tck" '{ printf "%.1f", ($12 + $13) / t }')
  alive "$pid" || return 1
  [ "$role" = monitor ] && out=$(wc -l < "$tmp/monitor.jsonl")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date +%H:%M:%S)" "$m" "$role" "$pid" "$heap" "$rss" "$threads" "$fds" "$cpu" "$out" >> "$tsv"
  pct=$(awk -v a="${last_cpu[$role]:-0}" -v b="$cpu" -v s="$interval" 'BEGIN { printf "%.0f", 100 * (b - a) / s }')
  last_cpu[$role]=$cpu
  printf '   minute %3d  %-7s heap after GC %7s MB  RSS %7s MB  threads %3d  fds %4d  CPU %3s %% of a core%s\n' \
    "$m" "$([ "$role" = gui ] && echo window || echo monitor)" "${heap:-n/a}" "$rss" "$threads" "$fds" "$pct" "${out:+  $out JSONL lines}"
}

t0=$(date +%s)
for m in $(seq 1 "$minutes"); do
  wait_s=$(( t0 + m * interval - $(date +%s) ))
  if [ $wait_s -gt 0 ]; then sleep "$wait_s" & wait $! 2>/dev/null || true; fi
  if [ $interrupted = 1 ]; then echo "   interrupted at minute $m"; break; fi
  for role in gui monitor; do
    pid=$gui; [ $role = monitor ] && pid=$monitor
    [[ " ${gone[*]} " == *" $role "* ]] && continue
    sample "$m" "$role" "$pid" || { gone+=("$role"); echo "   minute $m: the $([ $role = gui ] && echo window || echo monitor) (pid $pid) has exited" | tee -a "$txt"; }
  done
  [ ${#gone[@]} -lt 2 ] || break
done

# The window closes itself (--duration) and prints its --responsiveness lines; the monitor ends too.
if [ $interrupted = 0 ]; then
  for _ in $(seq 1 300); do alive "$gui" || alive "$monitor" || break; sleep 0.2; done
fi
stop "$gui"; stop "$monitor"
[ -n "$wrapper" ] && { wait "$wrapper" 2>/dev/null || true; }
ran=$(awk -F '\t' 'NR > 1 && $2 > m { m = $2 } END { print m + 0 }' "$tsv")
{
  echo "== summary after $ran of $minutes minutes ($(date +%H:%M); load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ -s "$tmp/gui.out" ]; then sed 's/^bmswb gui: /   window: /' "$tmp/gui.out"; else echo "   window: no --responsiveness report (it did not close by itself)"; fi
  echo "   monitor: $(wc -l < "$tmp/monitor.jsonl") JSONL lines; its last message: $(grep -v '^$' "$tmp/monitor.err" | tail -n 1 | cut -c1-160)"
  awk -F '\t' -v minutes="$minutes" -v ran="$ran" -v interval="$interval" -v gone="${gone[*]}" '
    NR == 1 { next }
    { n[$3]++; i = n[$3]; x[$3, i] = $2 * interval / 3600; for (c = 5; c <= 8; c++) v[$3, c, i] = $c }
    function fit(p, c, from,    i, k, sx, sy, sxx, sxy, mx, my, b, a, r, ss) {   # slope per hour and its standard error over samples from..n
      k = 0; sx = sy = sxx = sxy = 0
      for (i = from; i <= n[p]; i++) if (v[p, c, i] != "") { k++; sx += x[p, i]; sy += v[p, c, i] }
      if (k < 3) { slope = ""; se = ""; return }
      mx = sx / k; my = sy / k
      for (i = from; i <= n[p]; i++) if (v[p, c, i] != "") { sxx += (x[p, i] - mx) ^ 2; sxy += (x[p, i] - mx) * (v[p, c, i] - my) }
      b = sxy / sxx; a = my - b * mx; ss = 0
      for (i = from; i <= n[p]; i++) if (v[p, c, i] != "") { r = v[p, c, i] - a - b * x[p, i]; ss += r * r }
      slope = b; se = sqrt(ss / (k - 2) / sxx)
    }
    END {
      name[5] = "heap after GC"; name[6] = "RSS"; name[7] = "threads"; name[8] = "fds"
      unit[5] = " MB"; unit[6] = " MB"; unit[7] = ""; unit[8] = ""
      floor[5] = 10; floor[6] = 20; floor[7] = 2; floor[8] = 2
      problems = ""; fatal = ""; maxheap = ""; value = ""
      for (pi = 1; pi <= 2; pi++) {
        p = pi == 1 ? "gui" : "monitor"; who = pi == 1 ? "window" : "monitor"
        if (!n[p]) { problems = problems (problems ? "; " : "") who " never sampled"; continue }
        from = 1; while (from < n[p] && x[p, from] * 3600 / interval <= ran / 4) from++   # the last three quarters
        printf "   %s (%d samples; trend over minutes %d-%d):\n", who, n[p], x[p, from] * 3600 / interval, x[p, n[p]] * 3600 / interval
        part = ""
        for (c = 5; c <= 8; c++) {
          first = v[p, c, 1]; lastv = v[p, c, n[p]]; mx = ""
          for (i = 1; i <= n[p]; i++) if (v[p, c, i] != "" && (mx == "" || v[p, c, i] + 0 > mx + 0)) mx = v[p, c, i]
          if (mx == "") { if (c == 5) part = "heap after GC not measured"; printf "     %-14s not measured\n", name[c]; problems = problems (problems ? "; " : "") who " " name[c] " not measured"; continue }
          fit(p, c, 1); all = slope
          fit(p, c, from)
          if (slope == "") trend = "too few samples for a trend"
          else {
            rising = slope > floor[c] && (se == 0 || slope > 2 * se)
            trend = sprintf("%+.1f%s/h ± %.1f (all: %+.1f/h): %s", slope, unit[c], se, all, rising ? "RISING" : "flat")
            if (rising) problems = problems (problems ? "; " : "") who " " name[c] " rising " sprintf("%+.1f%s/h", slope, unit[c])
          }
          if (slope == "" && !(p in few)) { few[p] = 1; problems = problems (problems ? "; " : "") who ": too few samples for a trend" }
          printf "     %-14s first %8s, last %8s, max %8s%s; %s\n", name[c], first, lastv, mx, unit[c], trend
          if (c == 5) { if (maxheap == "" || mx + 0 > maxheap + 0) maxheap = mx; if (mx + 0 > 300) fatal = fatal (fatal ? "; " : "") who " heap after GC " mx " MB > 300" }
          if (c == 5) part = sprintf("heap after GC ≤ %s MB%s", mx, slope == "" ? "" : sprintf(" (%+.1f MB/h)", slope))
          else if (c == 6) part = part sprintf(", RSS ≤ %s MB", mx)
          else part = part sprintf(", ≤ %s %s", mx, c == 7 ? "threads" : "fds")
        }
        value = value (value ? "; " : "") who " " part
      }
      if (gone != "") { sub(/gui/, "window", gone); fatal = fatal (fatal ? "; " : "") gone " exited early" }
      if (fatal != "") verdict = "NOT met (" fatal (problems ? "; " problems : "") ")"
      else if (ran * interval < 3600) verdict = sprintf("not measured (%.1f min run, the aim is 60; %s)", ran * interval / 60, problems ? "so far: " problems : "nothing rising so far")
      else if (problems != "") verdict = "NOT met (" problems ")"
      else verdict = "met"
      printf "   aim: heap after full GC <= 300 MB, nothing rising, 60 minutes: %s\n", verdict
      printf "table\t%.1f min; %s\t%s\n", ran * interval / 60, value, verdict
    }' "$tsv"
} > "$tmp/summary"
grep -v '^table	' "$tmp/summary"
cat "$tmp/summary" >> "$txt"
echo "   written: $tsv, $txt"
