#!/usr/bin/env bash
# Installer check for CI (run after the unit tests), as root on Debian 12
# with JDK 17 + Maven, and a JDK 25 for the installers' runtime (Temurin 25 in
# /usr/lib/jvm, or TANIK_RUNTIME_JDK; see packaging/package.sh):
#   bash packaging/ci-check.sh            # build with -Ppackage (unless target/
#                                         # is newer than pom.xml, src/, packaging/), then check
#   bash packaging/ci-check.sh --rebuild  # always build
#   bash packaging/ci-check.sh --no-build # never build (reuse target/)
#   bash packaging/ci-check.sh --no-gui   # skip the Xvfb start-up check
# Checks: the app image runs with no Java on the PATH and uses its own
# runtime; its CLI creates and lists a vault; in portable mode it writes
# nothing outside its stick folder (packaging/portable-trace.sh); the .deb has the expected files;
# it installs with its declared dependencies, the GUI opens a window without
# writing ~/.openjfx, the desktop's TestFX flows pass on the installed runtime
# (packaging/image-testfx.sh), and it removes/purges cleanly without touching a user
# vault. Prints sizes and the run time. Exit code != 0 on any failure.
set -euo pipefail

# ========================== CLI UNDER TEST ==================================
export TANIK_PASSPHRASE='ci-check: correct horse battery staple 7'
vault_init() { "$1" vault init --vault "$2"; }
vault_list() { "$1" testimony list --vault "$2"; }
VAULT_INIT_CREATES=vault.key                     # a file init must create in DIR
# ========================== SIZE TARGETS (MiB) ==============================
# 90 until sync: the intake server and its client (Jetty, OkHttp with the Kotlin
# runtime, bcpkix for the intake's certificate: about 8 MiB of jars) and two JDK
# modules (java.management, jdk.crypto.ec) took the image to 94 MiB.
# Issue 19 (measured 2026-12-05, same jars): the JDK 17 image was 99 MiB (runtime 71 MiB) and its
# .deb 44 MiB. The JDK 25 runtime is 84 MiB (+13: a larger java.base and libjvm, jlink --compress=1
# as before) and the AOT cache lib/app/tanik.aot 43 MiB, which xz packs to about 8 MiB: image
# 157 MiB, .deb about 56 MiB. The cache is memory-mapped, so it cannot stay compressed on disk;
# TANIK_AOT=0 builds without it (image 114 MiB).
# Training the desktop too (JavaFX, the first window and the main screens; startup-bench.sh: about half
# the desktop's CPU time to its first window) took the cache to 68 MiB: image 181 MiB, .deb 60 MiB.
MAX_IMAGE_MB=190
MAX_DEB_MB=65
# ========================== RUNTIME (issue 19) ==============================
RUNTIME_MIN=${TANIK_CI_RUNTIME_MIN:-25}        # the image's runtime: lib/runtime/release
AOT_CACHE=tanik.aot                            # in lib/app, made by packaging/package.sh
# ============================================================================

BUILD=auto GUI=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    --rebuild) BUILD=1 ;;
    --no-gui) GUI=0 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

T0=$SECONDS
step() { echo; echo "=== [ci-check +$((SECONDS - T0))s] $*"; }
PASSED=0
fail() { echo "ci-check FAILED: $*" >&2; echo "ci-check: $PASSED passed, 1 failed"; exit 1; }
ok() { PASSED=$((PASSED + 1)); echo "ok: $*"; }

cd "$(dirname "$0")/.."
ROOT=$(pwd)
IS_ROOT=0; [ "$(id -u)" = 0 ] && IS_ROOT=1
SCRATCH=$(mktemp -d /tmp/tanik-ci.XXXXXX)
XVFB_PID= APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# ---------------------------------------------------------------- 1. tools --
step "Debian packages"
NEED=(fakeroot)                          # jpackage --type deb: dpkg, dpkg-deb (essential) + fakeroot
[ "$GUI" = 1 ] && NEED+=(xvfb x11-utils strace) # Xvfb + xwininfo and xprop for the window check; strace for the portable trace
MISSING=()
for p in "${NEED[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || MISSING+=("$p")
done
if [ "$IS_ROOT" = 1 ]; then
  # update also when nothing is missing: apt-get install ./tanik.deb below
  # resolves the package's dependencies
  apt-get update -qq
  if [ ${#MISSING[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
    ok "installed ${MISSING[*]}"
  fi
elif [ ${#MISSING[@]} -gt 0 ]; then
  fail "missing Debian packages ${MISSING[*]} (run as root or install them)"
fi
# (the JDKs: packaging/package.sh says what it lacks, and the runtime check below fails without a JDK 25)

# ---------------------------------------------------------------- 2. build --
if [ "$BUILD" = auto ]; then
  BUILD=1
  SUMS=target/installer/SHA256SUMS
  if [ -f "$SUMS" ] && [ -z "$(find pom.xml src packaging -newer "$SUMS" -print -quit)" ]; then
    BUILD=0
    echo "target/installer is newer than pom.xml, src/ and packaging/: reusing it (--rebuild to force)"
  fi
fi
if [ "$BUILD" = 1 ]; then
  step "mvn -B -Ppackage package -DskipTests"
  B0=$SECONDS
  mvn -B -q -Dstyle.color=never -Ppackage package -DskipTests
  echo "build took $((SECONDS - B0))s"
fi
IMAGE="$ROOT/target/jpackage/tanik"
DEB=$(ls "$ROOT"/target/installer/tanik_*.deb 2>/dev/null | head -n1)
[ -x "$IMAGE/bin/tanik" ] || fail "no app image at $IMAGE"
[ -f "$DEB" ] || fail "no .deb in target/installer"
VERSION=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)   # the pom's project version

# ------------------------------------- 3. image without any system Java --
step "app image runs without a system Java"
NOJAVA="$SCRATCH/nojava-bin"    # PATH with only the tools this test needs
mkdir -p "$NOJAVA"
for t in sh cat ls grep; do ln -s "$(command -v $t)" "$NOJAVA/$t"; done
TESTHOME="$SCRATCH/home"
mkdir -p "$TESTHOME"
RUN=(env -i PATH="$NOJAVA" HOME="$TESTHOME" LANG=C.UTF-8 TANIK_PASSPHRASE="$TANIK_PASSPHRASE")
if "${RUN[@]}" /bin/sh -c 'command -v java' >/dev/null 2>&1; then fail "java is on the test PATH"; fi
ok "no java on PATH=$NOJAVA, JAVA_HOME unset"
OUT=$("${RUN[@]}" "$IMAGE/bin/tanik" --version)
echo "$OUT"
[ "$(echo "$OUT" | head -n1)" = "tanik $VERSION" ] || fail "expected 'tanik $VERSION' first, got '$OUT'"
# Prove which JVM was loaded: the dynamic loader's trace names libjvm.so
LOADED=$("${RUN[@]}" LD_DEBUG=files "$IMAGE/bin/tanik" --version 2>&1 | grep -o '/[^[:space:]=]*/libjvm\.so' | sort -u)
echo "libjvm loaded: $LOADED"
[ "$LOADED" = "$IMAGE/lib/runtime/lib/server/libjvm.so" ] || fail "launcher did not use the image's runtime"
ok "bin/tanik --version uses the bundled runtime"
# Issue 19: the quick launcher lib/tanik (packaging/linux/launcher.sh, what the .deb's command and menu
# entry start) starts the runtime directly; jpackage's bin/tanik asks rpm and dpkg which package owns it
# on every start. Stand-ins that leave a mark show which does; the two must print the same.
ASKED="$SCRATCH/package-query"
for t in dpkg rpm dpkg-query; do
  printf '#!/bin/sh\necho "$0 $*" >> "%s"\nexit 1\n' "$ASKED" > "$NOJAVA/$t"
  chmod +x "$NOJAVA/$t"
done
QUICK=$("${RUN[@]}" "$IMAGE/lib/tanik" --version) || fail "lib/tanik --version failed"
[ ! -e "$ASKED" ] || { cat "$ASKED"; fail "lib/tanik asked a package manager which package owns it"; }
[ "$QUICK" = "$OUT" ] || fail "lib/tanik --version printed '$QUICK', bin/tanik '$OUT'"
"${RUN[@]}" "$IMAGE/bin/tanik" --version >/dev/null || fail "bin/tanik --version failed"
[ -e "$ASKED" ] || fail "the stand-ins saw nothing from jpackage's launcher either: the check proves nothing"
rm -f "$NOJAVA/dpkg" "$NOJAVA/rpm" "$NOJAVA/dpkg-query" "$ASKED"
ok "lib/tanik starts the runtime without asking rpm or dpkg (bin/tanik, jpackage's, asks them)"

step "the image's runtime is a JDK $RUNTIME_MIN+ and its AOT cache serves (issue 19)"
RUNTIME_VERSION=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$IMAGE/lib/runtime/release")
echo "lib/runtime/release: JAVA_VERSION=$RUNTIME_VERSION"
[ "${RUNTIME_VERSION%%.*}" -ge "$RUNTIME_MIN" ] 2>/dev/null \
  || fail "the image's runtime is Java $RUNTIME_VERSION: the installers must carry a JDK $RUNTIME_MIN+ (package.sh found none: set TANIK_RUNTIME_JDK)"
echo "$OUT" | sed -n 2p | grep -q "^Java $RUNTIME_VERSION" || fail "--version does not name the runtime $RUNTIME_VERSION"
ok "runtime Java $RUNTIME_VERSION, named by --version"
[ -s "$IMAGE/lib/app/$AOT_CACHE" ] || fail "no AOT cache lib/app/$AOT_CACHE in the image"
grep -qxF "java-options=-XX:AOTCache=\$APPDIR/$AOT_CACHE" "$IMAGE/lib/app/tanik.cfg" || fail "the launcher does not pass -XX:AOTCache"
# -XX:AOTMode=on: the JVM refuses to start unless it can map the cache (JAVA_TOOL_OPTIONS reaches the
# JVM the launcher loads)
"${RUN[@]}" JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$IMAGE/bin/tanik" --version >/dev/null 2>"$SCRATCH/aot.err" \
  || { cat "$SCRATCH/aot.err"; fail "the image's AOT cache is not usable"; }
ok "AOT cache lib/app/$AOT_CACHE ($(du -m "$IMAGE/lib/app/$AOT_CACHE" | cut -f1) MiB) maps"
# Bouncy Castle's classes come from the cache (package.sh ships its jars unsigned: a signed jar's
# classes stay out), e.g. Argon2 in an unlock; the JVM names each class's source in its class+load log.
"${RUN[@]}" JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$SCRATCH/aot-classes.log:none" \
  "$IMAGE/bin/tanik" vault init --vault "$SCRATCH/vault-aot" >/dev/null 2>&1 || fail "vault init failed"
grep -q '^org\.bouncycastle\.crypto\.generators\.Argon2BytesGenerator source: shared objects file' \
  "$SCRATCH/aot-classes.log" \
  || { grep -m3 'bouncycastle' "$SCRATCH/aot-classes.log"; fail "Bouncy Castle's classes are not in the AOT cache"; }
rm -rf "$SCRATCH/vault-aot"
ok "Bouncy Castle's classes load from the AOT cache"

step "a missing, corrupt or stale AOT cache: the app still starts and prints only its own output"
STALE="$SCRATCH/stale-image"
for how in missing corrupt stale; do
  rm -rf "$STALE"; cp -a "$IMAGE" "$STALE"
  case "$how" in
    missing) rm "$STALE/lib/app/$AOT_CACHE" ;;
    corrupt) head -c 65536 /dev/urandom > "$STALE/lib/app/$AOT_CACHE" ;;
    stale)   touch "$STALE"/lib/app/*.jar ;;   # the cache no longer matches the class path's jars
  esac
  # first proof that this JVM really cannot use the cache (else the check below would prove nothing)
  if "${RUN[@]}" JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$STALE/bin/tanik" --version >/dev/null 2>&1; then
    fail "$how cache: the JVM still maps it"
  fi
  V3="$SCRATCH/vault-$how"
  OUT3=$("${RUN[@]}" "$STALE/bin/tanik" --version 2>&1) || fail "$how cache: --version failed: $OUT3"
  [ "$OUT3" = "$OUT" ] || fail "$how cache: --version printed '$OUT3'"
  "${RUN[@]}" "$STALE/bin/tanik" vault init --vault "$V3" >/dev/null 2>&1 || fail "$how cache: vault init failed"
  LIST3=$("${RUN[@]}" "$STALE/bin/tanik" testimony list --json --vault "$V3" 2>&1) || fail "$how cache: list failed"
  [ "$LIST3" = "[ ]" ] || [ "$LIST3" = "[]" ] || fail "$how cache: list printed '$LIST3'"
  echo "  $how: --version, vault init, testimony list --json ok"
done
rm -rf "$STALE"
ok "the app starts without a usable AOT cache and says nothing about it"

step "image CLI: vault init + list"
# the image's launcher with the same empty environment as above
TANIK_IMG="$SCRATCH/tanik-image"
printf '#!/bin/sh\nexec env -i PATH="%s" HOME="%s" LANG=C.UTF-8 TANIK_PASSPHRASE="$TANIK_PASSPHRASE" "%s" "$@"\n' \
  "$NOJAVA" "$TESTHOME" "$IMAGE/bin/tanik" > "$TANIK_IMG"
chmod +x "$TANIK_IMG"
V1="$SCRATCH/vault-image"
vault_init "$TANIK_IMG" "$V1" || fail "vault init failed"
[ -e "$V1/$VAULT_INIT_CREATES" ] || fail "vault init did not create $V1/$VAULT_INIT_CREATES"
LIST=$(vault_list "$TANIK_IMG" "$V1") || fail "vault list failed"
echo "$LIST"
[ -n "$LIST" ] || fail "vault list printed nothing"
ok "vault created and listed by the image"

step "image CLI: the intake starts on the bundled runtime (TLS needs jdk.crypto.ec)"
INTAKE="$SCRATCH/intake-data"
INIT=$("$TANIK_IMG" intake init --data "$INTAKE" --listen 127.0.0.1:0) || fail "intake init failed: $INIT"
echo "$INIT"
echo "$INIT" | grep -q '^TLS pin: sha256/' || fail "intake init printed no TLS pin"
echo "$INIT" | grep -q '^Intake key: ' || fail "intake init printed no intake key"
# Twice: a stop by SIGTERM (systemd's) runs the shutdown hooks, which stop the server and close its
# index, so the same data serves again. The JVM then ends as a process killed by SIGTERM: 128 + 15.
for START in first second; do
  "$TANIK_IMG" intake serve --data "$INTAKE" > "$SCRATCH/intake.log" 2>&1 &
  INTAKE_PID=$!
  for _ in $(seq 1 60); do grep -q 'Intake listening on https://' "$SCRATCH/intake.log" && break; sleep 0.5; done
  grep -q 'Intake listening on https://' "$SCRATCH/intake.log" || { cat "$SCRATCH/intake.log"; fail "the intake did not start ($START start)"; }
  kill -TERM "$INTAKE_PID"
  RC=0; wait "$INTAKE_PID" || RC=$?
  [ "$RC" = 143 ] || { cat "$SCRATCH/intake.log"; fail "the intake ended with status $RC on SIGTERM ($START start), not 143"; }
done
ok "intake init and serve on the image's runtime; stopped by SIGTERM, and served again from the same data"

if [ "$GUI" = 1 ]; then
  step "portable mode leaves no trace outside the stick (packaging/portable-trace.sh)"
  # First without portable mode: the trace must see what an ordinary start leaves behind, or it is blind.
  bash packaging/portable-trace.sh "$IMAGE" --control || fail "the control run of the portable trace"
  bash packaging/portable-trace.sh "$IMAGE" || fail "portable mode wrote outside the stick (list above)"
  ok "portable mode: window, vault init/add/list/backup, nothing written outside the stick"
fi

# ------------------------------------------------------ 4. .deb contents --
step ".deb contents: $(basename "$DEB")"
dpkg-deb -I "$DEB" | sed -n '/Package:/,$p'
CONTENTS="$SCRATCH/contents.txt"
dpkg-deb -c "$DEB" | awk '{ $1=$2=$3=$4=$5=""; sub(/^ +/, ""); print }' > "$CONTENTS"
for f in ./opt/tanik/bin/tanik \
         ./opt/tanik/lib/app/tanik.cfg \
         ./opt/tanik/lib/runtime/lib/server/libjvm.so \
         ./opt/tanik/lib/runtime/lib/libglassgtk3.so \
         ./usr/share/applications/tanik.desktop \
         ./usr/share/icons/hicolor/256x256/apps/tanik.png \
         ./usr/lib/systemd/system/tanik-intake.service \
         ./opt/tanik/lib/tanik \
         "./usr/bin/tanik -> /opt/tanik/lib/tanik"; do
  grep -qxF "$f" "$CONTENTS" || fail ".deb lacks $f"
  echo "  has $f"
done
if grep -q '^./opt/tanik/lib/app/javafx' "$CONTENTS"; then fail "JavaFX jars on the class path (they belong in the runtime)"; fi
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
[ -n "$DEPENDS" ] || fail "no Depends in the .deb"
ok "expected files present, no JavaFX jars in lib/app, Depends declared"

# ------------------------------------- 5. install, GUI, remove, purge --
if [ "$IS_ROOT" != 1 ]; then
  echo "SKIPPED install/remove test: needs root"
else
  step "install with apt-get (pulls the declared dependencies)"
  # a user's vault that installing/removing must never touch
  USERVAULT="$TESTHOME/.local/share/tanik/vaults/field"
  vault_init "$TANIK_IMG" "$USERVAULT" >/dev/null
  BEFORE=$(cd "$USERVAULT" && find . -type f -exec sha256sum {} + | sort)
  if dpkg-query -W tanik >/dev/null 2>&1; then dpkg --purge tanik >/dev/null; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null
  dpkg -s tanik | grep -q '^Status: install ok installed' || fail "tanik not installed"
  [ "$(readlink /usr/bin/tanik)" = /opt/tanik/lib/tanik ] || fail "/usr/bin/tanik link missing"
  OUT=$(env -i PATH=/usr/bin:/bin HOME="$TESTHOME" tanik --version)
  [ "$(echo "$OUT" | head -n1)" = "tanik $VERSION" ] || fail "installed tanik --version printed '$OUT'"
  env -i PATH=/usr/bin:/bin HOME="$TESTHOME" JAVA_TOOL_OPTIONS=-XX:AOTMode=on tanik --version >/dev/null 2>&1 \
    || fail "the installed app's AOT cache is not usable (moved to /opt/tanik: jar times or paths differ?)"
  ok "the installed app maps its AOT cache"
  ok "installed; 'tanik --version' from PATH: $OUT"
  V2="$SCRATCH/vault-installed"
  vault_init /usr/bin/tanik "$V2" >/dev/null && vault_list /usr/bin/tanik "$V2" >/dev/null \
    || fail "installed CLI vault init/list failed"
  ok "installed CLI creates and lists a vault"
  NOTFOUND=$(find /opt/tanik/lib/runtime/lib -name '*.so' -exec ldd {} + 2>/dev/null | grep 'not found' | grep -v '^\s*libjvm\.so ' | sort -u || true)
  if [ -n "$NOTFOUND" ]; then
    echo "$NOTFOUND"
    fail "native libraries unresolved after installing the declared dependencies"
  fi
  ok "all native libraries of the runtime resolve (libjvm.so aside: the launcher loads it first)"

  if [ "$GUI" = 1 ]; then
    step "GUI starts under Xvfb"
    Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 2
    GUIHOME="$SCRATCH/guihome"
    mkdir -p "$GUIHOME"
    # (the class+load log shows whether the desktop's classes came from the AOT cache: package.sh
    # trains the desktop when it has a display, which it starts with Xvfb). Started as the menu entry
    # starts it (its Exec line); portable-trace.sh above opened a window through jpackage's bin/tanik.
    EXEC=$(sed -n 's/^Exec=//p' /usr/share/applications/tanik.desktop)
    [ "$EXEC" = /opt/tanik/lib/tanik ] || fail "the menu entry starts '$EXEC', not the quick launcher"
    env -i PATH=/usr/bin:/bin HOME="$GUIHOME" DISPLAY=:97 LANG=C.UTF-8 \
      JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$SCRATCH/gui-classes.log:none" \
      "$EXEC" > "$SCRATCH/gui.log" 2>&1 &
    APP_PID=$!
    FOUND=0
    for _ in $(seq 1 60); do
      # a top-level window whose title starts with "Tanik" ("Tanik — new vault" on a first start;
      # not just GTK's 10x10 group leader)
      if DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -qE '0x[0-9a-f]+ "Tanik[^"]*": .* [0-9]{3,}x[0-9]{3,}[+-]'; then FOUND=1; break; fi
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 1
    done
    sleep 2   # let it paint before the screenshot
    WINDOW=$(DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -oE '0x[0-9a-f]+ "Tanik[^"]*": .* [0-9]{3,}x[0-9]{3,}[+-]' | head -n1 | cut -d' ' -f1 || true)
    WM_CLASS=$( [ -n "$WINDOW" ] && DISPLAY=:97 xprop -id "$WINDOW" WM_CLASS 2>/dev/null || true)
    DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -i '"tanik"' || true
    if command -v import >/dev/null; then
      DISPLAY=:97 import -window root "$ROOT/target/installer-gui-screenshot.png" 2>/dev/null \
        && echo "screenshot: target/installer-gui-screenshot.png"
    fi
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
    if [ "$FOUND" != 1 ]; then cat "$SCRATCH/gui.log"; fail "no 'Tanik' window appeared"; fi
    ok "window 'Tanik …' appeared"
    # Its X11 class is what the menu entry's StartupWMClass names, so a desktop shows it as that entry
    # (name and icon), not as a "java" window (read while the window was up, above: $WM_CLASS).
    WANT=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/tanik.desktop)
    [ "$WM_CLASS" = "WM_CLASS(STRING) = \"$WANT\", \"$WANT\"" ] \
      || fail "the window's class is '$WM_CLASS', not the menu entry's StartupWMClass '$WANT'"
    ok "the window's class is the menu entry's StartupWMClass ($WANT)"
    ! grep -q '^WARNING:' "$SCRATCH/gui.log" || { cat "$SCRATCH/gui.log"; fail "the desktop's start printed a warning"; }
    ok "no warning on the desktop's start (the JVM's, JavaFX's)"
    for c in javafx.scene.Scene javafx.fxml.FXMLLoader org.tanik.ui.shell.UiCompositionRoot; do
      grep -q "^$c source: shared objects file" "$SCRATCH/gui-classes.log" \
        || { grep -m1 "$c " "$SCRATCH/gui-classes.log"; fail "$c did not come from the AOT cache: was the desktop trained (target/package-work/aot-training.log)?"; }
    done
    ok "the desktop's classes (JavaFX, FXML, the shell) load from the AOT cache"
    [ ! -e "$GUIHOME/.openjfx" ] || fail "JavaFX wrote a native cache to ~/.openjfx"
    echo "files the GUI start left in its HOME:"; (cd "$GUIHOME" && find . -mindepth 1 | sed 's/^/  /')
    ok "nothing written to ~/.openjfx"

    step "the TestFX flows on the installed runtime, JavaFX from its modules, GTK (packaging/image-testfx.sh)"
    bash packaging/image-testfx.sh /opt/tanik/lib/runtime || fail "the desktop's flows on the installed runtime"
    ok "the desktop's TestFX flows pass on the installed runtime"
  fi

  step "remove and purge"
  dpkg -r tanik >/dev/null
  for p in /opt/tanik /usr/bin/tanik /usr/share/applications/tanik.desktop \
           /usr/share/icons/hicolor/256x256/apps/tanik.png /usr/lib/systemd/system/tanik-intake.service; do
    if [ -e "$p" ] || [ -L "$p" ]; then fail "$p left after dpkg -r"; fi
  done
  dpkg --purge tanik >/dev/null
  if dpkg-query -W -f='${Status}' tanik 2>/dev/null | grep -q installed; then fail "tanik still known to dpkg after purge"; fi
  AFTER=$(cd "$USERVAULT" && find . -type f -exec sha256sum {} + | sort)
  [ "$BEFORE" = "$AFTER" ] || fail "the user vault changed during install/remove"
  ok "removed + purged: no /opt/tanik, no /usr/bin/tanik, user vault untouched"
fi

# ------------------------------------------------------- 6. sizes + sums --
step "sizes and checksums"
IMAGE_MB=$(du -sm "$IMAGE" | cut -f1)
DEB_MB=$(( $(stat -c%s "$DEB") / 1048576 ))
echo "app image: $(du -sh "$IMAGE" | cut -f1) ($IMAGE_MB MiB, target < $MAX_IMAGE_MB)"
echo ".deb:      $(du -h "$DEB" | cut -f1) ($DEB_MB MiB, target < $MAX_DEB_MB)"
(cd "$ROOT/target/installer" && sha256sum -c SHA256SUMS) || fail "SHA256SUMS does not match"
[ "$IMAGE_MB" -lt "$MAX_IMAGE_MB" ] || fail "app image is $IMAGE_MB MiB (target < $MAX_IMAGE_MB)"
[ "$DEB_MB" -lt "$MAX_DEB_MB" ] || fail ".deb is $DEB_MB MiB (target < $MAX_DEB_MB)"
ok "SHA256SUMS matches; sizes within targets"

echo
echo "installer checks took $((SECONDS - T0))s"
echo "ci-check: $PASSED passed, 0 failed"
