#!/usr/bin/env bash
# Builds Tanik's self-contained installers. Called by `mvn -B -Ppackage package`
# (exec-maven-plugin, see the "package" profile in pom.xml) after Maven has put
# the thin app jar + the non-JavaFX dependency jars into --input and the
# JavaFX jars of the build OS into --javafx-jars.
#
# Steps: JavaFX platform jars -> jmods; jlink a trimmed runtime (JDK modules
# + JavaFX from jmods); jpackage app image; per OS: .deb (Linux), .msi
# (Windows, WiX 3), .dmg (macOS); SHA256SUMS in target/installer.
# Other OSes' installers are skipped with a message (jpackage cannot
# cross-build).
set -euo pipefail

log() { echo "[tanik-package] +${SECONDS}s $*"; }
die() { echo "[tanik-package] ERROR: $*" >&2; exit 1; }
# Interrupted (Ctrl+C, Maven stopped): stop here rather than go on building, so that the EXIT trap
# (the AOT training's) cleans up. Bash acts on it once the command running in the foreground ends.
trap 'echo "[tanik-package] interrupted" >&2; exit 130' INT TERM

# ---------------------------------------------------------------- settings --
# The jlink module set (one place). Derived with jdeps and checked by running
# the image (packaging/ci-check.sh): java.sql (H2, Jackson; pulls in
# java.logging, java.xml, java.transaction.xa), java.naming (H2 DataSource,
# BC), java.scripting + java.xml (javafx.fxml), java.desktop + jdk.unsupported
# (required by javafx.graphics), jdk.localedata (Turkish formats; trimmed with
# --include-locales), jdk.crypto.ec (TLS for sync: ECDHE and the intake's
# ECDSA certificate), java.management (Jetty's logger registers an MBean:
# the intake does not start without it). Not included: jdk.net/java.compiler
# (only for the H2 TCP server and H2 Java functions).
JLINK_MODULES=java.base,java.sql,java.naming,java.logging,java.xml,java.scripting,java.desktop,java.management,jdk.unsupported,jdk.localedata,jdk.crypto.ec,javafx.base,javafx.graphics,javafx.controls,javafx.fxml
JLINK_LOCALES=en,tr
# jlink --compress (Java 17 syntax, deprecated but accepted by JDK 25's jlink,
# which warns): 0 none, 1 constant-string sharing, 2 zip. On JDK 25, 1 gives an
# 84 MiB runtime, zip-0 (its new syntax for none) 109 MiB. Measured on the stand-in: 2 gives the smallest folder (72 MB) but
# zip-compressed modules do not compress again, so the .deb is 49 MB; 1 gives
# an 85 MB folder and a 35 MB .deb (installers compress it well). Targets
# are folder < 90 MB and .deb < 45 MB, so the default is 1.
JLINK_COMPRESS=${TANIK_JLINK_COMPRESS:-1}

# JVM options baked into the launcher (documented in
# src/site/markdown/installing.md, "Launcher JVM options").
JAVA_OPTIONS=(
  -Xmx768m                          # Argon2id uses 128 MiB of heap per derivation
  -XX:-HeapDumpOnOutOfMemoryError   # never write the heap (decrypted data) to disk
  -XX:-CreateCoredumpOnCrash        # no core dump (= whole heap) on a JVM crash
  -XX:+DisableAttachMechanism       # no jcmd/jstack/agent attach to the running app
  -XX:-UsePerfData                  # no /tmp/hsperfdata_<user>/<pid> file
  # the windows' class is the menu entry's StartupWMClass (org.tanik.ui.shell.WindowClass)
  --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED
  # JavaFX loads its native libraries; JDK 24+ warns on every desktop start unless it may
  --enable-native-access=javafx.graphics
)
# On Linux/macOS a JVM crash log (hs_err_pid*.log, written to the current
# directory, i.e. usually $HOME) is discarded too.
UNIX_JAVA_OPTIONS=(-XX:ErrorFile=/dev/null)

APP_NAME=tanik
VENDOR="Tanik project"
DESCRIPTION="Offline field reporting for human-rights documentation"
COPYRIGHT="Tanik contributors"
DEB_MAINTAINER_EMAIL="maintainers@tanik.invalid"   # TODO: the real address

# ------------------------------------------------------------------- args --
VERSION= MAIN_JAR= MAIN_CLASS= INPUT= JFX_JARS= JFX_VERSION= TARGET=
while [ $# -gt 0 ]; do
  case "$1" in
    --version) VERSION=$2; shift 2 ;;
    --main-jar) MAIN_JAR=$2; shift 2 ;;
    --main-class) MAIN_CLASS=$2; shift 2 ;;
    --input) INPUT=$2; shift 2 ;;
    --javafx-jars) JFX_JARS=$2; shift 2 ;;
    --javafx-version) JFX_VERSION=$2; shift 2 ;;
    --target) TARGET=$2; shift 2 ;;
    *) die "unknown argument $1" ;;
  esac
done
if [ -z "$JFX_VERSION" ]; then   # from javafx-base-<version>.jar
  for f in "$JFX_JARS"/javafx-base-*.jar; do
    f=$(basename "$f" .jar); f=${f#javafx-base-}
    case "$f" in *-*) ;; *) JFX_VERSION=$f ;; esac
  done
fi
for v in VERSION MAIN_JAR MAIN_CLASS INPUT JFX_JARS JFX_VERSION TARGET; do
  [ -n "${!v}" ] || die "missing --$(echo "$v" | tr 'A-Z_' 'a-z-')"
done
HERE=$(cd "$(dirname "$0")" && pwd)

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW*|MSYS*|CYGWIN*) OS=win ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
# Git Bash: use C:/x/y paths (bash globs them, the JDK tools accept them)
if [ "$OS" = win ]; then
  HERE=$(cygpath -m "$HERE"); INPUT=$(cygpath -m "$INPUT")
  JFX_JARS=$(cygpath -m "$JFX_JARS"); TARGET=$(cygpath -m "$TARGET")
  [ -n "${JAVA_HOME:-}" ] && JAVA_HOME=$(cygpath -m "$JAVA_HOME")
fi
[ -f "$INPUT/$MAIN_JAR" ] || die "main jar $INPUT/$MAIN_JAR not found"
case "$(uname -m)" in
  x86_64|amd64) ARCH=x64 ;;
  aarch64|arm64) ARCH=aarch64 ;;
  *) ARCH=$(uname -m) ;;
esac

# jpackage wants 1-3 numeric components: 0.1.0-SNAPSHOT -> 0.1.0
APP_VERSION=${TANIK_APP_VERSION:-$(echo "${VERSION%%-*}" | cut -d. -f1-3)}
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot map version '$VERSION' to a numeric app version (set TANIK_APP_VERSION)"
if [ "$OS" = mac ] && [ "${APP_VERSION%%.*}" = 0 ]; then
  die "macOS bundle versions must not start with 0 ('$APP_VERSION'). For a 0.x release run with TANIK_APP_VERSION=<1.x.y> (see installing.md)."
fi

# ------------------------------------------------------------------- JDK --
# Two JDKs may be at work: the build JDK (Maven's, the README's JDK 17: the source is --release 17)
# and the runtime JDK, from which the installers' runtime is jlinked and whose jmod/jlink/jpackage
# build the image. The runtime should be a JDK 25 or later (issue 19): ChaCha20-Poly1305 and AES-GCM
# intrinsics make bundles several times faster than on 17, and its ahead-of-time cache (JEP 483/514/
# 515) lets the first command and the first import start warm. TANIK_RUNTIME_JDK names it; else the
# usual JVM folders are searched for the newest JDK >= RUNTIME_MIN with jlink; else the build JDK,
# with a warning.
RUNTIME_MIN=25
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" -o -x "$JAVA_HOME/bin/jlink.exe" ]; then
  JDK=$JAVA_HOME
elif [ "$OS" = mac ]; then
  JDK=$(/usr/libexec/java_home -v 17)
else
  JDK=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
jdk_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
has_jlink() { [ -x "$1/bin/jlink" ] || [ -x "$1/bin/jlink.exe" ]; }
RJDK=
if [ -n "${TANIK_RUNTIME_JDK:-}" ]; then
  RJDK=$TANIK_RUNTIME_JDK
  [ "$OS" = win ] && RJDK=$(cygpath -m "$RJDK")
  has_jlink "$RJDK" || die "TANIK_RUNTIME_JDK=$RJDK is not a JDK (no bin/jlink)"
else
  best=0
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "/c/Program Files/Eclipse Adoptium"/* "/c/Program Files/Java"/*; do
    [ -d "$d" ] || continue
    m=$(jdk_major "$d")
    if [ -n "$m" ] && [ "$m" -ge "$RUNTIME_MIN" ] && [ "$m" -gt "$best" ] && has_jlink "$d"; then
      best=$m; RJDK=$d
    fi
  done
fi
[ -n "$RJDK" ] || RJDK=$JDK
RMAJOR=$(jdk_major "$RJDK")
[ -n "$RMAJOR" ] || die "$RJDK has no release file: cannot tell its version"
if [ "$RMAJOR" -lt "$RUNTIME_MIN" ]; then
  echo "[tanik-package] WARNING: the runtime is jlinked from $RJDK (Java $RMAJOR), not a JDK $RUNTIME_MIN+ (none found; set TANIK_RUNTIME_JDK): bundles are several times slower and there is no AOT cache (issue 19)" >&2
fi
# JDK modules: from its jmods, or (JDK 24+ built with JEP 493, such as Temurin 24+, which ship no
# jmods) from the JDK's own run-time image, which jlink then links from.
if [ -d "$RJDK/jmods" ]; then
  JDK_JMODS="$RJDK/jmods"
elif [ "$RMAJOR" -ge 24 ]; then
  JDK_JMODS=
else
  die "$RJDK/jmods is missing: jlink needs the JDK's jmods (Debian 12: openjdk-17-jdk-headless ships them; newer Debian/Ubuntu: apt-get install openjdk-17-jmods)"
fi
JAR="$RJDK/bin/jar"; JMOD="$RJDK/bin/jmod"; JLINK="$RJDK/bin/jlink"; JPACKAGE="$RJDK/bin/jpackage"
FROM="its jmods"; [ -n "$JDK_JMODS" ] || FROM="its run-time image (JEP 493)"
log "build JDK $JDK; runtime JDK $RJDK (Java $RMAJOR, modules from $FROM); OS $OS-$ARCH, version $VERSION -> app version $APP_VERSION"

WORK="$TARGET/package-work"
IMAGE_DIR="$TARGET/jpackage"
OUT="$TARGET/installer"
rm -rf "$WORK" "$IMAGE_DIR" "$OUT"
mkdir -p "$WORK" "$IMAGE_DIR" "$OUT"

# ------------------------------------------------ 1. JavaFX jars -> jmods --
# Maven Central has no JavaFX jmods. The platform jars (classifier linux, win,
# mac, ...) hold the classes + module-info.class and the native libraries at
# the root; jmod puts the natives into the runtime's lib/ (bin/ on Windows),
# so JavaFX loads them from there and never unpacks them to ~/.openjfx.
JMODS="$WORK/javafx-jmods"
mkdir -p "$JMODS"
found=0
for jar in "$JFX_JARS"/javafx-*-"$JFX_VERSION"-*.jar; do
  [ -f "$jar" ] || continue
  artifact=$(basename "$jar"); artifact=${artifact%%-"$JFX_VERSION"-*}   # javafx-graphics
  module=${artifact//-/.}                                                # javafx.graphics
  x="$WORK/jfx/$artifact"
  mkdir -p "$x/classes" "$x/libs"
  (cd "$x/classes" && "$JAR" xf "$jar")
  [ -f "$x/classes/module-info.class" ] || die "$jar has no module-info.class"
  rm -rf "$x/classes/META-INF" "$x/classes/javafx-swt.jar"   # manifest only; SWT bridge unused
  shopt -s nullglob
  natives=("$x/classes"/*.so "$x/classes"/*.dll "$x/classes"/*.dylib)
  shopt -u nullglob
  libs=()
  if [ ${#natives[@]} -gt 0 ]; then
    mv "${natives[@]}" "$x/libs/"
    libs=(--libs "$x/libs")
  fi
  "$JMOD" create --class-path "$x/classes" ${libs[@]+"${libs[@]}"} --module-version "$JFX_VERSION" "$JMODS/$module.jmod"
  found=$((found + 1))
done
[ "$found" -ge 4 ] || die "expected the 4 JavaFX platform jars in $JFX_JARS, found $found"
log "created $found JavaFX jmods"

# ------------------------------------------------------------- 2. jlink --
# --strip-native-commands: no bin/java, keytool, jrunscript in the image (the
# launcher loads libjvm directly; jpackage does the same when it runs jlink). On
# Linux, step 3a adds the one command its launcher starts: java.
RUNTIME="$WORK/runtime"
SEP=':'; [ "$OS" = win ] && SEP=';'
"$JLINK" --module-path "${JDK_JMODS:+$JDK_JMODS$SEP}$JMODS" \
  --add-modules "$JLINK_MODULES" \
  --include-locales="$JLINK_LOCALES" \
  --strip-debug --no-header-files --no-man-pages --compress="$JLINK_COMPRESS" \
  --strip-native-commands \
  --output "$RUNTIME"
log "runtime modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$RUNTIME/release")"

# ------------------------------------------- 2b. Bouncy Castle unsigned --
# The app's jars as Maven staged them, except Bouncy Castle's, copied without their signature and the
# per-class digests of their manifests (packaging/UnsignJar.java says why that is safe: Tanik never
# registers BC as a JCE provider). Signed, their classes stayed out of the AOT cache and every start
# verified bcprov's signature and parsed its 840 KB manifest (issue 19).
APP_INPUT="$WORK/input"
mkdir -p "$APP_INPUT"
cp -p "$INPUT"/* "$APP_INPUT"/
for jar in "$APP_INPUT"/bc*-jdk*.jar; do
  [ -f "$jar" ] || continue
  "$RJDK/bin/java" "$HERE/UnsignJar.java" "$jar" "$jar.unsigned" || die "could not copy $jar without its signature"
  touch -r "$jar" "$jar.unsigned" && mv "$jar.unsigned" "$jar"
done
log "Bouncy Castle jars without their signatures: $(cd "$APP_INPUT" && ls bc*-jdk*.jar 2>/dev/null | paste -sd' ' -)"
INPUT=$APP_INPUT

# -------------------------------------------------------- 3. app image --
OPTS=("${JAVA_OPTIONS[@]}")
[ "$OS" != win ] && OPTS+=("${UNIX_JAVA_OPTIONS[@]}")
# JavaFX 21's renderer allocates memory through sun.misc.Unsafe, which JDK 24+ reports with a warning
# on every desktop start (JEP 498); the option that allows it quietly is unknown to older runtimes,
# which would refuse to start.
[ "$RMAJOR" -ge 24 ] && OPTS+=(--sun-misc-unsafe-memory-access=allow)
COMMON=(--name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR"
        --description "$DESCRIPTION" --copyright "$COPYRIGHT")
IMAGE_ARGS=("${COMMON[@]}" --type app-image --dest "$IMAGE_DIR"
            --input "$INPUT" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS"
            --runtime-image "$RUNTIME")
for o in "${OPTS[@]}"; do IMAGE_ARGS+=(--java-options "$o"); done
case "$OS" in
  linux) IMAGE_ARGS+=(--icon "$HERE/linux/tanik.png") ;;
  win)   IMAGE_ARGS+=(--icon "$HERE/windows/tanik.ico"
                      --add-launcher "tanik-cli=$HERE/windows/tanik-cli.properties") ;;
  mac)   IMAGE_ARGS+=(--icon "$HERE/macos/tanik.icns" @"$HERE/macos/image.args") ;;
esac
"$JPACKAGE" "${IMAGE_ARGS[@]}"
case "$OS" in
  mac) APP_IMAGE="$IMAGE_DIR/$APP_NAME.app" ;;
  *)   APP_IMAGE="$IMAGE_DIR/$APP_NAME" ;;
esac
log "app image: $APP_IMAGE"

# ------------------------------------------------ 3a. launcher (Linux) --
# jpackage's Linux launcher asks rpm and dpkg which package owns it, twice on every start (0.1 to
# 0.2 s on Debian: packaging/linux/launcher.sh says why). lib/tanik is a small script that starts the
# runtime's own java with the configuration jpackage wrote (lib/app/tanik.cfg) instead: the .deb's
# tanik command and menu entry start it. bin/tanik stays jpackage's: a file manager runs a program
# when it is double-clicked (on a USB stick, say) but opens a script in a text editor. The runtime
# gets the java launcher from the JDK it was linked from (jlink --strip-native-commands left it out),
# and a copy named tanik, which names the process in ps and system monitors as jpackage's launcher
# did (a copy, not a link: a FAT or exFAT stick cannot hold links).
if [ "$OS" = linux ]; then
  install -m 0755 "$HERE/linux/launcher.sh" "$APP_IMAGE/lib/$APP_NAME"
  mkdir -p "$APP_IMAGE/lib/runtime/bin"
  cp "$RJDK/bin/java" "$APP_IMAGE/lib/runtime/bin/java"
  cp "$RJDK/bin/java" "$APP_IMAGE/lib/runtime/bin/$APP_NAME"
  log "launcher: lib/$APP_NAME is packaging/linux/launcher.sh, starting lib/runtime/bin/$APP_NAME (java)"
fi

# ------------------------------------------------ 3b. AOT cache (JDK 25+) --
# The ahead-of-time cache (JEP 483, 514, 515): the classes a training run loaded and linked, and the
# profiles of its methods, so an installed command or a first import starts warm. The training
# (org.tanik.AotTraining: vaults, testimonies, bundles exported, verified and imported, the audit log,
# the search index) runs with the image's own runtime and class path, through a copy of its launcher
# whose configuration names the training class: a cache only serves the runtime and the class path
# (jars, sizes, times) that made it. It runs under a throwaway HOME with a throwaway passphrase and
# deletes what it made. Two steps (record, then create) rather than -XX:AOTCacheOutput, which starts
# bin/java for its second step with options of its own.
# The launcher then passes -XX:AOTCache=$APPDIR/tanik.aot; a missing or stale cache (another
# runtime, a jar changed) is ignored by the JVM, which starts without it; -Xlog:aot*=off,cds*=off
# keeps it from saying so on standard output (where it would land in a command's output).
AOT_FILE=tanik.aot
AOT_OPTIONS=("-XX:AOTCache=\$APPDIR/$AOT_FILE" "-Xlog:aot*=off,cds*=off")
aot_cache() {
  local app="$APP_IMAGE/lib/app" bin="$APP_IMAGE/bin" trainer=tanik-aot-training
  local cfg="$app/$APP_NAME.cfg" scratch
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/tanik-aot.XXXXXX")
  # An interrupted build (Ctrl+C, a failed step) leaves neither the Xvfb running nor the scratch folder
  # (globals: the trap may run after this function's locals are gone).
  AOT_LEFTOVERS=("$scratch" "$bin/$trainer" "$app/$trainer.cfg") AOT_XVFB=
  trap 'if [ -n "$AOT_XVFB" ]; then kill "$AOT_XVFB" 2>/dev/null || true; fi; rm -rf "${AOT_LEFTOVERS[@]}"' EXIT
  cp "$bin/$APP_NAME" "$bin/$trainer"
  # the launcher's configuration with another main class and extra JVM options after [JavaOptions]
  trainer_cfg() {
    awk -v extra="$*" '
      /^app\.mainclass=/ { print "app.mainclass=org.tanik.AotTraining"; next }
      { print }
      /^\[JavaOptions\]/ { n = split(extra, o, " "); for (i = 1; i <= n; i++) print "java-options=" o[i] }
    ' "$cfg" > "$app/$trainer.cfg"
  }
  local t0=$SECONDS
  trainer_cfg -XX:AOTMode=record "-XX:AOTConfiguration=$scratch/tanik.aotconf"
  # (the JVM's notes on what it leaves out go to a log: picocli's classes, compiled for Java 5, are
  # loaded as usual at run time but cannot be cached)
  local log="$WORK/aot-training.log"
  # The desktop is trained too when there is a display (its first window then starts warm): a private
  # Xvfb if one is installed (so no window shows on the builder's screen), else the build's own DISPLAY
  # (with its XAUTHORITY); with neither, the training says so in its log and trains the command line
  # only. Never a build failure.
  local display= xvfb= xauthority=${XAUTHORITY:-}
  if command -v Xvfb >/dev/null; then
    # Only this build may connect to it: a cookie for any display number (family "wild", no number)
    # in an owner-only file, which Xvfb requires of every client.
    xauthority="$scratch/xauthority"
    (umask 077; { printf '\377\377\000\000\000\000\000\022MIT-MAGIC-COOKIE-1\000\020'; head -c 16 /dev/urandom; } > "$xauthority")
    Xvfb -displayfd 3 -auth "$xauthority" -screen 0 1280x800x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
    xvfb=$! AOT_XVFB=$!
    for _ in $(seq 1 100); do [ -s "$scratch/display" ] && break; sleep 0.1; done
    [ -s "$scratch/display" ] && display=":$(head -n1 "$scratch/display")"
  fi
  if [ -z "$display" ] && [ -n "${DISPLAY:-}" ]; then
    display=$DISPLAY xauthority=${XAUTHORITY:-}
  fi
  env -i PATH=/usr/bin:/bin HOME="$scratch" LANG=C.UTF-8 ${display:+DISPLAY="$display"} \
      ${xauthority:+XAUTHORITY="$xauthority"} \
      "$bin/$trainer" "$scratch/work" > "$log" 2>&1 \
    || { cat "$log"; die "the AOT training run failed"; }
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; AOT_XVFB=; fi
  log "$(grep -m1 '^AOT training: \(desktop\|no display\|the desktop\)' "$log" || echo 'AOT training: it said nothing about the desktop')${xvfb:+ (under a private Xvfb $display)}"
  trainer_cfg -XX:AOTMode=create "-XX:AOTConfiguration=$scratch/tanik.aotconf" "-XX:AOTCache=$app/$AOT_FILE"
  env -i PATH=/usr/bin:/bin HOME="$scratch" LANG=C.UTF-8 "$bin/$trainer" >> "$log" 2>&1 \
    || { cat "$log"; die "creating the AOT cache failed"; }
  rm -rf "$scratch" "$bin/$trainer" "$app/$trainer.cfg"
  trap - EXIT
  [ -s "$app/$AOT_FILE" ] || die "no AOT cache was written"
  local o
  for o in "${AOT_OPTIONS[@]}"; do
    awk -v o="$o" '{ print } /^\[JavaOptions\]/ { print "java-options=" o }' "$cfg" > "$cfg.new" && mv "$cfg.new" "$cfg"
  done
  log "AOT cache: $app/$AOT_FILE, $(du -m "$app/$AOT_FILE" | cut -f1) MiB, training and creation took $((SECONDS - t0))s; classes left out: $(grep -c 'Skipping' "$log" || true) (log: $log)"
}
if [ "$RMAJOR" -ge 25 ] && [ "$OS" = linux ] && [ "${TANIK_AOT:-1}" != 0 ]; then
  aot_cache
else
  log "no AOT cache (it needs a JDK 25+ runtime; built on Linux only so far; TANIK_AOT=0 turns it off)"
fi

# ----------------------------------------------------- 4. installers --
build_deb() {
  for t in dpkg-deb fakeroot; do
    command -v "$t" >/dev/null || die "$t is missing (apt-get install -y fakeroot dpkg-dev)"
  done
  # (uncompressed here: it is repacked and xz-compressed below; --linux-app-release 1 is JDK 17's
  # default, which JDK 25 dropped: it keeps the name tanik_<version>-1_amd64.deb of the README)
  DPKG_DEB_COMPRESSOR_TYPE=none "$JPACKAGE" "${COMMON[@]}" --type deb --app-image "$APP_IMAGE" --dest "$WORK/deb" \
    --install-dir /opt --linux-package-name "$APP_NAME" \
    --linux-app-release 1 \
    --linux-deb-maintainer "$DEB_MAINTAINER_EMAIL" --linux-app-category utils
  local deb; deb=$(ls "$WORK/deb"/*.deb)
  # Repack: add the files jpackage cannot place outside /opt/tanik, as
  # dpkg-owned files (so dpkg -r removes them; no maintainer scripts needed;
  # desktop-file-utils / hicolor-icon-theme triggers refresh the menus):
  #   /usr/bin/tanik -> /opt/tanik/lib/tanik (the quick launcher, 3a), the .desktop file, the icon,
  #   the intake's systemd unit (installed disabled: src/site/markdown/intake.md).
  # Depends: replaced by packaging/linux/deb-depends.txt (deterministic).
  local root="$WORK/deb-root"
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  log "jpackage's own Depends guess: $(sed -n 's/^Depends: //p' "$root/DEBIAN/control")"
  # jpackage copied the app image without its files' times; the AOT cache names each jar (and the
  # runtime's modules file) by size and time, so without the image's times the installed cache is
  # stale and ignored (ci-check.sh checks the installed app maps it).
  (cd "$APP_IMAGE" && find . -type f -print0) | while IFS= read -r -d '' f; do
    touch -r "$APP_IMAGE/$f" "$root/opt/$APP_NAME/$f"
  done
  install -D -m 0644 "$HERE/linux/tanik.desktop" "$root/usr/share/applications/tanik.desktop"
  install -D -m 0644 "$HERE/linux/tanik.png" "$root/usr/share/icons/hicolor/256x256/apps/tanik.png"
  install -D -m 0644 "$HERE/intake/tanik-intake.service" "$root/usr/lib/systemd/system/tanik-intake.service"
  mkdir -p "$root/usr/bin"
  ln -sfn /opt/tanik/lib/tanik "$root/usr/bin/tanik"
  local depends
  depends=$(grep -v '^\s*#' "$HERE/linux/deb-depends.txt" | sed '/^\s*$/d' | paste -sd, - | sed 's/,/, /g')
  local size; size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -i -e "s/^Depends: .*/Depends: $depends/" -e "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
  grep -q '^Depends:' "$root/DEBIAN/control" || echo "Depends: $depends" >> "$root/DEBIAN/control"
  if [ -f "$root/DEBIAN/md5sums" ]; then
    (cd "$root" && md5sum usr/share/applications/tanik.desktop usr/share/icons/hicolor/256x256/apps/tanik.png \
      usr/lib/systemd/system/tanik-intake.service >> DEBIAN/md5sums)
  fi
  local name; name=$(basename "$deb")
  dpkg-deb --root-owner-group -Zxz -b "$root" "$OUT/$name" >/dev/null
  log "deb: $OUT/$name"
}

tar_image() {
  (cd "$IMAGE_DIR" && tar -czf "$OUT/$APP_NAME-$APP_VERSION-$OS-$ARCH.tar.gz" "$APP_NAME")
}

case "$OS" in
  linux)
    build_deb
    tar_image
    log "skipping .msi (needs Windows + WiX 3.x) and .dmg (needs macOS): see src/site/markdown/installing.md"
    ;;
  win)
    command -v candle.exe >/dev/null || command -v candle >/dev/null || die "WiX 3.x (candle.exe, light.exe) must be on PATH to build the .msi"
    "$JPACKAGE" "${COMMON[@]}" --app-image "$APP_IMAGE" --dest "$OUT" @"$HERE/windows/msi.args"
    log "skipping .deb (needs Linux) and .dmg (needs macOS)"
    ;;
  mac)
    "$JPACKAGE" "${COMMON[@]}" --app-image "$APP_IMAGE" --dest "$OUT" @"$HERE/macos/dmg.args"
    log "skipping .deb (needs Linux) and .msi (needs Windows)"
    ;;
esac

# ---------------------------------------------------------- 5. checksums --
(
  cd "$OUT"
  if command -v sha256sum >/dev/null; then sha256sum -- * > SHA256SUMS.tmp
  else shasum -a 256 -- * > SHA256SUMS.tmp; fi
  mv SHA256SUMS.tmp SHA256SUMS
)
log "artifacts in $OUT:"
(cd "$OUT" && ls -l && cat SHA256SUMS)
