#!/usr/bin/env bash
# Benchmark: the audit log. Raw PostgreSQL batch inserts, append throughput through Kafka into the
# audit service, whole-log verification and proof latency, in one run. Starts the dev stack on a
# fresh database (vigil_bench), loads it, stops it.
#   bench/audit-log.sh [count]      e.g. bench/audit-log.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200000}"
OUT="bench/results/audit-log-$(date -u +%Y%m%dT%H%M%SZ).md"
source bench/stack.sh
psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists vigil_bench with (force)' -c 'create database vigil_bench'
start_stack bench/results/devstack.log VIGIL_JAVA_OPTS="-XX:+UseSerialGC -Xmx1g" VIGIL_DB_NAME=vigil_bench
KAFKA=$(sed -n 's/^Kafka (KRaft, in process) on //p' bench/results/devstack.log)
{
  echo "# audit-log, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1). Command: bench/audit-log.sh $COUNT"
  echo
  java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.AuditBench \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    "$KAFKA" http://localhost:8083 jdbc:postgresql://127.0.0.1:5432/vigil_bench "$COUNT"
} | tee "$OUT"
echo "results: $OUT"
