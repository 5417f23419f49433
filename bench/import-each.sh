#!/usr/bin/env bash
# Issue 20: the import commits each file on its own (so that a kill keeps what was recorded) instead of one
# batch for all; does it copy as fast? 500 files of 4 MB, eight at a time, in alternating rounds:
#   cp -r + sync (the baseline) | one batch, durable together (before) | a batch per file, committed in its thread (now)
# Usage: [ROUNDS=5] bench/import-each.sh [work-dir]   (default target/bench-each; needs about 6 GiB free)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/bench-each}
rm -rf "$work" && mkdir -p "$work/src/many"
mvn -o -q -DskipTests test-compile
# The libraries from the jar (the dependency plugin may not be at hand offline).
[ -f target/custodia.jar ] || mvn -o -q -DskipTests package
mkdir -p "$work/jar" && (cd "$work/jar" && unzip -q "$OLDPWD/target/custodia.jar" 'BOOT-INF/lib/*')
cp_java="target/test-classes:target/classes:$work/jar/BOOT-INF/lib/*"
run_java() { java -cp "$cp_java" org.custodia.storage.StoreBenchmark "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
settle() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
clean() { rm -rf "$work"/many-copy "$work"/store*; }

for i in $(seq 1 500); do head -c 4194304 /dev/urandom > "$work/src/many/f$i.bin"; done
sync
rounds=${ROUNDS:-5}
r_cp=(); r_batch=(); r_each=(); q_batch=(); q_each=()
cpr() { clean; settle; seconds bash -c "cp -r '$work/src/many' '$work/many-copy' && sync"; }
batch() { clean; settle; run_java put "$work/store-batch" "$work"/src/many/*.bin; }
each() { clean; settle; run_java each "$work/store-each" "$work"/src/many/*.bin; }
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds ..."
  if (( round % 2 )); then a=$(cpr); b=$(batch); c=$(each); else c=$(each); b=$(batch); a=$(cpr); fi
  r_cp+=("$a"); r_batch+=("$b"); r_each+=("$c")
  q_batch+=("$(echo "$a / $b" | bc -l)"); q_each+=("$(echo "$b / $c" | bc -l)")
done
f2() { printf '%.2f ' "$@"; }
echo "rounds (s): cp -r+sync $(f2 "${r_cp[@]}")| one batch $(f2 "${r_batch[@]}")| batch per file $(f2 "${r_each[@]}")"
echo "per round: batch vs cp -r $(f2 "${q_batch[@]}")| per file vs batch $(f2 "${q_each[@]}")"
printf '\n%-44s %9s %8s\n' "500 files of 4 MB (medians of $rounds rounds)" "seconds" "MB/s"
for row in "cp -r + sync:${r_cp[*]}" "one batch (before):${r_batch[*]}" "a batch per file (now):${r_each[*]}"; do
  name=${row%%:*}; t=$(median ${row#*:})
  printf '%-44s %9.2f %8.1f\n' "$name" "$t" "$(echo "2000 / $t" | bc -l)"
done
printf '\nper file vs one batch, median of the per-round ratios (above 1: faster): %.2f\n' "$(median "${q_each[@]}")"
clean; rm -rf "$work/src"
