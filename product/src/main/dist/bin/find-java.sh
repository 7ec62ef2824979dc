# Shared by bin/bmswb and the build's mvnw: prints the home of a JDK/JRE >= 21, or says what
# to install and fails. JAVA_HOME wins when it is new enough, then `java` on the PATH,
# then the newest under /usr/lib/jvm, /Library/Java/JavaVirtualMachines and ~/.sdkman.
bmswb_java_major() {
  bmswb_read_major "$1"
  echo "$bmswb_major"
}
# The same into $bmswb_major, without a subshell (each one a fork a short bmswb command waits for).
bmswb_read_major() {
  bmswb_major=
  # The JDK's release file answers without starting a JVM; old or odd layouts are asked directly.
  # Read by the shell itself: every command started here is time a short bmswb command waits for.
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=*)
          v=${line#JAVA_VERSION=}; v=${v#\"}; v=${v%%\"*}
          case "$v" in
            1.*) v=${v#1.}; bmswb_major=${v%%[!0-9]*}; return ;;
            [0-9]*) bmswb_major=${v%%[!0-9]*}; return ;;
          esac
          break ;;
      esac
    done < "$1/release"
  fi
  bmswb_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
}
bmswb_find_jdk() {
  bmswb_locate_jdk || return 1
  echo "$bmswb_jdk"
}
# The same into $bmswb_jdk and $bmswb_jdk_major, without subshells.
bmswb_locate_jdk() {
  need=${BMSWB_MIN_JAVA:-21}
  bmswb_jdk=""; bmswb_jdk_major=0
  # JAVA_HOME wins when it qualifies: then nothing else is looked at.
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    bmswb_read_major "$JAVA_HOME"
    if [ -n "$bmswb_major" ] && [ "$bmswb_major" -ge "$need" ]; then
      bmswb_jdk=$JAVA_HOME; bmswb_jdk_major=$bmswb_major; return 0
    fi
  fi
  nl='
'
  candidates=""
  # java on the PATH, found as `command -v` would, without its subshell.
  onpath=""
  old_ifs=$IFS; IFS=:
  for d in $PATH; do
    if [ -x "${d:-.}/java" ] && [ ! -d "${d:-.}/java" ]; then onpath=${d:-.}/java; break; fi
  done
  IFS=$old_ifs
  if [ -n "${onpath:-}" ]; then
    [ -h "$onpath" ] && onpath=$(readlink -f "$onpath" 2>/dev/null || echo "$onpath")
    onpath=${onpath%/*}
    candidates="${onpath%/*}"
  fi
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/java" ] && candidates="$candidates$nl$d"
  done
  old_ifs=$IFS; IFS=$nl
  for c in $candidates; do
    [ -x "$c/bin/java" ] || continue
    bmswb_read_major "$c"
    m=$bmswb_major
    [ -n "$m" ] || continue
    # The newest wins; between equals, the first (java on the PATH).
    if [ "$m" -ge "$need" ] && [ "$m" -gt "$bmswb_jdk_major" ]; then bmswb_jdk="$c"; bmswb_jdk_major=$m; fi
  done
  IFS=$old_ifs
  [ -n "$bmswb_jdk" ] && return 0
  echo "BMS Workbench needs Java $need or newer, and none was found (looked at JAVA_HOME, java on the PATH," >&2
  echo "/usr/lib/jvm, /Library/Java/JavaVirtualMachines and ~/.sdkman)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or from https://adoptium.net, or set JAVA_HOME to it." >&2
  return 1
}
