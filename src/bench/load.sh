#!/usr/bin/env bash
# Bounded load on loopback: 200 concurrent connections for 30 s (then it stops by itself) against
#   GET /listImports?status=Failed&limit=100
# served by the packaged HTTP build with its emulator behind it (each call reads the emulator over loopback).
# Reports throughput, latency, errors and the function's peak RSS (VmHWM). Not part of mvn verify.
# Usage: src/bench/load.sh   (HEAP=-Xmx64m src/bench/load.sh to cap the heap)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=8095
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
mvn -q -B package -DskipTests -DskipBindings >/dev/null

java ${HEAP:--Xmx128m} -Dquarkus.profile=emulator -Dquarkus.http.port=$port \
    -jar target/quarkus-app/quarkus-run.jar >target/load-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done

url="http://127.0.0.1:$port/listImports?status=Failed&limit=100"
wrk -t2 -c50 -d5s "$url" >/dev/null                      # warm-up
wrk -t2 -c200 -d30s --timeout 10s --latency "$url" | tee target/load.txt
echo "peak RSS of the function: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$app/status) (heap ${HEAP:--Xmx128m})"
errors=$(grep -E 'Non-2xx|Socket errors' target/load.txt || true)
echo "errors: ${errors:-none}"
