#!/bin/bash
# Tanik's launcher on Linux: packaging/package.sh puts it in the app image as bin/tanik, in place of
# jpackage's own. jpackage's launcher asks the package managers which package owns it (rpm -qf, then
# dpkg -S, which reads every installed package's file list) twice on every start, to find a library
# of its own; on Debian that is 0.1 to 0.2 s of every command and of the first window (issue 19).
# This starts the image's runtime directly, with what jpackage's launcher would give it: the JVM
# options of the configuration jpackage wrote (lib/app/NAME.cfg, NAME being this file's name) in
# their order, then -Djpackage.app-path naming this launcher, the class path and the main class.
# Nothing else is read: the configuration holds the security options (no heap dump, no attach, …).

# This file's real path, as jpackage's launcher has it: /usr/bin/tanik is a link to /opt/tanik/bin/tanik.
# (readlink only for a link: a folder's real path needs no command, so PATH may lack coreutils.)
self=$0
case $self in */*) ;; *) self=./$self ;; esac
if [ -L "$self" ]; then
  self=$(readlink -f -- "$self") || exit 127
fi
bin=$(cd -P -- "${self%/*}" && pwd -P) || exit 127
self=$bin/${self##*/}
root=${bin%/*}
app=$root/lib/app
cfg=$app/${self##*/}.cfg
if [ ! -r "$cfg" ]; then
  echo "${self##*/}: $cfg is missing: reinstall the application" >&2
  exit 127
fi

options=()
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  # jpackage's placeholders; the replacement is quoted so that an "&" in a folder's name stays itself
  line=${line//\$APPDIR/"$app"}
  line=${line//\$BINDIR/"$bin"}
  line=${line//\$ROOTDIR/"$root"}
  case $line in
    app.classpath=*) classpath+=${classpath:+:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$cfg"

# lib/runtime/bin/tanik is a link to java: the process is then named tanik, as with jpackage's launcher.
exec "$root/lib/runtime/bin/tanik" "${options[@]}" "-Djpackage.app-path=$self" -cp "$classpath" "$main" "$@"
