#!/usr/bin/env bash
# The desktop's TestFX flows (src/test/java/org/tanik/ui) on an installed image's runtime (issue 19):
#   bash packaging/image-testfx.sh [RUNTIME]    # default target/jpackage/tanik/lib/runtime;
#                                               # CI passes the .deb's /opt/tanik/lib/runtime
# The ordinary test run uses Maven's JDK 17, the JavaFX jars of the class path and Monocle. Here the
# test JVM is the image's own runtime (the JDK 25 that jlink trimmed, with JavaFX linked in as modules)
# and the toolkit is GTK on an X display (a private Xvfb), as the installed app runs. The test JVM is
# started by the runtime's own java (the one lib/tanik starts) with the tests' JVM options, not the
# app's, and without its AOT cache: what is tested is the runtime (its modules, JavaFX linked in, GTK).
# ImageRuntimeTest proves, in the same run, which JVM, JavaFX and toolkit the flows had.
# Needs Xvfb. The full log: target/image-testfx.log.
set -euo pipefail
cd "$(dirname "$0")/.."

# Two flows need what a bare X server lacks; both pass under Monocle in the ordinary run:
# - DialogPlacementTest maximises the window, which takes a window manager (Xvfb has none);
# - ImportFailureGuiTest drops files with the tests' Monocle drag gesture; under GTK the "disk is
#   full" alert it then waits for is on screen (seen on a screenshot) but its lookup does not see it.
EXCLUDED='!DialogPlacementTest,!ImportFailureGuiTest'
# TestFX registers the application's parameters through JavaFX internals, and ImageRuntimeTest asks
# the toolkit which it is: with JavaFX as linked modules these must be opened to the class path.
JVM_ARGS='--add-exports=javafx.graphics/com.sun.javafx.application=ALL-UNNAMED --add-opens=javafx.graphics/com.sun.javafx.application=ALL-UNNAMED --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED --enable-native-access=javafx.graphics'
MIN_TESTS=100   # the flows there are (121 in 71 classes at issue 19): fewer means the pattern matched too little

die() { echo "[image-testfx] ERROR: $*" >&2; exit 1; }
RUNTIME=${1:-target/jpackage/tanik/lib/runtime}
[ -f "$RUNTIME/release" ] || die "$RUNTIME is not a runtime (no release file): build the image first (mvn -B -Ppackage package)"
RUNTIME=$(cd "$RUNTIME" && pwd -P)
VERSION=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$RUNTIME/release")
[ -x "$RUNTIME/bin/java" ] || die "$RUNTIME has no bin/java: not the runtime of a Linux image made by packaging/package.sh"
command -v Xvfb >/dev/null || die "Xvfb is missing (apt-get install xvfb)"

XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A display of its own: the first free number from 90.
DISPLAY_NO=
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then DISPLAY_NO=$n; break; fi
done
[ -n "$DISPLAY_NO" ] || die "no free X display number"
# The size of the virtual screen the ordinary run gives Monocle (pom.xml: headless.geometry).
Xvfb ":$DISPLAY_NO" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] || die "Xvfb did not start"

echo "[image-testfx] runtime $RUNTIME (Java $VERSION), GTK on Xvfb :$DISPLAY_NO"
LOG=target/image-testfx.log
mkdir -p target
REPORT=target/surefire-reports/TEST-org.tanik.ui.ImageRuntimeTest.xml
rm -f "$REPORT"   # an earlier run's must not count
# prism.order=sw as in the ordinary run: the software renderer, since Xvfb has no GPU.
set +e
DISPLAY=":$DISPLAY_NO" mvn -B -Dstyle.color=never test-compile surefire:test \
  -Dtest="org.tanik.ui.**,$EXCLUDED" -Djvm="$RUNTIME/bin/java" \
  -Dtestfx.headless=false -Dglass.platform=gtk -Dprism.order=sw \
  -Dtanik.test.imageRuntime="$RUNTIME" -Dtanik.test.jvmArgs="$JVM_ARGS" > "$LOG" 2>&1
RC=$?
set -e
grep -E '^\[(ERROR|WARNING)\] (Tests run|Failures|Errors|  )|<<< (FAILURE|ERROR)' "$LOG" | head -40 || true
SUMMARY=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures' "$LOG" | tail -n1 || true)
echo "[image-testfx] ${SUMMARY#*] }"
[ "$RC" = 0 ] || die "the flows failed on the image's runtime (exit $RC; log: $LOG)"
RUN=$(echo "$SUMMARY" | sed -n 's/.*Tests run: \([0-9]*\),.*/\1/p')
SKIPPED=$(echo "$SUMMARY" | sed -n 's/.*Skipped: \([0-9]*\).*/\1/p')
RUN=$(( ${RUN:-0} - ${SKIPPED:-0} ))
[ "$RUN" -ge "$MIN_TESTS" ] || die "only $RUN tests ran and were not skipped (expected at least $MIN_TESTS)"
grep -q 'tests="1" errors="0" skipped="0" failures="0"' "$REPORT" 2>/dev/null \
  || die "ImageRuntimeTest did not run and pass: the flows' runtime is not proven ($REPORT)"
echo "[image-testfx] ok: $RUN tests on the image's runtime, JavaFX from its modules, GTK"
