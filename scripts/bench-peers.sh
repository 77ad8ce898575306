#!/usr/bin/env bash
# tfcheck beside its peers, whole processes on the same machine in one run: for each input plan,
# several fresh runs of each tool, their median wall time and peak RSS, and tfcheck's ratio to each.
#
#   floor            a JVM that parses the plan with Jackson (tfcheck's mapper) and exits
#                    (src/bench/java/dev/tfcheck/bench/JacksonFloor.java)
#   tfcheck          every built-in rule
#   tfcheck-subset   --only the rules of bench/rules.txt
#   conftest         bench/conftest/policy: the same rules in Rego on the raw plan
#   checkov          -f PLAN --framework terraform_plan --check <the same rules' CKV IDs>
#
# tfcheck runs as users run it: bin/tfcheck of the distribution archive (target/tfcheck-*.tar.gz,
# built when missing), unpacked into target/bench/dist, its class-data-sharing archive made once
# before the runs; --at REV builds the archive of a commit (git archive, offline Maven) into
# target/bench/rev-REV and measures that, --archive FILE a given archive, --tfcheck ./tfcheck the
# checkout's launcher. Every tool reads
# the same uncompressed JSON (conftest and checkov cannot read .gz), and each writes its usual
# report to a file. Runs take turns across the tools, so that a change in the machine's load falls
# on all of them. Peers come from scripts/install-tools.sh (conftest, checkov).
#
# Inputs: reference (fixtures/reference/wagtail.plan.json), 1k and 10k (../shared/corpus/reference,
# real Terraform output), 100k (scripts/generate-plan.py, deterministic), and 50x: 50 copies of the
# reference plan in one tfcheck invocation, against one.
#
#   scripts/bench-peers.sh [--runs N] [--timeout S] [--tools LIST] [--inputs LIST]
#                          [--at REV | --archive FILE | --tfcheck CMD]
#   scripts/bench-peers.sh --print-checkov-ids
#
#   --runs N        runs of each tool on each input (default 5); a tool whose first run on an input
#                   takes over 60 s runs 3 times, over 300 s once
#   --timeout S     a run is killed after S seconds and recorded "timed out" (default 900)
#   --tools LIST    comma-separated, default floor,tfcheck,tfcheck-subset,conftest,checkov
#   --inputs LIST   comma-separated, default reference,1k,10k,100k,50x
#
# Prints a Markdown table (also in target/bench/peers/table.md); every run is in
# target/bench/peers/runs.tsv, each tool's last output in target/bench/peers/out/. The load average
# before each run is recorded: the machine's other work slows every tool, so read the load column.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
export PATH="$root/.tools/bin:$PATH"

runs=5
limit=900
tools=floor,tfcheck,tfcheck-subset,conftest,checkov
inputs=reference,1k,10k,100k,50x
tfcheck_cmd=
archive=
rev=
bench=$root/target/bench
work=$bench/peers
corpus=$root/../shared/corpus/reference
[ -d "$corpus" ] || corpus=$root/fixtures/shared-reference

die() { echo "bench-peers: $*" >&2; exit 2; }
log() { echo "bench-peers: $*" >&2; }

subset=$(grep -v '^#' bench/rules.txt | paste -sd, -)

# checkov_ids: the CKV IDs that the subset's METADATA lists under controls.checkov.
checkov_ids() {
  java -jar "$jar" rules --format json | jq -r --arg only "$subset" \
    '($only | split(",")) as $ids | [.[] | select(.id as $i | $ids | index($i)) | .controls.checkov // [] | .[]] | unique | join(",")'
}

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --inputs) inputs=$2; shift 2 ;;
    --tfcheck) tfcheck_cmd=$2; shift 2 ;;
    --archive) archive=$(realpath "$2"); shift 2 ;;
    --at) rev=$(git rev-parse --short "$2^{commit}"); shift 2 ;;
    --print-checkov-ids) jar=target/tfcheck.jar; [ -f "$jar" ] || ./tfcheck version >/dev/null; checkov_ids; exit 0 ;;
    *) die "unknown argument: $1 (see the comment at the top of $0)" ;;
  esac
done
IFS=, read -r -a tools <<< "$tools"
IFS=, read -r -a inputs <<< "$inputs"
for t in "${tools[@]}"; do
  case $t in
    floor | tfcheck | tfcheck-subset) ;;
    conftest | checkov) command -v "$t" >/dev/null || die "$t is not installed: scripts/install-tools.sh $t" ;;
    *) die "unknown tool: $t" ;;
  esac
done
command -v jq >/dev/null || die "jq is required"

# tfcheck: the distribution's launcher, unpacked afresh when the archive changed.
newest_archive() { find "$1" -maxdepth 1 -name 'tfcheck-*.tar.gz' -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d ' ' -f 2; }
if [ -n "$rev" ]; then
  src=$bench/rev-$rev
  if [ -z "$(newest_archive "$src/target" 2>/dev/null)" ]; then
    log "building $rev in $src"
    rm -rf "$src" && mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
    [ -x .tools/bin/opa ] || scripts/install-tools.sh opa
    (cd "$src" && OPA=$root/.tools/bin/opa mvn -q -B -o -Dstyle.color=never -DskipTests package >build.log 2>&1) \
      || { tail -n 20 "$src/build.log" >&2; die "the build of $rev failed (its log: $src/build.log)"; }
  fi
  archive=$(newest_archive "$src/target")
fi
if [ -z "$tfcheck_cmd" ]; then
  [ -n "$archive" ] || archive=$(newest_archive target)
  if [ -z "$archive" ]; then
    log "building the distribution archive"
    mvn -q -B -o -Dstyle.color=never -DskipTests package >&2
    archive=$(newest_archive target)
  elif [ -z "$rev" ] && [ -n "$(find src/main policies pom.xml -newer "$archive" -print -quit)" ]; then
    log "warning: $archive is older than the sources; mvn package measures them"
  fi
  dist=$bench/dist
  if [ ! -f "$dist/.archive" ] || [ "$archive" -nt "$dist/.archive" ] || [ "$(cat "$dist/.archive")" != "$archive" ]; then
    # The class-data-sharing archive and the floor were made for the jar this one replaces.
    rm -rf "$dist" "$bench/cache" "$bench/floor" && mkdir -p "$dist"
    tar -xzf "$archive" -C "$dist" --strip-components=1
    echo "$archive" > "$dist/.archive"
  fi
  tfcheck_cmd=$dist/bin/tfcheck
  jar=$dist/lib/tfcheck.jar
  export XDG_CACHE_HOME=$bench/cache
  tfcheck_label="bin/tfcheck of $(basename "$archive")"
else
  jar=target/tfcheck.jar
  tfcheck_label=$tfcheck_cmd
fi
"$tfcheck_cmd" version >/dev/null  # builds what it builds (jar, CDS archive) before any timed run
[ -f "$jar" ] || die "no $jar"

# The floor, compiled against the jar tfcheck runs (its Jackson and its mapper).
floor=$bench/floor
if [ ! -f "$floor/dev/tfcheck/bench/JacksonFloor.class" ] || [ src/bench/java/dev/tfcheck/bench/JacksonFloor.java -nt "$floor/dev/tfcheck/bench/JacksonFloor.class" ] || [ "$jar" -nt "$floor/dev/tfcheck/bench/JacksonFloor.class" ]; then
  mkdir -p "$floor"
  javac -d "$floor" -cp "$jar" src/bench/java/dev/tfcheck/bench/JacksonFloor.java
fi

checks=$(checkov_ids)

# The inputs, uncompressed, in target/bench/inputs (made once; the 100k plan is deterministic).
mkdir -p "$bench/inputs" "$work/out"
input_file() {
  local name=$1 file=$bench/inputs/$1.json
  case $name in
    reference) file=$bench/inputs/reference.json; [ -f "$file" ] || cp fixtures/reference/wagtail.plan.json "$file" ;;
    1k | 10k) [ -f "$file" ] || gzip -dc "$corpus/plan-$name.json.gz" > "$file" ;;
    100k)
      if [ ! -f "$file" ] || [ scripts/generate-plan.py -nt "$file" ]; then
        log "generating $file"
        python3 scripts/generate-plan.py 100000 "$file"
      fi ;;
    50x)
      file=$bench/inputs/50x
      if [ ! -d "$file" ]; then
        mkdir -p "$file"
        for i in $(seq -w 1 50); do cp fixtures/reference/wagtail.plan.json "$file/wagtail-$i.plan.json"; done
      fi ;;
    *) die "unknown input: $name" ;;
  esac
  printf '%s\n' "$file"
}

resources() {  # resource changes in a plan file (cached beside it)
  local file=$1
  [ -f "$file.count" ] && [ "$file.count" -nt "$file" ] || python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["resource_changes"]))' "$file" > "$file.count"
  cat "$file.count"
}

# command_for TOOL FILE: the command line, in the array cmd.
command_for() {
  local tool=$1 file=$2 files=("$2")
  [ -d "$file" ] && files=("$file"/*.json)
  case $tool in
    floor) cmd=(java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -cp "$floor:$jar" dev.tfcheck.bench.JacksonFloor "${files[@]}") ;;
    tfcheck) cmd=("$tfcheck_cmd" check "${files[@]}") ;;
    tfcheck-subset) cmd=("$tfcheck_cmd" check --only "$subset" "${files[@]}") ;;
    conftest) cmd=(conftest test --no-color -p bench/conftest/policy "${files[@]}") ;;
    checkov) cmd=(checkov -f "${files[@]}" --framework terraform_plan --check "$checks" --quiet --compact --skip-download) ;;
  esac
}

# said TOOL OUT: the tool's own summary of its run, to show that it did the work.
said() {
  case $1 in
    floor) tail -n 1 "$2" | sed 's/^.*: //' ;;
    tfcheck*) tail -n 1 "$2" | sed 's/ (.*//' ;;
    conftest) tail -n 1 "$2" | grep -o '[0-9]* failures' || true ;;
    checkov) grep -o 'Failed checks: [0-9]*' "$2" | awk '{n += $3} END {print n " failed checks"}' ;;
  esac
}

printf 'input\ttool\trun\tload\tseconds\trss_kb\tstatus\n' > "$work/runs.tsv"
declare -A planned summary
for input in "${inputs[@]}"; do
  file=$(input_file "$input")
  # 50 plans are tfcheck's own case: one JVM and one compiled policy for all of them.
  input_tools=("${tools[@]}")
  [ "$input" = 50x ] && input_tools=(tfcheck)
  if [ -d "$file" ]; then cat "$file"/*.json >/dev/null; else cat "$file" >/dev/null; fi  # in the page cache
  for tool in "${input_tools[@]}"; do planned[$tool]=$runs; done
  log "$input: $(date -u +%H:%M:%S) load $(cut -d ' ' -f 1-3 /proc/loadavg)"
  for run in $(seq "$runs"); do
    for tool in "${input_tools[@]}"; do
      [ "$run" -le "${planned[$tool]}" ] || continue
      command_for "$tool" "$file"
      load=$(cut -d ' ' -f 1 /proc/loadavg)
      measure "$limit" "$work/out/$tool-$input.txt" "${cmd[@]}"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$input" "$tool" "$run" "$load" "$seconds" "$rss_kb" "$status" >> "$work/runs.tsv"
      log "$input $tool run $run: $seconds s, $((rss_kb / 1024)) MB, $status (load $load)"
      if [ "$status" != ok ]; then planned[$tool]=$run; continue; fi
      if [ "$run" -eq 1 ]; then
        if awk -v s="$seconds" 'BEGIN {exit !(s > 300)}'; then planned[$tool]=1
        elif awk -v s="$seconds" 'BEGIN {exit !(s > 60)}'; then planned[$tool]=$((runs < 3 ? runs : 3)); fi
      fi
    done
  done
  for tool in "${input_tools[@]}"; do summary[$input/$tool]=$(said "$tool" "$work/out/$tool-$input.txt"); done
done

# The table: medians over the successful runs; a tool with none shows what stopped it.
stat() {  # stat INPUT TOOL COLUMN: the median of a column over the tool's good runs on the input
  awk -F '\t' -v i="$1" -v t="$2" -v c="$3" '$1 == i && $2 == t && $7 == "ok" {print $c}' "$work/runs.tsv" | median
}
failure() {
  awk -F '\t' -v i="$1" -v t="$2" -v s="$limit" '$1 == i && $2 == t && $7 != "ok" {print ($7 == "timed out" ? "timed out (> " s " s)" : $7); exit}' "$work/runs.tsv"
}
ratio() {
  if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; else printf '–'; fi
}
good_runs() { awk -F '\t' -v i="$1" -v t="$2" '$1 == i && $2 == t && $7 == "ok"' "$work/runs.tsv" | wc -l; }

{
  echo "| input | resource changes | tool | runs | median s | peak RSS MB | tfcheck-subset ÷ tool | tfcheck ÷ tool | load | said |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|"
  for input in "${inputs[@]}"; do
    file=$(input_file "$input")
    if [ -d "$file" ]; then n="50 × $(resources "$(input_file reference)")"; else n=$(resources "$file"); fi
    sub=$(stat "$input" tfcheck-subset 5) all=$(stat "$input" tfcheck 5)
    input_tools=("${tools[@]}")
    [ "$input" = 50x ] && input_tools=(tfcheck)
    for tool in "${input_tools[@]}"; do
      t=$(stat "$input" "$tool" 5) m=$(stat "$input" "$tool" 6) l=$(stat "$input" "$tool" 4)
      if [ -n "$t" ]; then
        printf '| %s | %s | %s | %s | %.2f | %.0f | %s | %s | %.1f | %s |\n' "$input" "$n" "$tool" "$(good_runs "$input" "$tool")" \
          "$t" "$(awk -v k="$m" 'BEGIN {print k / 1024}')" "$(ratio "$sub" "$t")" "$(ratio "$all" "$t")" "$l" "${summary[$input/$tool]}"
      else
        printf '| %s | %s | %s | 0 | %s | | | | | |\n' "$input" "$n" "$tool" "$(failure "$input" "$tool")"
      fi
    done
  done
  echo
  one=$(stat reference tfcheck 5) fifty=$(stat 50x tfcheck 5)
  [ -n "$one" ] && [ -n "$fifty" ] && echo "- 50 plans in one invocation: $fifty s, $(ratio "$fifty" "$one") × one plan ($one s)."
  for tool in tfcheck tfcheck-subset; do
    small=$(stat 1k "$tool" 5) big=$(stat 100k "$tool" 5)
    if [ -n "$small" ] && [ -n "$big" ]; then
      awk -v a="$small" -v na="$(resources "$bench/inputs/1k.json")" -v b="$big" -v nb="$(resources "$bench/inputs/100k.json")" -v t="$tool" \
        'BEGIN {printf "- %s, cost per resource from 1k to 100k: %.2f ms to %.2f ms, %.2f×.\n", t, 1000 * a / na, 1000 * b / nb, (b / nb) / (a / na)}'
    fi
  done
  if [ -n "$rev" ]; then built="built from commit $rev"
  else built="checkout at $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src/main policies pom.xml || echo ', with uncommitted changes')"; fi
  echo "- tfcheck: $tfcheck_label ($(sha256sum "$jar" | cut -c 1-12) lib/tfcheck.jar, $built)."
  echo "- tfcheck-subset and conftest: $(tr ',' ' ' <<< "$subset"); checkov: $(tr ',' ' ' <<< "$checks")."
} | tee "$work/table.md"
