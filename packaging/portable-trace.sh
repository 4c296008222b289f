#!/usr/bin/env bash
# Portable-mode trace test (issue 17): runs the app image from a "stick" folder in portable mode,
# with a fresh HOME and TMPDIR and the current folder in that HOME (as a file manager starts it),
# opens the desktop window under Xvfb, uses the command line (vault init, testimony add and list,
# vault backup), and proves that nothing was written outside the stick:
#   - every file system change (open for writing, create, mkdir, rename, unlink, link) that strace
#     sees any process of the app make, anywhere outside the stick, is a failure: this also catches
#     what native libraries write under the account's passwd home whatever HOME says (Mesa did);
#   - HOME and TMPDIR must be empty afterwards (~/.java, ~/.openjfx, ~/.cache, ~/.local,
#     ~/.local/share/recently-used.xbel, ...).
#   bash packaging/portable-trace.sh APP_IMAGE            # exit 0 only if no trace was left
#   bash packaging/portable-trace.sh APP_IMAGE --control  # the same without portable mode: must fail
# ci-check.sh runs both: the control proves the trace sees what a normal start leaves behind.
# Needs Xvfb, xwininfo and strace.
set -euo pipefail

IMAGE=${1:?usage: portable-trace.sh APP_IMAGE [--control]}
IMAGE=$(cd "$IMAGE" && pwd)
CONTROL=0
[ "${2:-}" = --control ] && CONTROL=1
for t in Xvfb xwininfo strace; do
  command -v "$t" >/dev/null || { echo "portable-trace: $t is missing" >&2; exit 2; }
done

SCRATCH=$(mktemp -d /tmp/tanik-trace.XXXXXX)
STICK="$SCRATCH/stick"
HOSTHOME="$SCRATCH/home"
HOSTTMP="$SCRATCH/tmp"
LOGS="$SCRATCH/logs"       # strace's own output: outside the stick, left out of the check by name
mkdir -p "$STICK" "$HOSTHOME" "$HOSTTMP" "$LOGS"
cp -a "$IMAGE" "$STICK/tanik"
XVFB_PID= APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

FLAG=(--portable)
CONTROL_ENV=()
if [ "$CONTROL" = 1 ]; then
  # Without portable mode Tanik's own files would go to the account's real home (Java takes it from
  # the password database, not from HOME): TANIK_HOME keeps them in the test's HOME, where they are
  # then found. What native libraries write is not redirected: that is part of what the control shows.
  FLAG=()
  CONTROL_ENV=(TANIK_HOME="$HOSTHOME/.local/share/tanik")
fi
TANIK="$STICK/tanik/bin/tanik"
SYSCALLS=open,openat,openat2,creat,truncate,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir,link,linkat,symlink,symlinkat
# traced NAME ARGS...: runs the app image under strace (log strace.NAME) in the clean environment,
# from HOME as its current folder.
traced() {
  local name=$1; shift
  (cd "$HOSTHOME" && env -i PATH=/usr/bin:/bin HOME="$HOSTHOME" TMPDIR="$HOSTTMP" LANG=C.UTF-8 \
     ${DISPLAY_NUM:+DISPLAY=:$DISPLAY_NUM} ${CONTROL_ENV[@]+"${CONTROL_ENV[@]}"} \
     TANIK_PASSPHRASE='portable trace: correct horse battery staple 7' \
     TANIK_NEW_PASSPHRASE='portable trace: backup passphrase, another one 9' \
     strace -f -qq -e trace="$SYSCALLS" -o "$LOGS/strace.$name" "$TANIK" ${FLAG[@]+"${FLAG[@]}"} "$@")
}

echo "--- desktop window under Xvfb"
Xvfb -displayfd 4 -screen 0 1280x800x24 -nolisten tcp 4>"$LOGS/display" >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do [ -s "$LOGS/display" ] && break; sleep 0.2; done
DISPLAY_NUM=$(head -n1 "$LOGS/display")
[ -n "$DISPLAY_NUM" ] || { echo "portable-trace: Xvfb did not start" >&2; exit 2; }
traced gui > "$LOGS/gui.out" 2>&1 &
APP_PID=$!
FOUND=0
for _ in $(seq 1 90); do
  if DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree 2>/dev/null | grep -qE '0x[0-9a-f]+ "Tanik[^"]*": .* [0-9]{3,}x[0-9]{3,}[+-]'; then
    FOUND=1; break
  fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 1
done
sleep 3   # let it paint, read its fonts and settings
if [ "$FOUND" != 1 ]; then cat "$LOGS/gui.out"; echo "portable-trace: no Tanik window appeared" >&2; exit 2; fi
echo "window appeared on :$DISPLAY_NUM"
# Exit as a logout or `kill` does: SIGTERM to the launcher, the first process named tanik below
# the one started here (the shell runs strace, strace runs the launcher).
launcher() {
  local queue=("$1") p c
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}; queue=("${queue[@]:1}")
    for c in $(ps -o pid= --ppid "$p"); do
      [ "$(ps -o comm= -p "$c")" = tanik ] && { echo "$c"; return; }
      queue+=("$c")
    done
  done
}
LAUNCHER=$(launcher "$APP_PID")
[ -n "$LAUNCHER" ] || { echo "portable-trace: the launcher process was not found" >&2; exit 2; }
kill -TERM "$LAUNCHER"
wait "$APP_PID" || true
APP_PID=
DISPLAY_NUM=
kill "$XVFB_PID" 2>/dev/null || true
wait "$XVFB_PID" 2>/dev/null || true
XVFB_PID=

echo "--- command line"
cat > "$STICK/t.json" <<'J'
{"title": "Trace: gözaltı",
 "interview": {"date": "2024-02-03", "place": "Köln", "interviewer": "F1", "languages": ["tr"]},
 "incidents": [{"label": "2016", "acts": [{"type": "arbitrary_detention", "start": "2016-07", "place": {"province": "34"}}]}],
 "narrative": "PORTABLE-TRACE-MARKER"}
J
traced init vault init
traced add testimony add --json "$STICK/t.json"
traced list testimony list
traced backup vault backup --out "$STICK/vault-backup.age"

echo "--- what was written outside the stick"
STRAYS="$SCRATCH/strays.txt"
: > "$STRAYS"
# A successful call that changes the file system, and its path(s); paths relative to the current
# folder are under HOME. O_RDONLY opens and failed calls change nothing.
for name in gui init add list backup; do
  log="$LOGS/strace.$name"
  [ -s "$log" ] || { echo "portable-trace: no trace of the $name run" >&2; exit 2; }
  echo "$name: $(wc -l < "$log") file system calls traced, from $(cut -d' ' -f1 "$log" | sort -u | wc -l) threads"
  grep -vE '= -1 |^[0-9]+ +\+\+\+|^[0-9]+ +---|resumed>' "$log" \
    | grep -E '(open|openat|openat2)\(.*O_(WRONLY|RDWR|CREAT|TRUNC)|(creat|truncate|mkdir|mkdirat|rename|renameat|renameat2|unlink|unlinkat|rmdir|link|linkat|symlink|symlinkat)\(' \
    | while IFS= read -r line; do
        call=$(echo "$line" | sed -E 's/^[0-9]+ +([a-z0-9]+)\(.*/\1/')
        echo "$line" | grep -oE '"[^"]*"' | tr -d '"' | while IFS= read -r path; do
          case "$path" in /*) ;; *) path="$HOSTHOME/$path" ;; esac
          case "$path" in
            "$STICK"/*|/dev/null|/dev/tty|/dev/pts/*|/proc/*|/sys/*) ;;
            *) echo "$call $path" >> "$STRAYS" ;;
          esac
        done
      done
done
(cd "$HOSTHOME" && find . -mindepth 1 | sed "s|^\.|left in HOME: ~|") >> "$STRAYS"
(cd "$HOSTTMP" && find . -mindepth 1 | sed "s|^\.|left in TMPDIR: |") >> "$STRAYS"
sort -u -o "$STRAYS" "$STRAYS"

echo "on the stick:"; (cd "$STICK" && find . -path ./tanik -prune -o -print | sed 's/^/  /' | head -40)
if [ "$CONTROL" = 1 ]; then
  if [ -s "$STRAYS" ]; then
    echo "control run (no portable mode) left $(wc -l < "$STRAYS") trace(s), as expected:"
    sed 's/^/  /' "$STRAYS" | head -40
    exit 0
  fi
  echo "portable-trace FAILED: the control run without portable mode left no trace: the check is blind" >&2
  exit 1
fi
[ -f "$STICK/Tanik-data/vault/vault.key" ] || { echo "portable-trace FAILED: no vault in $STICK/Tanik-data" >&2; exit 1; }
if [ -s "$STRAYS" ]; then
  echo "portable-trace FAILED: written outside the stick:" >&2
  sed 's/^/  /' "$STRAYS" >&2
  exit 1
fi
echo "portable-trace: nothing written outside the stick (HOME, TMPDIR and the 5 traced runs checked)"
