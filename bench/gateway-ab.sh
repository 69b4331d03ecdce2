#!/usr/bin/env bash
# A/B of the gateway's own cost: the audit-log read through the gateway, and a read the gateway
# denies (403, never proxied), at 200 req/s, with the shipped configuration and with tracing and
# automatic context propagation off. Starts and stops the dev stack once per configuration.
#   bench/gateway-ab.sh [rate] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-200}"
SECONDS_PER_RUN="${2:-20}"
mkdir -p bench/results
source <(sed -n '/^java_major()/,/^export JAVA_HOME/p' vigil)
./mvnw -q -Pquick package
run() {
  local label=$1; shift
  env "$@" VIGIL_JAVA_OPTS="-XX:+UseSerialGC -Xmx512m" java -Dvigil.home="$PWD" -jar devstack/target/devstack.jar \
    > "bench/results/devstack-$label.log" 2>&1 &
  local stack=$!
  for _ in $(seq 1 120); do grep -q '^ready in' "bench/results/devstack-$label.log" && break; sleep 1; done
  local token
  token=$(curl -fsS -u dev-auditor:dev-secret -d grant_type=client_credentials http://localhost:9000/oauth2/token \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  echo "### $label"
  java -jar bench/target/bench.jar --rates "$RATE" --seconds "$SECONDS_PER_RUN" --warmup 20 \
    --header "Authorization: Bearer $token" \
    "audit-read=http://localhost:8080/api/security/audit/logs?limit=10" \
    "denied-read=http://localhost:8080/api/security/health"
  kill -TERM "$stack"; wait "$stack" || true
}
{
  echo "# gateway A/B, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, command: bench/gateway-ab.sh $RATE $SECONDS_PER_RUN"
  run shipped
  run no-tracing MANAGEMENT_TRACING_ENABLED=false SPRING_REACTOR_CONTEXT_PROPAGATION=limited
} | tee "bench/results/gateway-ab-$(date -u +%Y%m%dT%H%M%SZ).md"
