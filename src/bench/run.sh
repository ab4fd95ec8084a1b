#!/usr/bin/env bash
# The benchmark suite: every measurement side by side in one run, on loopback, against one emulator seeded with
# 10,000 imports (100 pages of 100) whose clock stands still, so every contestant sees the same imports. Not part
# of mvn verify; about half an hour on two cores with the native builds.
# One command: src/bench/run.sh [warm-up rounds] [measured rounds]
#   1. engine: a full scan keeping the Failed imports, in-process, against a bare java.net.http loop (the floor)
#      in the same JVM; the transport alone (our REST client against java.net.http), and with the retry guard
#      around each page against without it; the official Java SDK and
#      the official TypeScript SDK, each against the floor in its own process
#   2. function: overhead over a direct emulator call at 8 connections; then 200 connections of load and the
#      peak RSS, with the JVM options the container image ships (src/main/docker/Dockerfile.jvm)
#      The native executable the same way, with its start time (process start to its first answer) beside the JVM's
#   3. command line (src/bench/cli.py): the native executable, target/pinecone-imports on JDK 17 and 25, a plain
#      java.net.http program (PlainList) on each JDK, and Node with the TypeScript SDK, on a one-page and a 100-page
#      listing: wall time, CPU time, peak RSS; all print the same ids
#   4./5. Lambda: function.zip through a local Lambda Runtime API with the SAM template's JAVA_TOOL_OPTIONS: cold
#      start against a plain handler and the native function.zip, SnapStart priming, peak RSS over 300 invocations
#      (LambdaBench)
#   6. the native builds themselves: sizes, build time and peak memory (native-image's own build report)
# The natives are built first (GRAALVM_HOME, else ../shared/native/install-toolchain; NATIVES=reuse keeps the ones
# in target/). Writes src/bench/results/results.md, the charts, and the table between the bench markers in
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-5}
rounds=${2:-15}
key=pclocal-emulator-key
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=target/bench
rm -rf $out && mkdir -p $out/node
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
command -v node >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }

echo "building: the HTTP build with the launcher, the natives, the peers, the TypeScript SDK"
mvn -q -B package -DskipTests -DskipBindings >/dev/null
GRAALVM_HOME=${GRAALVM_HOME:-$(../shared/native/install-toolchain)}
export GRAALVM_HOME
if [ "${NATIVES:-build}" != reuse ]; then
  for binding in "" -Plambda -Pknative; do
    # shellcheck disable=SC2086
    JAVA_HOME=$GRAALVM_HOME mvn -q -B package -Dnative -Pnative-dirs -DskipTests $binding >/dev/null
  done
fi
native=$(ls target/native/pinecone-imports-*-runner)
# benchmark-only dependencies live under target/, never in a lock file
npm install --silent --no-save --no-package-lock --prefix $out/node @pinecone-database/pinecone@9.0.0 >/dev/null
cp src/bench/node/*.mjs $out/node/
mvn -q -B -f src/bench/java/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/peers.cp" >/dev/null
plain_cp="$(tr ':' '\n' <$out/peers.cp | grep -E 'jackson-(core|databind|annotations)' | paste -sd:):$out/peers/classes"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
target/pinecone-imports emulator --port 0 --port-file $out/emulator.port --imports 10000 \
    --start-time 2026-01-01T00:00:00Z --tick 1000d --for 3600s >$out/emulator.log 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do [ -s $out/emulator.port ] && break; sleep 0.2; done
host=127.0.0.1:$(cat $out/emulator.port)
export PINECONE_INDEX_HOST=http://$host PINECONE_API_KEY=$key

echo "1. engine ($warmup warm-up and $rounds measured rounds each)"
mvn -q -B -Pbench test -DskipBindings -Dbench.host=$host -Dbench.key=$key \
    -Dbench.warmup="$warmup" -Dbench.rounds="$rounds" >$out/engine.log 2>&1 || { tail -40 $out/engine.log; exit 1; }
java -cp "$(cat $out/peers.cp):$out/peers/classes" io.github.pineconeimports.bench.ScanPeers $host $key "$warmup" "$rounds" \
    2>/dev/null >$out/peers.tsv
(cd $out/node && node scan.mjs $host $key "$warmup" "$rounds") >$out/ts.tsv
cat $out/engine.tsv $out/transport.tsv $out/guard.tsv $out/peers.tsv $out/ts.tsv

echo "2. function: overhead at 8 connections, then RSS under 200 connections (the image's JVM options)"
opts=$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"/\1/p' src/main/docker/Dockerfile.jvm)
arena=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\(.*\)/\1/p' src/main/docker/Dockerfile.jvm)
echo "$opts" >$out/function-options.txt
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=$arena java $opts -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar target/quarkus-app/quarkus-run.jar \
    >$out/function.log 2>&1 &
fn=$!
pids+=($fn)
for _ in $(seq 1 150); do grep -qo 'Listening on: http://[0-9.:]*' $out/function.log && break; sleep 0.2; done
app=$(grep -o 'Listening on: http://[0-9.:]*' $out/function.log | sed 's/Listening on: //')
wrk -t1 -c8 -d5s "$app/listImports?status=Failed&limit=1" >/dev/null   # warm-up
wrk -t1 -c8 -d15s --latency "$app/listImports?status=Failed&limit=1" >$out/wrk-function.txt
wrk -t1 -c8 -d15s --latency -H "Api-Key: $key" "http://$host/bulk/imports?limit=100" >$out/wrk-direct.txt
wrk -t2 -c200 -d30s --timeout 10s --latency "$app/listImports?status=Failed&limit=100" >$out/wrk-load.txt
awk '/VmHWM/ {printf "%.0f\n", $2/1024}' /proc/$fn/status >$out/rss.txt
kill $fn

# milliseconds from a server's process start to its first answer of a listing, median of 5
first_answer() {
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N)
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=5181 "$@" >$out/start.log 2>&1 &
    p=$!
    for _ in $(seq 1 3000); do   # bounded: 15 s at the most
      curl -sf 'http://127.0.0.1:5181/listImports?status=Failed&limit=1' >/dev/null && break
      sleep 0.005
    done
    echo $(( ($(date +%s%N) - t0) / 1000000 ))
    kill $p; wait $p 2>/dev/null || true
  done | sort -n | sed -n 3p
}
printf 'jvm\t%s\nnative\t%s\n' "$(MALLOC_ARENA_MAX=$arena first_answer java $opts -jar target/quarkus-app/quarkus-run.jar)" \
  "$(first_answer "$native")" >$out/start.tsv
cat $out/start.tsv
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 "$native" >$out/native-function.log 2>&1 &
fn=$!
pids+=($fn)
for _ in $(seq 1 150); do grep -qo 'Listening on: http://[0-9.:]*' $out/native-function.log && break; sleep 0.2; done
app=$(grep -o 'Listening on: http://[0-9.:]*' $out/native-function.log | sed 's/Listening on: //')
wrk -t1 -c8 -d5s "$app/listImports?status=Failed&limit=1" >/dev/null   # warm-up
wrk -t1 -c8 -d15s --latency "$app/listImports?status=Failed&limit=1" >$out/wrk-native-function.txt
wrk -t1 -c8 -d15s --latency -H "Api-Key: $key" "http://$host/bulk/imports?limit=100" >$out/wrk-native-direct.txt
wrk -t2 -c200 -d30s --timeout 10s --latency "$app/listImports?status=Failed&limit=100" >$out/wrk-native-load.txt
awk '/VmHWM/ {printf "%.0f\n", $2/1024}' /proc/$fn/status >$out/rss-native.txt
kill $fn

echo "3. command line: medians of 11 interleaved runs each, one page and 100 pages"
jdk17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
contestants=("native=$native" "plain java.net.http, JDK 17:=$jdk17/bin/java -cp $plain_cp io.github.pineconeimports.bench.PlainList")
if [ -x $jdk25/bin/java ]; then
  contestants+=("JVM launcher, JDK 25:=env JAVA_HOME=$jdk25 target/pinecone-imports list --status Failed --output ids"
    "plain java.net.http, JDK 25:=$jdk25/bin/java -cp $plain_cp io.github.pineconeimports.bench.PlainList")
fi
python3 src/bench/cli.py --rounds 11 --tsv $out/cli.tsv "${contestants[@]}"

echo "4./5. Lambda through the local Runtime API (cold starts, priming, 300 invocations)"
mvn -q -B -Plambda,bench-lambda verify -Dbench.host=$host -Dbench.key=$key -Dbench.native-lambda="$PWD/target/lambda-native" \
    >$out/lambda.log 2>&1 || { tail -40 $out/lambda.log; exit 1; }
cp target/lambda/bench/lambda.tsv $out/lambda.tsv
cat $out/lambda.tsv

echo "6. the native builds: sizes, build time and memory"
for build in native lambda-native knative-native; do
  stats=$(ls target/$build/*-native-image-source-jar/*-build-output-stats.json)
  artifact=$(ls target/$build/pinecone-imports-*-runner)
  [ $build = lambda-native ] && artifact=target/$build/function.zip
  printf '%s\t%s\t%s\t%s\n' $build "$(stat -c %s "$artifact")" "$(basename "$artifact")" "$stats"
done >$out/natives.tsv
cat $out/natives.tsv

python3 src/bench/report.py "$out" "$(nproc)" "$(java -version 2>&1 | sed -n 1p)" "$(node --version)"
