#!/usr/bin/env bash
# Resident memory of the installed desktop coordinator with a large archive (issue 19;
# src/site/markdown/benchmarks.md):
#   bash packaging/memory-bench.sh [IMAGE] [--jvm "OPTIONS"] [--xmx SIZE] [--home DIR] [--testimonies N] [--runs N]
#                                  [--shot FILE]
# IMAGE defaults to target/jpackage/tanik. Needs xvfb, xdotool and x11-utils; imagemagick for --shot.
# The coordinator's home folder (an organisation vault at HOME's default place, holding N testimonies,
# 20,000 by default, imported from bundles of 100) is made once by DesktopMemoryBenchmark (mvn, test
# scope) into --home, default target/memory-bench/home-N, and reused; each run works on a copy of it.
# For each run, with that HOME (and XDG_DATA_HOME), no Java on the PATH and a virtual screen (Xvfb): start the launcher,
# type the throwaway passphrase into the unlock window (xdotool), wait until the vault's database is
# open and the process has been idle (under 2% of a core) for 10 s in a row (archive queue shown,
# search index built), then print VmRSS (resident now) and VmHWM (the peak) from /proc/PID/status, with
# the CPU time spent and the time from the Enter key to idle.
# --jvm adds JVM options (JAVA_TOOL_OPTIONS), e.g. --jvm -XX:+UseCompactObjectHeaders (JDK 25+).
# --xmx SIZE runs a copy of the image whose launcher has -XmxSIZE instead of its own (768m).
# A failed load (OutOfMemoryError on the output, or an error window) is printed as FAILED with the
# figures at that moment.
# --shot saves a screenshot of the screen at the moment of measuring (to check the archive is shown).
# Memory hardly depends on the load; the time does: each line prints the 1-minute load average.
set -euo pipefail
IMAGE=target/jpackage/tanik RUNS=1 JTO= HOME_DIR= N=20000 SHOT= XMX=
while [ $# -gt 0 ]; do
  case "$1" in
    --jvm) JTO="$JTO${JTO:+ }$2"; shift 2 ;;
    --home) HOME_DIR=$2; shift 2 ;;
    --testimonies) N=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --shot) SHOT=$2; shift 2 ;;
    --xmx) XMX=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) IMAGE=$1; shift ;;
  esac
done
[ -x "$IMAGE/bin/tanik" ] || { echo "no app image at $IMAGE" >&2; exit 1; }
ORIG=$IMAGE
for tool in Xvfb xdotool xwininfo; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install xvfb xdotool x11-utils)" >&2; exit 1; }
done
PASS="memory bench throwaway passphrase 7"   # the generated vault's; nothing secret is in it
HOME_DIR=${HOME_DIR:-target/memory-bench/home-$N}
if [ ! -d "$HOME_DIR/.local/share/tanik/vault" ]; then
  echo "making a coordinator home with $N testimonies in $HOME_DIR (once; minutes)..." >&2
  mkdir -p "$(dirname "$HOME_DIR")"
  HOME_DIR=$(cd "$(dirname "$HOME_DIR")" && pwd)/$(basename "$HOME_DIR")
  mvn -B -o -q test -Dtest=DesktopMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtanik.bench.home="$HOME_DIR" -Dtanik.bench.passphrase="$PASS" -Dtanik.bench.testimonies="$N" \
      -Dtanik.test.heap=2g >&2
fi
SCRATCH=$(mktemp -d /tmp/tanik-memory.XXXXXX)
if [ -n "$XMX" ]; then   # the launcher's -Xmx wins over JAVA_TOOL_OPTIONS: a copy of the image with another one
  cp -a "$IMAGE" "$SCRATCH/image"; IMAGE=$SCRATCH/image
  sed -i "s/^java-options=-Xmx.*/java-options=-Xmx$XMX/" "$IMAGE/lib/app/tanik.cfg"
fi
. "$(dirname "$0")/image-launcher.sh"
LAUNCHER=$(image_launcher "$IMAGE")
LABEL="$(sed -n 's/^JAVA_VERSION="\(.*\)"/Java \1/p' "$IMAGE/lib/runtime/release"), AOT cache $([ -f "$IMAGE/lib/app/tanik.aot" ] && echo on || echo none), $(sed -n 's/^java-options=\(-Xmx.*\)/\1/p' "$IMAGE/lib/app/tanik.cfg")${JTO:+, $JTO}"
XVFB_PID= APP=
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
status() { awk -v k="$2:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$1/status"; }   # MiB
DISP=:97
Xvfb $DISP -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 2
TICK=$(getconf CLK_TCK)

echo "== $LABEL: ${XMX:+a copy of }$ORIG, $N testimonies"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$SCRATCH/home"; cp -a "$HOME_DIR" "$SCRATCH/home"
  # Java's user.home comes from the password database, not HOME: XDG_DATA_HOME points the app at the copy.
  env -i PATH=/usr/bin:/bin HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/home/.local/share" DISPLAY=$DISP \
    LANG=C.UTF-8 ${JTO:+JAVA_TOOL_OPTIONS="$JTO"} \
    "$LAUNCHER" >"$SCRATCH/app.out" 2>&1 &
  APP=$!
  win=
  for _ in $(seq 1 300); do   # the unlock window, 30 s at most
    kill -0 "$APP" 2>/dev/null || { echo "the desktop exited before its window appeared" >&2; exit 1; }
    win=$(DISPLAY=$DISP xdotool search --onlyvisible --name '^Tanik' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "no Tanik window after 30 s" >&2; exit 1; }
  sleep 3   # the unlock screen's field takes the focus once shown
  DISPLAY=$DISP xdotool windowfocus --sync "$win"
  DISPLAY=$DISP xdotool type --delay 20 "$PASS"
  DISPLAY=$DISP xdotool key Return
  t0=$(date +%s%N)
  # Unlocked when the process holds the vault's database open; then idle for 10 s in a row.
  open=0
  for _ in $(seq 1 120); do
    ls -l "/proc/$APP/fd" 2>/dev/null | grep -q '\.mv\.db' && { open=1; break; }
    kill -0 "$APP" 2>/dev/null || { echo "the desktop exited while unlocking" >&2; exit 1; }
    sleep 0.5
  done
  [ "$open" = 1 ] || { echo "the vault did not open within 60 s (passphrase not taken?)" >&2; exit 1; }
  # Settled: idle for 10 s in a row, or failed: a second window (the error dialog) or an
  # OutOfMemoryError on the output (the spinner of a failed load keeps the process a little busy).
  idle=0 prev=$(cpu_ticks "$APP") t1= failed=
  for _ in $(seq 1 600); do
    sleep 1
    now=$(cpu_ticks "$APP")
    if [ $((now - prev)) -le $((TICK / 50)) ]; then
      idle=$((idle + 1))
      [ -z "$t1" ] && t1=$(date +%s%N)
    else
      idle=0 t1=
    fi
    prev=$now
    [ "$idle" -ge 10 ] && break
    if grep -q OutOfMemoryError "$SCRATCH/app.out"; then failed="OutOfMemoryError"; fi
    other=$(DISPLAY=$DISP xwininfo -root -children | grep '("java" "java")' | grep -v '"Tanik' | sed -n 's/^ *0x[0-9a-f]* "\([^"]*\)".*/\1/p' | head -1 || true)
    [ -n "$other" ] && failed="${failed:+$failed, }window \"$other\""
    if [ -n "$failed" ]; then t1=$(date +%s%N); sleep 5; break; fi
  done
  [ "$idle" -ge 10 ] || [ -n "$failed" ] || { echo "the desktop did not settle within 10 minutes" >&2; exit 1; }
  [ -n "$SHOT" ] && [ "$i" = 1 ] && DISPLAY=$DISP import -window root "$SHOT"
  cpu=$(awk -v t="$TICK" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$APP/stat")
  if [ -n "$failed" ]; then
    what="FAILED ($failed), the archive is not shown: VmRSS $(status "$APP" VmRSS) MiB at the failure" until="the failure"
  else
    what="VmRSS $(status "$APP" VmRSS) MiB after settling" until=idle
  fi
  echo "run $i: $what, VmHWM $(status "$APP" VmHWM) MiB peak; $(( (t1 - t0) / 1000000 )) ms from Enter to $until," \
       "CPU ${cpu} s (load $(load))"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
done
