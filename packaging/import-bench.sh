#!/usr/bin/env bash
# The installed app's command-line import, with and without its AOT cache (issue 19):
#   bash packaging/import-bench.sh [IMAGE] [--runs N] [--testimonies N]
# A command-line import always runs in a JVM of its own, so it is always a cold first import: the case
# the AOT cache (classes linked and method profiles from the build's training run) is meant to speed up.
# Each run copies a coordinator home made once by CliImportBenchmark (mvn, test scope; default
# target/import-bench/home-N: an organisation vault with the shipped Argon2id parameters, its bench
# devices approved, and N testimonies in bundles of 100 beside it, not yet imported), then times, cache
# on and cache off (-XX:AOTMode=off) in turn:
#   - `tanik volunteers list`: the JVM, the command line and the unlock, with no import;
#   - `tanik import FILES`: the same plus the import of every bundle, in the order they were made
#     (each must say "imported" and nothing more: no gap, no warning).
# The difference is the import's own cost; compare it with the raw decrypt-and-hash of the same files
# that CoordinatorBenchmark prints. Wall and CPU seconds (user + system) and peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=target/jpackage/tanik RUNS=3 N=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --testimonies) N=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) IMAGE=$1; shift ;;
  esac
done
[ -x "$IMAGE/bin/tanik" ] || { echo "no app image at $IMAGE (mvn -B -Ppackage package)" >&2; exit 2; }
. packaging/image-launcher.sh   # (this script runs from the repository root)
LAUNCHER=$(image_launcher "$IMAGE")

PASS="import bench throwaway passphrase 7"   # the generated vault's; nothing secret is in it
HOME_DIR=target/import-bench/home-$N
if [ ! -d "$HOME_DIR/bundles" ]; then
  echo "making a coordinator home with $N testimonies to import in $HOME_DIR (once; a minute or two)..." >&2
  mkdir -p "$(dirname "$HOME_DIR")"
  HOME_DIR=$(cd "$(dirname "$HOME_DIR")" && pwd)/$(basename "$HOME_DIR")
  mvn -B -o -q test -Dtest=CliImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtanik.bench.home="$HOME_DIR" -Dtanik.bench.passphrase="$PASS" -Dtanik.bench.testimonies="$N" >&2
fi
BUNDLES=$(ls "$HOME_DIR"/bundles/*.tanik | wc -l)
SCRATCH=$(mktemp -d /tmp/tanik-import-bench.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
echo "== $(sed -n 's/^JAVA_VERSION="\(.*\)"/Java \1/p' "$IMAGE/lib/runtime/release"): $IMAGE (launcher ${LAUNCHER#"$IMAGE"/}); $BUNDLES bundles, $N testimonies, $(nproc) cores"
# One command on a fresh copy of the home: wall, CPU, peak RSS; its output in $SCRATCH/out.
timed() {
  local mode=$1 what=$2 jto=; shift 2
  [ "$mode" = off ] && jto=-XX:AOTMode=off
  rm -rf "$SCRATCH/home"
  cp -a "$HOME_DIR" "$SCRATCH/home"
  local files wall user sys rss
  # in the order they were made (b0, b1, … b199), as each device sent them
  mapfile -t files < <(printf '%s\n' "$SCRATCH"/home/bundles/*.tanik | sort -V)
  [ "$what" = import ] && set -- import "${files[@]}"
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$SCRATCH/time" \
    env -i PATH=/usr/bin:/bin HOME="$SCRATCH/home" XDG_DATA_HOME="$SCRATCH/home/.local/share" LANG=C.UTF-8 \
    TANIK_PASSPHRASE="$PASS" ${jto:+JAVA_TOOL_OPTIONS=$jto} \
    "$LAUNCHER" "$@" > "$SCRATCH/out" 2>&1 || { cat "$SCRATCH/out"; echo "import-bench: $* failed" >&2; exit 1; }
  read -r wall user sys rss < "$SCRATCH/time"
  echo "cache $mode, $what: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MiB (load $(load))"
}
for i in $(seq 1 "$RUNS"); do
  for mode in on off; do
    timed "$mode" "unlock only" volunteers list
    timed "$mode" import
    IMPORTED=$(grep -c '^b[0-9]*\.tanik: imported$' "$SCRATCH/out" || true)
    [ "$IMPORTED" = "$BUNDLES" ] || { head -5 "$SCRATCH/out"; echo "import-bench: $IMPORTED of $BUNDLES bundles said only \"imported\"" >&2; exit 1; }
  done
done
