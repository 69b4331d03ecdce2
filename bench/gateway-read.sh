#!/usr/bin/env bash
# Benchmark: an authorized read through the gateway against the same read sent straight to the
# service, in one run, at fixed arrival rates (open loop). Starts the dev stack, loads it, stops it.
#   bench/gateway-read.sh [rates] [seconds]      e.g. bench/gateway-read.sh 200,500,1000 30
set -euo pipefail
cd "$(dirname "$0")/.."
RATES="${1:-200,500,1000}"
SECONDS_PER_RUN="${2:-30}"
OUT="bench/results/gateway-read-$(date -u +%Y%m%dT%H%M%SZ).md"
source bench/stack.sh
start_stack bench/results/devstack.log
TOKEN=$(dev_token dev-auditor)
# Something to read: a page of ten entries.
for i in $(seq 1 10); do
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d "{\"action\":\"bench.seed\",\"resource\":\"/bench/$i\"}" http://localhost:8083/api/security/audit/logs
done

{
  echo "# gateway-read, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)."
  echo "Command: bench/gateway-read.sh $RATES $SECONDS_PER_RUN"
  echo
  java -jar bench/target/bench.jar --rates "$RATES" --seconds "$SECONDS_PER_RUN" --warmup 15 \
    --header "Authorization: Bearer $TOKEN" \
    "gateway=http://localhost:8080/api/security/audit/logs?limit=10" \
    "direct=http://localhost:8083/api/security/audit/logs?limit=10"
} | tee "$OUT"
echo "results: $OUT"
