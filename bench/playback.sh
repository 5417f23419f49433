#!/usr/bin/env bash
# Playback against nginx, side by side in one run (issue 7's figure): one 1 GiB recording served in
# random 1 MiB byte ranges to 16 concurrent clients (wrk, loopback), by Custodia's
# /api/v1/recordings/{id}/content (signed-in officer, his approved access request checked, viewing and
# register line recorded) and by nginx
# (sendfile on, access log off) serving the very same stored file. Both from the page cache, both
# warmed, with Custodia's background work (SM3, proxies) done or off.
# Usage: bench/playback.sh [work-dir] [seconds]   (installs nginx-light and wrk when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/bench-playback}")
seconds=${2:-20}
port=18080; nginx_port=18081
command -v nginx >/dev/null && command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light wrk; }
[ -f target/custodia.jar ] || mvn -q -DskipTests package
rm -rf "$work" && mkdir -p "$work/card"
head -c 1073741824 /dev/urandom > "$work/card/big.mp4"

echo "starting Custodia (demo data) on :$port ..."
CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Bench-Pass-2026-x java -jar target/custodia.jar --custodia.demo=true \
  --custodia.data-dir="$work/data" --server.port=$port --custodia.media.work-schedule=false \
  --custodia.ingest.import-roots.zhanhe-health="$work/card" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true' EXIT
# The demo users are made after the server answers: wait for their password to be printed.
until grep -q 'demo password:' "$work/server.log"; do kill -0 $server || { tail -20 "$work/server.log"; exit 1; }; sleep 1; done
demo=$(grep -o 'demo password: [^ ]*' "$work/server.log" | awk '{print $3}')
token() { curl -s -X POST -u "zhanhe-health.$1:$demo" "http://127.0.0.1:$port/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
custodian=$(token custodian); officer=$(token officer)
api() { curl -s -H "Authorization: Bearer $1" "${@:2}"; }
officer_id=$(api "$officer" "http://127.0.0.1:$port/api/v1/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
device=$(api "$custodian" "http://127.0.0.1:$port/api/v1/devices?agency=zhanhe-health" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d["items"] if isinstance(d, dict) else d; print(d[0]["number"])')
recording=$(api "$custodian" -X POST -H 'Content-Type: application/json' \
  -d "{\"folder\":\"$work/card\",\"device\":\"$device\",\"officerId\":\"$officer_id\"}" \
  "http://127.0.0.1:$port/api/v1/recordings/import" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d["outcomes"] if isinstance(d, dict) else d; print(d[0]["recordingId"])')
key=$(api "$officer" "http://127.0.0.1:$port/api/v1/recordings/$recording" | python3 -c 'import json,sys; print(json.load(sys.stdin)["recording"]["blobKey"])')
stored="$work/data/store/$key"
echo "recording $recording stored as $stored"
# Watching needs an approved access request (issue 18): the officer asks, the chief approves; every range
# request below is then checked against that approval.
request=$(api "$officer" -X POST -H 'Content-Type: application/json' \
  -d "{\"recordings\":[\"$recording\"],\"requesterKind\":\"other-staff\",\"reason\":\"bench\",\"actions\":[\"WATCH\"]}" \
  "http://127.0.0.1:$port/api/v1/access-requests" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
chief=$(token chief)
state=$(api "$chief" -X POST -H 'Content-Type: application/json' -d '{"approved":true}' \
  "http://127.0.0.1:$port/api/v1/access-requests/$request/decision" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
[ "$state" = APPROVED ] || { echo "the access request was not approved: $state"; exit 1; }
# Timing starts once the background SM3 pass over the new file is done (proxies are off in this run).
for _ in $(seq 180); do
  [ "$(api "$officer" "http://127.0.0.1:$port/api/v1/recordings/$recording" | python3 -c 'import json,sys; print(json.load(sys.stdin)["recording"].get("sm3") is not None)')" = True ] && break
  sleep 1
done

cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  server { listen 127.0.0.1:$nginx_port; root $work/data/store; location / { } }
}
CONF
nginx -c "$work/nginx.conf"
cat > "$work/ranges.lua" <<'LUA'
math.randomseed(7)
local size, chunk = 1073741824, 1048576
request = function()
  local start = math.random(0, size / chunk - 1) * chunk
  wrk.headers["Range"] = "bytes=" .. start .. "-" .. (start + chunk - 1)
  return wrk.format("GET")
end
LUA
cat "$stored" > /dev/null
# Both must answer a range correctly before they are timed.
check() { local answer; answer=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -r 0-1048575 "$@");
  [ "$answer" = "206 1048576" ] || { echo "expected 206 and 1 MiB from $*, got $answer"; exit 1; }; }
check "http://127.0.0.1:$nginx_port/$key"
check -H "Authorization: Bearer $officer" "http://127.0.0.1:$port/api/v1/recordings/$recording/content"
rate() { wrk -t2 -c16 -d"${seconds}s" -s "$work/ranges.lua" "$@" | tee -a "$work/wrk.log" | awk '/Transfer\/sec/ {v=$2; u=substr(v, length(v)-1); n=substr(v, 1, length(v)-2); if (u=="GB") n*=1024; if (u=="KB") n/=1024; print n}'; }
# The JVM compiles its hot paths in its first thousands of requests: both servers are warmed before timing.
wrk -t2 -c16 -d15s -s "$work/ranges.lua" -H "Authorization: Bearer $officer" "http://127.0.0.1:$port/api/v1/recordings/$recording/content" > /dev/null
wrk -t2 -c16 -d5s -s "$work/ranges.lua" "http://127.0.0.1:$nginx_port/$key" > /dev/null
r_nginx=(); r_custodia=()
for round in 1 2 3 4 5; do
  r_nginx+=("$(rate "http://127.0.0.1:$nginx_port/$key")")
  r_custodia+=("$(rate -H "Authorization: Bearer $officer" "http://127.0.0.1:$port/api/v1/recordings/$recording/content")")
  echo "round $round: nginx ${r_nginx[-1]} MB/s, custodia ${r_custodia[-1]} MB/s"
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
m_nginx=$(median "${r_nginx[@]}"); m_custodia=$(median "${r_custodia[@]}")
printf '\n1 GiB recording, random 1 MiB ranges, 16 clients, %ss per round (median of 5, after warming both)\n' "$seconds"
printf '%-40s %10.1f MB/s %6s\n' "nginx (sendfile)" "$m_nginx" "1.00"
printf '%-40s %10.1f MB/s %6.2f\n' "Custodia /content (rights, viewing)" "$m_custodia" "$(echo "$m_custodia / $m_nginx" | bc -l)"
