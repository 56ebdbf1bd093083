#!/usr/bin/env bash
# A throw-away Prometheus server for the tests: Debian's prometheus binary, a temporary directory, a free loopback port,
# a 1-second scrape interval. Used by .ci/run and by developers who want the Prometheus tests locally.
#
#   eval "$(eng/prometheus.sh start [HOST:PORT ...])"   # prints export lines: AIGOV_PROMETHEUS (the HTTP API's base
#                                                      # address), AIGOV_PROMETHEUS_TARGETS, AIGOV_PROMETHEUS_DIR
#   eng/prometheus.sh stop "$AIGOV_PROMETHEUS_DIR"
#
# Scrape targets (their /metrics):
#   - static: the HOST:PORT arguments and the comma-separated AIGOV_PROMETHEUS_SCRAPE variable (job "static"), for
#     example a running GatedService sample;
#   - dynamic: every *.json file a test writes into AIGOV_PROMETHEUS_TARGETS (Prometheus file_sd format,
#     [{"targets":["127.0.0.1:5123"],"labels":{...}}], job "tests"), picked up within a second, so a test can start
#     its own host on a free port and have it scraped without restarting the server.
# Installs Debian's prometheus package when no binary is found and apt-get is available.
set -euo pipefail
# shellcheck source=eng/service-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"

find_bin() {
  local b
  for b in "${PROMETHEUS_BIN:-}" "$(command -v prometheus 2>/dev/null || true)" /usr/bin/prometheus; do
    [ -n "$b" ] && [ -x "$b" ] && { echo "$b"; return 0; }
  done
  return 1
}

# Asks /-/ready over bash's /dev/tcp (no curl needed); true once the server answers 200.
ready() (
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || exit 1
  printf 'GET /-/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  head -n 1 <&3 | grep -q ' 200 '
)

start() {
  local bin
  if ! bin=$(find_bin); then
    apt_install --no-install-recommends prometheus || return 1
    bin=$(find_bin) || { echo "prometheus binary not found" >&2; return 1; }
  fi
  local dir port static="" t
  dir=$(mktemp -d /tmp/aigov-prom.XXXXXX)
  mkdir -p "$dir/targets" "$dir/data"
  for t in "$@" $(echo "${AIGOV_PROMETHEUS_SCRAPE:-}" | tr ',' ' '); do
    [[ "$t" =~ ^[A-Za-z0-9._-]+:[0-9]+$ ]] || { echo "not a HOST:PORT scrape target: $t" >&2; rm -rf "$dir"; return 1; }
    static="$static${static:+, }'$t'"
  done
  cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: tests
    file_sd_configs:
      - files: ['$dir/targets/*.json']
        refresh_interval: 1s
  - job_name: static
    static_configs:
      - targets: [$static]
YAML
  port=$(free_port 29090 29999)
  nohup "$bin" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --storage.tsdb.retention.time=1d --log.level=warn \
    >"$dir/prometheus.log" 2>&1 </dev/null &
  echo $! >"$dir/prometheus.pid"
  local i
  for i in $(seq 1 120); do
    if ready "$port"; then
      echo "export AIGOV_PROMETHEUS_DIR='$dir'"
      echo "export AIGOV_PROMETHEUS='http://127.0.0.1:$port/'"
      echo "export AIGOV_PROMETHEUS_TARGETS='$dir/targets'"
      return 0
    fi
    kill -0 "$(cat "$dir/prometheus.pid")" 2>/dev/null || break
    sleep 0.5
  done
  cat "$dir/prometheus.log" >&2
  stop "$dir"
  echo "prometheus did not become ready" >&2
  return 1
}

stop() {
  local dir="${1:-${AIGOV_PROMETHEUS_DIR:-}}" pid i
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/prometheus.pid" ]; then
    pid=$(cat "$dir/prometheus.pid")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [HOST:PORT ...] | stop DIR" >&2; exit 2 ;;
esac
