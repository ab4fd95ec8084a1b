#!/usr/bin/env bash
# Start-up of the command line, side by side in one run: wall time of
#   pinecone-imports list --status Failed --output json
# against the standalone emulator on loopback, for the JVM as shipped and with the start-up aids a JVM offers:
# C1 only (-XX:TieredStopAtLevel=1), AppCDS (JDK 17), and the AOT cache (JDK 25, when installed).
# Usage: src/bench/cli-startup.sh [runs]   (default 10; prints medians and ratios to the plain JVM)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
port=5099
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
app=target/quarkus-app

mvn -q -B package -DskipTests -DskipBindings -Dquarkus.package.jar.appcds.enabled=true >/dev/null
test -f $app/app-cds.jsa || { echo "no AppCDS archive was built" >&2; exit 1; }

java -jar $app/quarkus-run.jar emulator --port $port --for 600s >/dev/null 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null -H 'Api-Key: pclocal-emulator-key' "http://127.0.0.1:$port/bulk/imports?limit=1" && break; sleep 0.2; done

export PINECONE_INDEX_HOST=http://127.0.0.1:$port PINECONE_API_KEY=pclocal-emulator-key
args=(list --status Failed --output json)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # label, command...
  local label=$1; shift
  "$@" "${args[@]}" >/dev/null 2>&1 # warm the file cache
  for _ in $(seq 1 "$runs"); do
    local t0=$(date +%s%N)
    "$@" "${args[@]}" >/dev/null 2>&1
    echo $(( ($(date +%s%N) - t0) / 1000000 ))
  done | median | { read -r ms; printf '%s\t%s\n' "$label" "$ms"; }
}

results=$(
  measure "JVM 17 as shipped" java -jar $app/quarkus-run.jar
  measure "JVM 17, C1 only" java -XX:TieredStopAtLevel=1 -jar $app/quarkus-run.jar
  measure "JVM 17, AppCDS" java -XX:SharedArchiveFile=$app/app-cds.jsa -Xshare:auto -jar $app/quarkus-run.jar
  measure "JVM 17, AppCDS + C1" java -XX:SharedArchiveFile=$app/app-cds.jsa -XX:TieredStopAtLevel=1 -jar $app/quarkus-run.jar
  if [ -x "$jdk25/bin/java" ]; then
    "$jdk25/bin/java" -XX:AOTCacheOutput=target/cli.aot -jar $app/quarkus-run.jar "${args[@]}" >/dev/null 2>&1
    measure "JVM 25 as shipped" "$jdk25/bin/java" -jar $app/quarkus-run.jar
    measure "JVM 25, AOT cache" "$jdk25/bin/java" -XX:AOTCache=target/cli.aot -jar $app/quarkus-run.jar
    measure "JVM 25, AOT cache + C1" "$jdk25/bin/java" -XX:AOTCache=target/cli.aot -XX:TieredStopAtLevel=1 -jar $app/quarkus-run.jar
  fi
)
base=$(echo "$results" | head -1 | cut -f2)
echo "median wall time of '${args[*]}' over $runs runs, $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
echo "$results" | awk -F'\t' -v base="$base" '{printf "%-26s %6d ms  %.2fx\n", $1, $2, $2/base}'
