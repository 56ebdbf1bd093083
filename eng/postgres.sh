#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: Debian's server binaries, a temporary data directory, a free
# loopback port, trust authentication. Used by .ci/run and by developers who want the PostgreSQL tests locally.
#
#   eval "$(eng/postgres.sh start)"   # prints export lines: AIGOV_POSTGRES (Npgsql connection string), AIGOV_PG_DIR
#   eng/postgres.sh stop "$AIGOV_PG_DIR"
#
# Installs Debian's postgresql package when no server binaries are found and apt-get is available.
set -euo pipefail
# shellcheck source=eng/service-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

# Runs a server command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    apt_install postgresql || return 1
    bin=$(find_bin) || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
  fi
  local dir port
  dir=$(mktemp -d /tmp/aigov-pg.XXXXXX)
  port=$(free_port 25432 25999)
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  echo "export AIGOV_PG_DIR='$dir'"
  echo "export AIGOV_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true'"
}

stop() {
  local dir="${1:-${AIGOV_PG_DIR:-}}" bin
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if bin=$(find_bin) && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
