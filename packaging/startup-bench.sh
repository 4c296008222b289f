#!/usr/bin/env bash
# Start-up figures of an app image (issue 19; src/site/markdown/benchmarks.md):
#   bash packaging/startup-bench.sh [IMAGE] [--no-aot] [--runs N] [--no-gui]
# IMAGE defaults to target/jpackage/tanik. For each run, with an empty HOME and no Java on the PATH:
#  - `tanik --version`: what any command pays before its own work (JVM, services, command line);
#  - `tanik testimony list` on a vault of 5 testimonies: wall time, CPU time (user + system) and peak
#    resident memory (GNU time), the deliberate Argon2id unlock included;
#  - the desktop (under Xvfb, needs xvfb + x11-utils): from starting the launcher to a top-level window
#    titled "Tanik…" (polled every 10 ms), with the process's CPU time at that moment.
# --no-aot starts the JVM with -XX:AOTMode=off (JAVA_TOOL_OPTIONS), i.e. without the AOT cache.
# Figures depend on the load: each line prints the 1-minute load average.
set -euo pipefail
IMAGE=target/jpackage/tanik RUNS=3 GUI=1 JTO=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-aot) JTO=-XX:AOTMode=off; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-gui) GUI=0; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) IMAGE=$1; shift ;;
  esac
done
[ -x "$IMAGE/bin/tanik" ] || { echo "no app image at $IMAGE" >&2; exit 1; }
. "$(dirname "$0")/image-launcher.sh"
LAUNCHER=$(image_launcher "$IMAGE")
LABEL="$(sed -n 's/^JAVA_VERSION="\(.*\)"/Java \1/p' "$IMAGE/lib/runtime/release"), AOT cache $([ -n "$JTO" ] && echo off || { [ -f "$IMAGE/lib/app/tanik.aot" ] && echo on || echo none; })"
SCRATCH=$(mktemp -d /tmp/tanik-startup.XXXXXX)
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$SCRATCH"; }
trap cleanup EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
PASS="startup bench: correct horse battery staple 7"   # a throwaway vault's
TANIK=(env -i PATH=/usr/bin:/bin HOME="$SCRATCH/home" LANG=C.UTF-8 TANIK_PASSPHRASE="$PASS"
       ${JTO:+JAVA_TOOL_OPTIONS="$JTO"} "$LAUNCHER")
run() { "${TANIK[@]}" "$@"; }
mkdir -p "$SCRATCH/home"
V="$SCRATCH/vault"
run vault init --vault "$V" >/dev/null 2>&1
printf '{"title": "Tanıklık", "narrative": "Gözaltı sırasında avukatla görüşmesine izin verilmedi.", "consent": {"method": "oral", "scopes": ["documentation"]}}' > "$SCRATCH/t.json"
for _ in $(seq 1 5); do run testimony add --json "$SCRATCH/t.json" --vault "$V" >/dev/null 2>&1; done

echo "== $LABEL: $IMAGE (launcher ${LAUNCHER#"$IMAGE"/})"
# One command line, timed: wall, CPU (user + system), peak resident memory.
timed() {
  local what=$1 i wall user sys rss; shift
  for i in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$SCRATCH/time" "${TANIK[@]}" "$@" >/dev/null 2>&1
    read -r wall user sys rss < "$SCRATCH/time"
    echo "$what, run $i: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MiB (load $(load))"
  done
}
timed "tanik --version" --version
timed "testimony list" testimony list --vault "$V"

if [ "$GUI" = 1 ]; then
  Xvfb :96 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 2
  for i in $(seq 1 "$RUNS"); do
    mkdir -p "$SCRATCH/gui-$i"
    t0=$(date +%s%N)
    env -i PATH=/usr/bin:/bin HOME="$SCRATCH/gui-$i" DISPLAY=:96 LANG=C.UTF-8 ${JTO:+JAVA_TOOL_OPTIONS="$JTO"} \
      "$LAUNCHER" >/dev/null 2>&1 &
    app=$!
    while ! DISPLAY=:96 xwininfo -root -tree 2>/dev/null | grep -qE '0x[0-9a-f]+ "Tanik[^"]*": .* [0-9]{3,}x[0-9]{3,}[+-]'; do
      kill -0 "$app" 2>/dev/null || { echo "the desktop exited before its window appeared" >&2; exit 1; }
      sleep 0.01
    done
    t1=$(date +%s%N)
    cpu=$(awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$app/stat")
    echo "desktop, run $i: $(( (t1 - t0) / 1000000 )) ms to the first window, CPU ${cpu} s (load $(load))"
    kill "$app"; wait "$app" 2>/dev/null || true
  done
fi
