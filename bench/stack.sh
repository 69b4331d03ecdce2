# Sourced by the benchmark scripts: selects the JDK, builds what is missing, and starts and stops
# the dev stack. Run from the repository root.
source <(sed -n '/^java_major()/,/^export JAVA_HOME/p' vigil)
./mvnw -q -Pquick package
mkdir -p bench/results

STACK=""
trap stop_stack EXIT

# start_stack LOG [NAME=value ...]: the dev stack, by default with the JIT at full strength (unlike
# the quick-start dev default), its output in LOG; returns once it is ready, exits if it is not.
start_stack() {
  local log=$1
  shift
  env VIGIL_JAVA_OPTS="-XX:+UseSerialGC -Xmx512m" "$@" java -Dvigil.home="$PWD" -jar devstack/target/devstack.jar \
    > "$log" 2>&1 &
  STACK=$!
  for _ in $(seq 1 120); do
    grep -q '^ready in' "$log" && return 0
    sleep 1
  done
  cat "$log"
  exit 1
}

stop_stack() {
  if [ -n "$STACK" ]; then
    kill -TERM "$STACK" 2>/dev/null || true
    wait "$STACK" 2>/dev/null || true
    STACK=""
  fi
}

# dev_token CLIENT: an access token of a dev client (client-credentials grant).
dev_token() {
  curl -fsS -u "$1:dev-secret" -d grant_type=client_credentials http://localhost:9000/oauth2/token \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
