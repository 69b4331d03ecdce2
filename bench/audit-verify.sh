#!/usr/bin/env bash
# Benchmark: whole-log verification by a freshly started audit service, twice in a row, against
# the log bench/audit-log.sh left in vigil_bench (run that first). Separates the first run's JIT
# warm-up from the steady state.
#   bench/audit-verify.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="bench/results/audit-verify-$(date -u +%Y%m%dT%H%M%SZ).md"
source bench/stack.sh
VIGIL_DB_NAME=vigil_bench java -XX:+UseSerialGC -Xmx1g -jar audit-service/target/audit-service.jar \
  --server.port=18083 --vigil.audit.verify-interval=PT24H > bench/results/audit-verify-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs -o /dev/null http://localhost:18083/api/security/audit/checkpoint && break; sleep 1; done
{
  echo "# audit-verify, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1). Command: bench/audit-verify.sh"
  echo
  echo "| run | answer | seconds |"
  echo "|---|---|---:|"
  for run in first second; do
    start=$(date +%s.%N)
    answer=$(curl -fsS -X POST -H 'Content-Type: application/json' http://localhost:18083/api/security/audit/verify)
    echo "| $run | $answer | $(echo "$(date +%s.%N) - $start" | bc) |"
  done
} | tee "$OUT"
echo "results: $OUT"
