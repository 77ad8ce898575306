# shellcheck shell=bash
# Helpers the whole-process benchmarks share (sourced by scripts/bench.sh and scripts/bench-peers.sh).
# shellcheck disable=SC2034 # measure's results are the caller's variables

# median: the median of the numbers on stdin, one a line.
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure TIMEOUT OUT CMD...: runs CMD once, stdout to OUT, stderr to OUT.err, killed after TIMEOUT
# seconds. Sets seconds (wall time), rss_kb (peak resident set of the largest process of the run: the
# kernel keeps no sum over a process tree) and status: "ok" (exit 0 or 1, findings), "timed out" or
# "exit N".
measure() {
  local limit=$1 out=$2 code
  shift 2
  code=0
  /usr/bin/time -o "$out.time" -f '%e %M' timeout -k 10 "$limit" "$@" >"$out" 2>"$out.err" || code=$?
  read -r seconds rss_kb < <(tail -n 1 "$out.time")
  case $code in
    0 | 1) status=ok ;;
    124 | 137) status="timed out" ;;
    *) status="exit $code" ;;
  esac
}
