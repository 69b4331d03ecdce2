#!/usr/bin/env bash
# Benchmark: Alertmanager webhook ingestion with deduplication, through the gateway with the
# static token; then the time from a health check's target failing to its incident. Starts the dev
# stack on a fresh database (vigil_bench), loads it, stops it.
#   bench/incident-alerts.sh [alerts]      e.g. bench/incident-alerts.sh 20000
set -euo pipefail
cd "$(dirname "$0")/.."
ALERTS="${1:-20000}"
OUT="bench/results/incident-alerts-$(date -u +%Y%m%dT%H%M%SZ).md"
TOKEN="bench-alertmanager-token-$(date +%s)-0123456789abcdef"
source bench/stack.sh
psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists vigil_bench with (force)' -c 'create database vigil_bench'
start_stack bench/results/devstack.log VIGIL_JAVA_OPTS="-XX:+UseSerialGC -Xmx512m" VIGIL_DB_NAME=vigil_bench \
  VIGIL_ALERTMANAGER_TOKEN="$TOKEN"
KAFKA=$(sed -n 's/^Kafka (KRaft, in process) on //p' bench/results/devstack.log)
{
  echo "# incident-alerts, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1). Command: bench/incident-alerts.sh $ALERTS"
  echo
  java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.AlertBench \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    http://localhost:8080 "$TOKEN" "$(dev_token dev-sre)" "$ALERTS" http://localhost:8082
  echo
  java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.BreachBench \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    http://localhost:8080 "$(dev_token dev-admin)" "$KAFKA" 5
} | tee "$OUT"
echo "results: $OUT"
