#!/usr/bin/env bash
# A/B of the gateway's own cost: the audit-log read through the gateway, and a read the gateway
# denies (403, never proxied), at 200 req/s, with the shipped configuration and with tracing and
# automatic context propagation off. Starts and stops the dev stack once per configuration.
#   bench/gateway-ab.sh [rate] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-200}"
SECONDS_PER_RUN="${2:-20}"
source bench/stack.sh
run() {
  local label=$1
  shift
  start_stack "bench/results/devstack-$label.log" "$@"
  local token
  token=$(dev_token dev-auditor)
  echo "### $label"
  java -jar bench/target/bench.jar --rates "$RATE" --seconds "$SECONDS_PER_RUN" --warmup 20 \
    --header "Authorization: Bearer $token" \
    "audit-read=http://localhost:8080/api/security/audit/logs?limit=10" \
    "denied-read=http://localhost:8080/api/security/health"
  stop_stack
}
{
  echo "# gateway A/B, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, command: bench/gateway-ab.sh $RATE $SECONDS_PER_RUN"
  run shipped
  run no-tracing MANAGEMENT_TRACING_ENABLED=false SPRING_REACTOR_CONTEXT_PROPAGATION=limited
} | tee "bench/results/gateway-ab-$(date -u +%Y%m%dT%H%M%SZ).md"
