#!/usr/bin/env bash
# Issue 20: how long `java -jar target/custodia.jar import …` takes from its launch to its first byte copied,
# with the head start (the folder copied into the store's staging area while the application starts) against
# the application started first (-Dcustodia.import.head-start=false, as before), in alternating rounds. Each
# run imports the same folder into its own copy of a prepared data directory (database made, device registered).
# The command prints the moment of its first byte (-Dcustodia.import.report-first-byte=true).
# Usage: [ROUNDS=5] bench/cli-start.sh [work-dir]   (builds target/custodia.jar if missing; default target/bench-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/bench-cli}")
agency=zhanhe-health; device=BENCH-START-1
rm -rf "$work" && mkdir -p "$work/card/DCIM/100MEDIA"
[ -f target/custodia.jar ] || mvn -o -q -DskipTests package
# The device is registered by a source-file program on the jar's own classes (bench/CliStartDevice.java).
mkdir -p "$work/jar" && (cd "$work/jar" && unzip -q "$OLDPWD/target/custodia.jar")
java -cp "$work/jar/BOOT-INF/classes:$work/jar/BOOT-INF/lib/*" bench/CliStartDevice.java \
  "$work/template" "$agency" "$device" >"$work/register.log" 2>&1 || { cat "$work/register.log" >&2; exit 1; }
for i in $(seq 1 20); do head -c 8388608 /dev/urandom > "$work/card/DCIM/100MEDIA/REC_$i.MP4"; done
sync

# Prints the milliseconds from launch to the first byte copied, and the whole run's.
first_byte() {
  local mode=$1 data="$work/data-$RANDOM$RANDOM" out start first end
  cp -a "$work/template" "$data"
  out=$(mktemp)
  start=$(date +%s%3N)
  java -Dcustodia.import.report-first-byte=true -Dcustodia.import.head-start="$mode" -jar target/custodia.jar import \
    "$work/card/DCIM" --agency "$agency" --device "$device" --quiet "--custodia.data-dir=$data" \
    "--custodia.ingest.import-roots.$agency=$work/card" >"$out" 2>&1
  end=$(date +%s%3N)
  first=$(sed -n 's/^first byte copied at \([0-9]*\) ms$/\1/p' "$out")
  grep -q "20 files: 20 stored" "$out" || { cat "$out" >&2; exit 1; }
  rm -rf "$data" "$out"
  echo "$((first - start)) $((end - start))"
}
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
rounds=${ROUNDS:-5}
new=(); old=(); new_all=(); old_all=(); ratios=()
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then read -r n na < <(first_byte true); read -r o oa < <(first_byte false)
  else read -r o oa < <(first_byte false); read -r n na < <(first_byte true); fi
  echo "round $round: head start ${n} ms to the first byte (${na} ms in all) | application first ${o} ms (${oa} ms in all)"
  new+=("$n"); old+=("$o"); new_all+=("$na"); old_all+=("$oa"); ratios+=("$(echo "$o / $n" | bc -l)")
done
printf '\nlaunch to first byte, median of %d rounds: head start %d ms, application first %d ms; ratio %.1f (median of per-round ratios)\n' \
  "$rounds" "$(median "${new[@]}")" "$(median "${old[@]}")" "$(median "${ratios[@]}")"
printf 'whole import of 20 files of 8 MB: head start %d ms, application first %d ms\n' \
  "$(median "${new_all[@]}")" "$(median "${old_all[@]}")"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
