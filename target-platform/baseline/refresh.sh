#!/bin/sh
# Takes the API baseline that bnd's baseline plugin checks exported package versions against.
#
#   target-platform/baseline/refresh.sh [GIT-REF]      (default: main)
#
# Builds GIT-REF in a temporary git worktree (offline, no tests, nothing installed into ~/.m2) and
# copies every bundle jar that exports a package into this folder, a file-based Maven repository,
# as org.bmsworkbench:ARTIFACT:0.1.0-Mn. Each refresh takes the next n and writes it into the root
# pom's bnd.baseline.version: a Maven release never changes, so a machine that cached Mn-1 in
# ~/.m2 fetches Mn afresh. Commit the result (this folder and pom.xml): from then on
# `./mvnw verify` fails when an exported package changed since GIT-REF without the version bump
# semantic versioning asks for.
set -eu
ref=${1:-main}
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
old=$(sed -n 's:.*<bnd.baseline.version>\(.*\)</bnd.baseline.version>.*:\1:p' "$root/pom.xml")
case $old in
    0.1.0-M[0-9]*) version=0.1.0-M$(( ${old#0.1.0-M} + 1 )) ;;
    *) echo "refresh.sh: <bnd.baseline.version> in $root/pom.xml is '$old', not 0.1.0-Mn" >&2; exit 1 ;;
esac
commit=$(git -C "$root" rev-parse --verify "$ref^{commit}") || { echo "refresh.sh: no commit '$ref'" >&2; exit 1; }
tree=$(mktemp -d "${TMPDIR:-/tmp}/bmswb-baseline.XXXXXX")
cleanup() { git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"; }
trap cleanup EXIT INT TERM
git -C "$root" worktree add --detach --quiet "$tree" "$commit"
modules=$(cd "$tree" && ls -d bundles/*/ | sed 's:/$::' | tr '\n' ',' | sed 's/,$//')
# The baseline's own check is off here: it would look for the baseline being made.
(cd "$tree" && ./mvnw -o -B -q package -DskipTests -Dbnd.baseline.skip=true -pl "$modules" -am)
rm -rf "$here/org"
sed -i "s:<bnd.baseline.version>$old</bnd.baseline.version>:<bnd.baseline.version>$version</bnd.baseline.version>:" "$root/pom.xml"
count=0
for jar in "$tree"/bundles/*/target/*.jar; do
    case $jar in *-sources.jar|*-tests.jar|*-javadoc.jar) continue ;; esac
    unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Export-Package:' || continue
    artifact=$(basename "$(dirname "$(dirname "$jar")")")
    dir="$here/org/bmsworkbench/$artifact/$version"
    mkdir -p "$dir"
    cp "$jar" "$dir/$artifact-$version.jar"
    cat > "$dir/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.bmsworkbench</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <description>API baseline of $artifact, built from commit $commit</description>
</project>
POM
    # the checksums Maven's resolver validates when it copies them into ~/.m2
    for f in "$dir/$artifact-$version.jar" "$dir/$artifact-$version.pom"; do
        sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
    done
    count=$((count + 1))
done
echo "$commit" > "$here/COMMIT"
echo "refresh.sh: $count bundles of $ref ($commit) as $version in $here"
