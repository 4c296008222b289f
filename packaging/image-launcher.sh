# Sourced by the benchmark scripts: image_launcher IMAGE prints the launcher the .deb's command and menu
# entry start, the quick one on Linux (lib/tanik, packaging/linux/launcher.sh), else jpackage's bin/tanik.
image_launcher() {
  if [ -x "$1/lib/tanik" ]; then echo "$1/lib/tanik"; else echo "$1/bin/tanik"; fi
}
