#!/usr/bin/env bash
# The benchmark suite, side by side in one run on loopback, against the emulator seeded with 10,000 imports
# (100 pages of 100). Not part of mvn verify. About 5 minutes on two cores.
#   1. full scan keeping the Failed imports: our engine in-process, the official Java SDK 6.1.0, the official
#      TypeScript SDK 9.0.0 on Node, and a bare java.net.http page loop (the floor; measured in each JVM)
#   2. function overhead: GET /listImports?status=Failed&limit=1 (one upstream page) against GET /bulk/imports
#   3. the command line end to end against a Node script doing the same with the TypeScript SDK
#   4. peak RSS of the function under the load of (2) with -Xmx64m
# Writes src/bench/results/results.md and full-scan.svg, and the table between the bench markers in README.md.
# Usage: src/bench/run.sh [warmup rounds] [measured rounds]   (defaults 5 and 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-5}
rounds=${2:-15}
emu=5090
app=8097
key=pclocal-emulator-key
out=target/bench
mkdir -p $out
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
command -v node >/dev/null || { echo "Node.js is needed for the TypeScript SDK" >&2; exit 1; }

echo "building"
mvn -q -B package -DskipTests -DskipBindings >/dev/null
jar=target/quarkus-app/quarkus-run.jar
# SDKs are benchmark-only: installed under target/, never recorded in a lock file
npm install --silent --no-save --no-package-lock --prefix $out/node @pinecone-database/pinecone@9.0.0 >/dev/null
cp src/bench/node/*.mjs $out/node/
mvn -q -B -f src/bench/java/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/peers.cp" >/dev/null

if curl -s -o /dev/null "http://127.0.0.1:$emu/"; then echo "port $emu is taken: stop what listens there" >&2; exit 1; fi
java -jar $jar emulator --port $emu --imports 10000 --for 1200s >$out/emulator.log 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "emulator on" $out/emulator.log && break; sleep 0.2; done
grep -q "emulator on" $out/emulator.log || { cat $out/emulator.log; exit 1; }

echo "1. full scan ($warmup warm-up and $rounds measured rounds each)"
mvn -q -B -Pbench test -DskipBindings -Dbench.host=127.0.0.1:$emu -Dbench.key=$key \
    -Dbench.warmup="$warmup" -Dbench.rounds="$rounds" >$out/engine.log 2>&1 || { tail -40 $out/engine.log; exit 1; }
java -cp "$(cat $out/peers.cp):target/bench/peers/classes" io.github.pineconeimports.bench.ScanPeers 127.0.0.1:$emu $key "$warmup" "$rounds" 2>/dev/null >$out/peers.tsv
(cd $out/node && node scan.mjs 127.0.0.1:$emu $key "$warmup" "$rounds") >$out/ts.tsv
cat $out/engine.tsv $out/peers.tsv $out/ts.tsv

echo "2. function overhead, and 4. memory (-Xmx64m)"
PINECONE_INDEX_HOST=http://127.0.0.1:$emu PINECONE_API_KEY=$key \
    java -Xmx64m -Dquarkus.http.port=$app -jar $jar >$out/function.log 2>&1 &
fn=$!
pids+=($fn)
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$app/q/health/ready" && break; sleep 0.2; done
wrk -t1 -c8 -d5s "http://127.0.0.1:$app/listImports?status=Failed&limit=1" >/dev/null   # warm-up
wrk -t1 -c8 -d15s --latency "http://127.0.0.1:$app/listImports?status=Failed&limit=1" >$out/wrk-function.txt
wrk -t1 -c8 -d15s --latency -H "Api-Key: $key" "http://127.0.0.1:$emu/bulk/imports?limit=100" >$out/wrk-direct.txt
awk '/VmHWM/ {printf "%.0f\n", $2/1024}' /proc/$fn/status >$out/rss.txt
kill $fn

echo "3. command line end to end (median of 7 runs each)"
export PINECONE_INDEX_HOST=http://127.0.0.1:$emu PINECONE_API_KEY=$key
timed() { # label, command...
  local label=$1; shift
  "$@" >/dev/null 2>&1
  for _ in $(seq 1 7); do
    local t0=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 ))
  done | sort -n | sed -n 4p | { read -r ms; printf '%s\t%s\n' "$label" "$ms"; }
}
{
  timed "cli-jvm" java -jar $jar list --status Failed --output json
  timed "cli-jvm-c1" java -XX:TieredStopAtLevel=1 -jar $jar list --status Failed --output json
  timed "node-ts-sdk" node $out/node/list-failed.mjs
} >$out/cli.tsv
cat $out/cli.tsv

python3 src/bench/report.py "$out" "$(nproc)" "$(java -version 2>&1 | sed -n 1p)" "$(node --version)"
