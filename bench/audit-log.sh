#!/usr/bin/env bash
# Benchmark: the audit log. Raw PostgreSQL batch inserts, append throughput through Kafka into the
# audit service, whole-log verification and proof latency, in one run. Starts the dev stack on a
# fresh database (vigil_bench), loads it, stops it.
#   bench/audit-log.sh [count]      e.g. bench/audit-log.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200000}"
OUT="bench/results/audit-log-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p bench/results
source <(sed -n '/^java_major()/,/^export JAVA_HOME/p' vigil)
./mvnw -q -Pquick package
psql -h 127.0.0.1 -U postgres -q -c 'drop database if exists vigil_bench with (force)' -c 'create database vigil_bench'
export VIGIL_JAVA_OPTS="-XX:+UseSerialGC -Xmx1g" VIGIL_DB_NAME=vigil_bench
java -Dvigil.home="$PWD" -jar devstack/target/devstack.jar > bench/results/devstack.log 2>&1 &
STACK=$!
trap 'kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q '^ready in' bench/results/devstack.log && break; sleep 1; done
grep -q '^ready in' bench/results/devstack.log || { cat bench/results/devstack.log; exit 1; }
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
