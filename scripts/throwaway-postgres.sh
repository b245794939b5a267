# Sourced (not run) by .ci/run and scripts/test-on-postgres: starts a throw-away
# PostgreSQL cluster for the storage tests and exports STPETERS_TEST_POSTGRES_URL; the
# cluster is stopped and its folder removed when the calling shell exits. As root it
# installs Debian's postgresql package when missing.
# A throw-away PostgreSQL cluster, so the storage tests also run against a real server
# (issue 18): Debian's package, a cluster under a temporary folder owned by a non-root
# user (PostgreSQL refuses to run as root), a Unix socket only, stopped at the end.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing PostgreSQL (Debian's postgresql package)"
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/stpeters-ci-pg.XXXXXX)
  pg_port=55432
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
  fi
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U desk -E UTF8 >"$pg_dir/initdb.log" 2>&1
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses= -c fsync=off" start >/dev/null
  trap stop_pg EXIT
  as_pg "$pg_bin/psql" -q -h "$pg_dir" -p "$pg_port" -U desk -d postgres \
    -c "CREATE DATABASE desk_test"
  export STPETERS_TEST_POSTGRES_URL="postgresql://desk@/desk_test?host=$pg_dir&port=$pg_port"
  echo "== $("$pg_bin/postgres" --version) for the storage tests, in $pg_dir"
else
  echo "== no PostgreSQL here: the storage tests run on SQLite only"
fi
