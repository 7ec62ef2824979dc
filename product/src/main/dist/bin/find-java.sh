# Shared by bin/bmswb and the build's mvnw: prints the home of a JDK/JRE >= 21, or says what
# to install and fails. JAVA_HOME wins when it is new enough, then `java` on the PATH,
# then the newest under /usr/lib/jvm, /Library/Java/JavaVirtualMachines and ~/.sdkman.
bmswb_java_major() {
  # The JDK's release file answers without starting a JVM; old or odd layouts are asked directly.
  # Read by the shell itself: every command started here is time a short bmswb command waits for.
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=*)
          v=${line#JAVA_VERSION=}; v=${v#\"}; v=${v%%\"*}
          case "$v" in
            1.*) v=${v#1.}; echo "${v%%[!0-9]*}"; return ;;
            [0-9]*) echo "${v%%[!0-9]*}"; return ;;
          esac
          break ;;
      esac
    done < "$1/release"
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
bmswb_find_jdk() {
  need=${BMSWB_MIN_JAVA:-21}
  nl='
'
  candidates=""
  [ -n "${JAVA_HOME:-}" ] && candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    onpath=$(command -v java)
    onpath=$(readlink -f "$onpath" 2>/dev/null || echo "$onpath")
    onpath=${onpath%/*}
    candidates="$candidates$nl${onpath%/*}"
  fi
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/java" ] && candidates="$candidates$nl$d"
  done
  best=""; best_major=0
  old_ifs=$IFS; IFS=$nl
  for c in $candidates; do
    [ -x "$c/bin/java" ] || continue
    m=$(bmswb_java_major "$c")
    [ -n "$m" ] || continue
    if [ "$m" -ge "$need" ]; then
      # JAVA_HOME wins when it qualifies; otherwise take the newest.
      if [ -n "${JAVA_HOME:-}" ] && [ "$c" = "$JAVA_HOME" ]; then IFS=$old_ifs; echo "$c"; return 0; fi
      if [ "$m" -gt "$best_major" ]; then best="$c"; best_major=$m; fi
    fi
  done
  IFS=$old_ifs
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  echo "BMS Workbench needs Java $need or newer, and none was found (looked at JAVA_HOME, java on the PATH," >&2
  echo "/usr/lib/jvm, /Library/Java/JavaVirtualMachines and ~/.sdkman)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or from https://adoptium.net, or set JAVA_HOME to it." >&2
  return 1
}
