#!/usr/bin/env bash
# The fixity sweep's speed, in one run, on the same disk (issue 19):
#  (a) the sweep re-reading the store's files (past the page cache, SHA-256) vs `cat` of the same files to
#      /dev/null, each from a cold cache (sync; echo 3 > /proc/sys/vm/drop_caches; said below when refused);
#  (b) an import (500 files of 4 MB as one batch, eight at a time, as bench/store.sh's batch) alone vs the same
#      import while the sweep reads the store over and over in the same process (the server's case).
# Usage: [ROUNDS=5] [FILES=8] [FILE_MB=256] bench/fixity.sh [work-dir]   (default target/bench-fixity; ~6 GiB free)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/bench-fixity}
rm -rf "$work" && mkdir -p "$work/src/many" "$work/src/big"
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" >/dev/null
# the classes copied aside, so that a build in this checkout during the run does not pull them away
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
cp_java="$work/test-classes:$work/classes:$(cat "$work/classpath")"
run_java() { java -cp "$cp_java" org.custodia.storage.FixityBenchmark "$@"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
dropped=yes
settle() { sync; if ! echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then dropped=no; fi; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
f2() { printf '%.2f ' "$@"; }

files=${FILES:-8}; file_mb=${FILE_MB:-256}
echo "making $files files of $file_mb MB (the store to sweep) and 500 files of 4 MB (the import) in $work/src ..."
for i in $(seq 1 "$files"); do head -c $((file_mb * 1048576)) /dev/urandom > "$work/src/big/f$i.bin"; done
for i in $(seq 1 500); do head -c 4194304 /dev/urandom > "$work/src/many/f$i.bin"; done
run_java fill "$work/store" "$work"/src/big/*.bin
rm -rf "$work/src/big"
sync
stored=("$work"/store/bench/*/*/*/*)

rounds=${ROUNDS:-5}
r_cat=(); r_sweep=(); q_read=(); r_alone=(); r_beside=(); q_import=(); swept=()
cat_all() { settle; seconds cat "${stored[@]}"; }
sweep_all() { settle; run_java sweep "$work/store" | cut -d' ' -f1; }
import_alone() { rm -rf "$work/store/bench-import"; settle; run_java import "$work/store" "$work"/src/many/*.bin | cut -d' ' -f1; }
import_beside() { rm -rf "$work/store/bench-import"; settle; run_java import-beside "$work/store" "$work"/src/many/*.bin; }
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds ..."
  if (( round % 2 )); then a=$(cat_all); b=$(sweep_all); c=$(import_alone); read -r d s < <(import_beside)
  else b=$(sweep_all); a=$(cat_all); read -r d s < <(import_beside); c=$(import_alone); fi
  r_cat+=("$a"); r_sweep+=("$b"); r_alone+=("$c"); r_beside+=("$d"); swept+=("$s")
  q_read+=("$(echo "$a / $b" | bc -l)"); q_import+=("$(echo "$c / $d" | bc -l)")
done
mb=$((files * file_mb))
echo "rounds (s): cat $(f2 "${r_cat[@]}")| sweep $(f2 "${r_sweep[@]}")| import alone $(f2 "${r_alone[@]}")| beside the sweep $(f2 "${r_beside[@]}")"
echo "bytes the sweep read during each import beside it: ${swept[*]}"
echo "ratios per round: read $(f2 "${q_read[@]}")| import $(f2 "${q_import[@]}")"
t_cat=$(median "${r_cat[@]}"); t_sweep=$(median "${r_sweep[@]}")
printf '\n%-52s %9s %10s %8s\n' "$files x $file_mb MB, cold cache: $dropped (medians of $rounds)" "seconds" "MB/s" "ratio"
printf '%-52s %9.2f %10.1f %8s\n' "cat > /dev/null" "$t_cat" "$(echo "$mb / $t_cat" | bc -l)" "1.00"
printf '%-52s %9.2f %10.1f %8.2f\n' "fixity sweep (O_DIRECT where allowed, SHA-256)" "$t_sweep" "$(echo "$mb / $t_sweep" | bc -l)" "$(median "${q_read[@]}")"
t_alone=$(median "${r_alone[@]}"); t_beside=$(median "${r_beside[@]}")
printf '\n%-52s %9s %10s %8s\n' "import of 500 x 4 MB (medians of $rounds)" "seconds" "MB/s" "ratio"
printf '%-52s %9.2f %10.1f %8s\n' "alone" "$t_alone" "$(echo "2000 / $t_alone" | bc -l)" "1.00"
printf '%-52s %9.2f %10.1f %8.2f\n' "beside a running sweep" "$t_beside" "$(echo "2000 / $t_beside" | bc -l)" "$(median "${q_import[@]}")"
echo "(ratio = baseline time / measured time, the median of per-round ratios; cold cache: $dropped)"
rm -rf "$work"
