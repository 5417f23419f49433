#!/usr/bin/env bash
# The ledger's speed (issue 15, item 7), side by side in one run, on H2 (a file database with the
# workstation's settings) and on the machine's PostgreSQL (127.0.0.1:5432, database test):
#   appending entries in the transactions that make them (1 and 100 to a transaction) against plain
#   JDBC inserts of rows of the same columns and sizes, committed in the same groups (goal >= 0.5x);
#   verify of SIZE entries against a plain JDBC read of the same columns (goal >= 0.5x);
#   inclusion and consistency proofs in a tree of SIZE entries (goal < 50 ms each).
# Each pair runs back to back in alternating rounds; the figure is the median of the per-round ratios.
# Usage: [SIZE=1000000] [ROUNDS=5] [PROOFS=60] bench/ledger.sh [work-dir]   (default target/bench-ledger; about 3 GB free)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/bench-ledger}
size=${SIZE:-1000000}
rounds=${ROUNDS:-5}
rm -rf "$work" && mkdir -p "$work"
mvn -q -o -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" >/dev/null
cp_java="target/test-classes:target/classes:$(cat "$work/classpath")"
echo "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2 " GiB"}') memory, $(df -h "$work" | awk 'NR==2 {print $1 " " $2}')"
for kind in h2 postgresql; do
  echo "== $kind: $size entries, $rounds rounds =="
  java -Xmx4g -cp "$cp_java" org.custodia.ledger.LedgerBenchmark "$kind" "$work/$kind" "$size" "$rounds" "${PROOFS:-60}" \
    2> >(grep -v -e '^SLF4J' -e 'WARN' >&2)
done
echo "(ratio = Custodia's rate / the baseline's rate, per round, above 1 faster than the baseline)"
rm -rf "$work"
