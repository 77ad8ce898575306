#!/usr/bin/env bash
# Checks the distribution archive that `mvn package` writes, target/tfcheck-VERSION.tar.gz, as a
# user gets it: unpacked into a temporary directory, run through bin/tfcheck (also through a
# symlink), with the Java version check exercised by stand-in JDKs that say they are 11 and 8.
# Needs the archive built (scripts/test.sh runs mvn verify first); exits 1 on any failure.
#
#   scripts/test-dist.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
# shellcheck source=scripts/lib/checks.sh
. scripts/lib/checks.sh test-dist
# expect_equal WHAT EXPECTED ACTUAL
expect_equal() {
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/    /' >&2; fi
}

version=$(python3 -c 'import sys, xml.etree.ElementTree as t; print(t.parse("pom.xml").find("{http://maven.apache.org/POM/4.0.0}version").text)')
archive="target/tfcheck-$version.tar.gz"
if [ ! -f "$archive" ] || [ target/tfcheck.jar -nt "$archive" ]; then
  log "$archive is missing or older than target/tfcheck.jar: run mvn package first"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tfcheck-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
home="$work/tfcheck-$version"

# 1. What is in it: exactly the launcher, the jar, the README, the example plans and docs/.
expected=$( { printf '%s\n' bin/tfcheck lib/tfcheck.jar README.md examples/insecure.plan.json examples/wagtail.plan.json
              find docs -type f; } | LC_ALL=C sort)
actual=$(tar -tzf "$archive" | grep -v '/$' | sed "s|^tfcheck-$version/||" | LC_ALL=C sort)
expect_equal "the archive holds bin/, lib/, README.md, examples/ and docs/, nothing else" "$expected" "$actual"
if cmp -s "$home/lib/tfcheck.jar" target/tfcheck.jar; then pass "lib/tfcheck.jar is the shaded jar"
else fail "lib/tfcheck.jar differs from target/tfcheck.jar"; fi
if cmp -s "$home/examples/insecure.plan.json" fixtures/reference/insecure.plan.json \
   && cmp -s "$home/examples/wagtail.plan.json" fixtures/reference/wagtail.plan.json; then
  pass "examples/ are the reference plans"
else fail "examples/ differ from fixtures/reference/"; fi
if [ -x "$home/bin/tfcheck" ]; then pass "bin/tfcheck is executable"; else fail "bin/tfcheck is not executable"; fi
# No wall-clock time: every entry carries project.build.outputTimestamp (2026-01-01).
stamps=$(tar -tvzf "$archive" | awk '{print $4}' | sort -u)
expect_equal "every entry is dated by project.build.outputTimestamp, not the build's clock" "2026-01-01" "$stamps"

# 2. It runs: version, a failing and a passing plan, through a symlink from elsewhere on PATH.
mkdir -p "$work/path"
ln -s "$home/bin/tfcheck" "$work/path/tfcheck"
expect_equal "bin/tfcheck version" "tfcheck $version" "$("$home/bin/tfcheck" version 2>&1)"
# A relative symlink, through a second one: the launcher follows both to find its installation.
ln -s "${home##*/}/bin/tfcheck" "${home%/*}/tfcheck-relative"
ln -s "${home%/*}/tfcheck-relative" "$work/path/tfcheck-chained"
expect_equal "bin/tfcheck through a relative symlink, itself linked to" "tfcheck $version" \
  "$("$work/path/tfcheck-chained" version 2>&1)"

out=$(cd "$home" && PATH="$work/path:$PATH" tfcheck examples/insecure.plan.json 2>"$work/err"); code=$?
expect_equal "the insecure example exits 1 (findings), nothing on stderr" "1:" "$code:$(cat "$work/err")"
expect_equal "its report is the jar's, byte for byte" \
  "$(cd "$home" && java -jar "$root/target/tfcheck.jar" examples/insecure.plan.json)" "$out"
expect_equal "it FAILs exactly the rules fixtures/reference/insecure.expected-failures.txt lists" \
  "$(sed -n 's/^\(TFC-[A-Z0-9-]*\).*/\1/p' fixtures/reference/insecure.expected-failures.txt | LC_ALL=C sort -u)" \
  "$(printf '%s\n' "$out" | sed -n 's/^FAIL \(TFC-[A-Z0-9-]*\) .*/\1/p' | LC_ALL=C sort -u)"

out=$(cd "$home" && "$work/path/tfcheck" --fail-on HIGH examples/wagtail.plan.json 2>&1); code=$?
expect_equal "the wagtail example passes (exit 0, 0 failed)" "0: 0 failed" "$code: $(printf '%s\n' "$out" | tail -n 1 | cut -d, -f1)"

# 3. The Java check: a stand-in JDK that says it is Java 11, through JAVA_HOME (read from its
# release file) and through PATH (read from java -version); Java 8's 1.8 numbering; a JAVA_HOME
# without bin/java. Each is one line on stderr and exit 2, and no JVM is started.
fake_jdk() { # DIR VERSION [release]: a bin/java that prints VERSION the way java -version does
  mkdir -p "$1/bin"
  printf '#!/bin/sh\necho "openjdk version \\"%s\\" 2020-01-01" >&2\n' "$2" > "$1/bin/java"
  chmod +x "$1/bin/java"
  if [ "${3:-}" = release ]; then printf 'JAVA_VERSION="%s"\n' "$2" > "$1/release"; fi
}
fake_jdk "$work/jdk11" 11.0.2 release
fake_jdk "$work/jdk8" 1.8.0_402
run_launcher() { "$home/bin/tfcheck" version 2>&1; echo "exit $?"; }
expect_equal "JAVA_HOME at Java 11: one line, exit 2" \
  "tfcheck: $work/jdk11/bin/java is Java 11; tfcheck needs Java 17 or later (set JAVA_HOME)
exit 2" "$(JAVA_HOME="$work/jdk11" run_launcher)"
expect_equal "java 1.8 on PATH, no JAVA_HOME: one line, exit 2" \
  "tfcheck: $work/jdk8/bin/java is Java 8; tfcheck needs Java 17 or later (set JAVA_HOME)
exit 2" "$(unset JAVA_HOME; PATH="$work/jdk8/bin:$PATH" run_launcher)"
expect_equal "JAVA_HOME without bin/java: one line, exit 2" \
  "tfcheck: JAVA_HOME is $work, which has no bin/java: point it at a Java 17 or later
exit 2" "$(JAVA_HOME="$work" run_launcher)"

# Archives of installations that are gone are removed when an archive is made; others are kept.
cache="$work/cache-prune"
mkdir -p "$cache/tfcheck"
for name in gone kept; do
  printf 'archive\n' > "$cache/tfcheck/tfcheck-$name.jsa"
done
printf '%s\n' "$work/no-such-installation" > "$cache/tfcheck/tfcheck-gone.home"
printf '%s\n' "$home" > "$cache/tfcheck/tfcheck-kept.home"
XDG_CACHE_HOME="$cache" "$home/bin/tfcheck" version >/dev/null 2>&1
state() { if [ -e "$1" ]; then echo present; else echo absent; fi; }
expect_equal "an archive of a removed installation is removed with its record, one of a present installation kept" \
  "absent absent present present" \
  "$(for f in gone.jsa gone.home kept.jsa kept.home; do state "$cache/tfcheck/tfcheck-$f"; done | tr '\n' ' ' | sed 's/ $//')"
made=
for f in "$cache"/tfcheck/tfcheck-*.jsa "$cache"/tfcheck/tfcheck-*.aot; do
  [ -e "$f" ] && [ "${f##*/tfcheck-kept.}" = "$f" ] && made="$made$f"
done
expect_equal "the new archive records its installation beside it" \
  "$home" "$(cat "${made%.*}.home" 2>/dev/null)"

# Every Java 17 or later installed here runs it (CI's matrix covers the rest), keeping tfcheck's
# classes in the user's cache: an AOT cache from Java 25 on, a class-data-sharing archive before;
# with it, the report is the jar's and stderr stays empty.
expected=$(cd "$home" && java -jar "$root/target/tfcheck.jar" examples/insecure.plan.json)
for jdk in /usr/lib/jvm/*/; do
  [ -x "$jdk/bin/java" ] && [ -f "$jdk/release" ] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
  [ "${major:-0}" -ge 17 ] || continue
  cache="$work/cache-$major"
  expect_equal "runs on ${jdk%/} (Java $major)" "tfcheck $version" \
    "$(XDG_CACHE_HOME="$cache" JAVA_HOME="${jdk%/}" "$home/bin/tfcheck" version 2>&1)"
  kind=jsa
  [ "$major" -ge 25 ] && kind=aot
  if compgen -G "$cache/tfcheck/tfcheck-*.$kind" >/dev/null; then pass "Java $major: the classes are kept in a .$kind"
  else fail "Java $major: no .$kind in $cache/tfcheck"; fi
  out=$(cd "$home" && XDG_CACHE_HOME="$cache" JAVA_HOME="${jdk%/}" bin/tfcheck examples/insecure.plan.json 2>"$work/err")
  expect_equal "Java $major with its .$kind: the jar's report, nothing on stderr" "$expected" "$out$(cat "$work/err")"
  # The archive is only as good as what it holds: every class a check loads from the jar comes from
  # it (picocli's and ASM's too, whose Java 5 class files the build rewrites: src/build/ClassFileUpgrade.java).
  from_jar=$(cd "$home" && XDG_CACHE_HOME="$cache" JAVA_HOME="${jdk%/}" TFCHECK_JAVA_OPTS=-Xlog:class+load=info:stdout \
    bin/tfcheck examples/insecure.plan.json 2>/dev/null | sed -n 's/.*\] \([^ ]*\) source: file:.*/\1/p')
  expect_equal "Java $major with its .$kind: no class of a check is loaded from the jar" "" "$from_jar"
done

checks_summary
