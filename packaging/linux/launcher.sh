#!/bin/bash
# Tanik's quick launcher on Linux, lib/tanik in the app image (packaging/package.sh puts it there); the
# .deb's tanik command and menu entry start it. jpackage's launcher (bin/tanik) asks the package
# managers which package owns it (rpm -qf, then dpkg -S, which reads every installed package's file
# list) twice on every start, to find a library of its own: on Debian that is 0.1 to 0.2 s of every
# command and of the first window (issue 19). This starts the image's runtime directly, with what
# jpackage's launcher would give it: the JVM options of the configuration jpackage wrote
# (lib/app/NAME.cfg, NAME being this file's name) in their order, then -Djpackage.app-path naming
# bin/NAME, the class path and the main class. Nothing else is read: the configuration holds the
# security options (no heap dump, no attach, …).

# As with jpackage's launcher, the environment adds no JVM options of its own (java would read this one).
unset JDK_JAVA_OPTIONS CDPATH

# This file's real path: /usr/bin/tanik is a link to /opt/tanik/lib/tanik. readlink is named by its
# path (PATH may lack coreutils), and only needed for a link: a folder's real path needs no command.
self=$0
case $self in */*) ;; *) self=./$self ;; esac
if [ -L "$self" ]; then
  readlink=/usr/bin/readlink
  [ -x "$readlink" ] || readlink=/bin/readlink
  self=$("$readlink" -f -- "$self") || exit 127
fi
here=$(cd -P -- "${self%/*}" && pwd -P) || exit 127
name=${self##*/}
root=${here%/*}
app=$root/lib/app
cfg=$app/$name.cfg
if [ ! -r "$cfg" ]; then
  echo "$name: $cfg is missing: reinstall the application" >&2
  exit 127
fi

options=()
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  # jpackage's placeholders; the replacement is quoted so that an "&" in a folder's name stays itself
  line=${line//\$APPDIR/"$app"}
  line=${line//\$BINDIR/"$root/bin"}
  line=${line//\$ROOTDIR/"$root"}
  case $line in
    app.classpath=*) classpath+=${classpath:+:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$cfg"

# jpackage.app-path names bin/NAME, jpackage's launcher beside this one's folder: the app looks beside
# it for the portable-mode marker and starts it again in portable mode, whichever launcher started it.
# lib/runtime/bin/NAME is a copy of java: the process is then named NAME, as with jpackage's launcher.
exec "$root/lib/runtime/bin/$name" "${options[@]}" "-Djpackage.app-path=$root/bin/$name" -cp "$classpath" "$main" "$@"
