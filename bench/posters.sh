#!/usr/bin/env bash
# Poster frames and metadata of a one-hour 1080p recording (issue 7's figure: under 2 s; seek, never
# decode the whole file), side by side in one run with the FFmpeg command-line tools doing the same
# work (ffprobe for the facts; ffmpeg -ss … -frames:v 1 for the poster and each of the ten strip
# frames). Each measurement starts from a cold page cache. The recording is made here: 23 s of
# 1080p25 H.264 (4 Mb/s, a key frame every 2 s, as body cameras write) with AAC sound, repeated by
# stream copy to 3611 s.
# Usage: bench/posters.sh [work-dir]   (installs libpulse0, which the bundled ffmpeg tools need)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/bench-posters}")
rm -rf "$work" && mkdir -p "$work/tools"
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" >/dev/null
cp_java="target/test-classes:target/classes:$(cat "$work/classpath")"
# FFmpeg as bundled with JavaCV (the product's own libraries), unpacked for the command-line baseline.
native_jar=$(tr ':' '\n' < "$work/classpath" | grep -E 'ffmpeg-[0-9.]+-[0-9.]+-linux-x86_64\.jar$')
(cd "$work/tools" && unzip -q -o "$native_jar" 'org/bytedeco/ffmpeg/linux-x86_64/*')
tools="$work/tools/org/bytedeco/ffmpeg/linux-x86_64"
chmod +x "$tools/ffmpeg" "$tools/ffprobe"
export LD_LIBRARY_PATH="$tools"
"$tools/ffprobe" -version >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libpulse0 >/dev/null; }
ffmpeg() { "$tools/ffmpeg" -hide_banner -loglevel error -y "$@"; }

echo "making a one-hour 1080p recording in $work ..."
ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 23 \
  -c:v libopenh264 -b:v 4M -g 50 -c:a aac -b:a 64k "$work/segment.mp4"
for _ in $(seq 157); do echo "file 'segment.mp4'"; done > "$work/list.txt"
ffmpeg -f concat -safe 0 -i "$work/list.txt" -c copy "$work/hour.mp4"
duration=$("$tools/ffprobe" -v error -show_entries format=duration -of csv=p=0 "$work/hour.mp4")
echo "$(du -h "$work/hour.mp4" | cut -f1) , ${duration} s"

settle() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
command_line() {
  "$tools/ffprobe" -v error -show_format -show_streams "$work/hour.mp4" > /dev/null
  ffmpeg -ss 1 -i "$work/hour.mp4" -frames:v 1 -vf scale=640:-2 "$work/cli/poster.jpg"
  for i in $(seq 0 9); do
    ffmpeg -ss "$(echo "($i + 0.5) * $duration / 10" | bc -l)" -i "$work/hour.mp4" -frames:v 1 -vf scale=192:-2 "$work/cli/$i.jpg"
  done
}
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
r_facts=(); r_poster=(); r_strip=(); r_custodia=(); r_cli=()
for round in 1 2 3; do
  rm -rf "$work/run" "$work/cli" && mkdir -p "$work/cli"; settle
  out=$(java -cp "$cp_java" org.custodia.media.PosterBenchmark "$work/segment.mp4" "$work/hour.mp4" "$work/run")
  facts=$(awk '/^facts/ {print $2}' <<<"$out"); poster=$(awk '/^poster/ {print $2}' <<<"$out"); strip=$(awk '/^strip/ {print $2}' <<<"$out")
  r_facts+=("$facts"); r_poster+=("$poster"); r_strip+=("$strip"); r_custodia+=("$(echo "$facts + $poster + $strip" | bc -l)")
  settle; r_cli+=("$(seconds command_line)")
  echo "round $round: Custodia facts $facts s, poster $poster s, strip $strip s | command line $(printf '%.3f' "${r_cli[-1]}") s"
done
t_custodia=$(median "${r_custodia[@]}"); t_cli=$(median "${r_cli[@]}")
printf '\none-hour 1080p H.264 recording (%s s), cold page cache, median of 3\n' "$duration"
printf '%-58s %8.3f s\n' "Custodia facts (metadata)" "$(median "${r_facts[@]}")"
printf '%-58s %8.3f s\n' "Custodia poster frame" "$(median "${r_poster[@]}")"
printf '%-58s %8.3f s\n' "Custodia strip of 10 seek frames" "$(median "${r_strip[@]}")"
printf '%-58s %8.3f s   goal < 2 s\n' "Custodia, all three" "$t_custodia"
printf '%-58s %8.3f s   Custodia %.2fx faster\n' "ffprobe + 11 x ffmpeg -ss -frames:v 1 (frame-exact seeks)" "$t_cli" "$(echo "$t_cli / $t_custodia" | bc -l)"
