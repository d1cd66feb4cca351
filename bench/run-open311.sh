#!/usr/bin/env bash
# Open311 end-to-end figures against a running instance with the demo city (start it first, e.g.
#   mvn -q -o spring-boot:run -Dspring-boot.run.arguments="--server.port=8103 --swift.data-dir=/tmp/bench-open311"):
# creation through POST /open311/v2/requests.json vs the platform's own POST /api/v1/orders (baseline, same
# category and address), then reading: GET requests.xml of the newest 200 (with and without extensions), the
# FixMyStreet poll of 3 ids, vs GET /api/v1/orders?size=200 (baseline). Sequential curl calls, medians.
#
#   bench/run-open311.sh [base-url] [orders]      # default http://localhost:8103 200
set -euo pipefail
BASE="${1:-http://localhost:8103}"
N="${2:-200}"
KEY=$(curl -s -u admin:demo -H 'Content-Type: application/json' "$BASE/api/v1/open311/keys" \
  -d '{"label":"bench","channel":"APP","ratePerMinute":100000}' | sed -E 's/.*"apiKey":"([^"]+)".*/\1/')
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk '{printf "%.1f\n", $1*1000}'; }

t0=$(date +%s.%N)
for i in $(seq "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' "$BASE/open311/v2/requests.json" -d "api_key=$KEY" -d service_code=010102 \
    --data-urlencode "address_string=东城区东华门大街$i号" --data-urlencode "description=室温只有十五度 $i"
done | ms | median | xargs printf 'open311 POST requests.json   median %s ms'
t1=$(date +%s.%N); printf ' (%d in %.1f s)\n' "$N" "$(echo "$t1 - $t0" | bc)"
body='{"channel":"APP","requestType":"HELP","categoryCode":"010102","title":"温度不达标","description":"室温只有十五度","location":{"address":"东城区东华门大街1号"}}'
t0=$(date +%s.%N)
for i in $(seq "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' -u agent1:demo -H 'Content-Type: application/json' "$BASE/api/v1/orders" -d "$body"
done | ms | median | xargs printf 'baseline POST /api/v1/orders   median %s ms'
t1=$(date +%s.%N); printf ' (%d in %.1f s)\n' "$N" "$(echo "$t1 - $t0" | bc)"

IDS=$(curl -s "$BASE/open311/v2/requests.json?page_size=3" | grep -o '"service_request_id":"[0-9]*"' | grep -o '[0-9]*' | paste -sd,)
read_case() {
  local label="$1"; shift
  for i in $(seq 11); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | tail -10 | ms | median \
    | xargs printf "%-44s median %s ms\n" "$label"
}
read_case "open311 GET requests.xml page_size=200" "$BASE/open311/v2/requests.xml?page_size=200"
read_case "open311 GET requests.json page_size=200 ext" "$BASE/open311/v2/requests.json?page_size=200&extensions=true"
read_case "open311 GET requests.xml?service_request_id=a,b,c" "$BASE/open311/v2/requests.xml?service_request_id=$IDS"
read_case "baseline GET /api/v1/orders?size=200" -u analyst1:demo "$BASE/api/v1/orders?size=200"
