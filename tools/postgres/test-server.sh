#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests (Debian's postgresql package; installed first when we are root)
# and prints its connection string. The cluster lives in DIR (default /tmp/kannadakit-pg), listens on 127.0.0.1 only,
# on PORT (default 54329), trusts local connections, and is never the machine's own cluster.
#   tools/postgres/test-server.sh [DIR] [PORT]      → Host=127.0.0.1;Port=54329;Username=kannadakit;Database=kannadakit_test
#   tools/postgres/test-server.sh --stop [DIR]
set -euo pipefail
if [[ "${1:-}" == "--stop" ]]; then
  dir="${2:-/tmp/kannadakit-pg}"
  stop=1
else
  dir="${1:-/tmp/kannadakit-pg}"
  stop=0
fi
port="${2:-54329}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$bindir" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "tools/postgres/test-server.sh: installing postgresql" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } >&2
    bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "tools/postgres/test-server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ "$stop" == 1 ]]; then
  [[ -f "$dir/data/postmaster.pid" ]] && as "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
  exit 0
fi

if [[ ! -f "$dir/data/PG_VERSION" ]]; then
  mkdir -p "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
  as "$bindir/initdb" -D "$dir/data" -U kannadakit -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
fi
as "$bindir/psql" -h 127.0.0.1 -p "$port" -U kannadakit -d postgres -qtAc \
  "SELECT 1 FROM pg_database WHERE datname = 'kannadakit_test'" | grep -q 1 \
  || as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U kannadakit kannadakit_test
echo "Host=127.0.0.1;Port=$port;Username=kannadakit;Database=kannadakit_test"
