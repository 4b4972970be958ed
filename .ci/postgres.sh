# Sourced by .ci/run and `make bench`: start_test_postgres starts a throwaway local
# PostgreSQL server (stopped and deleted when the shell exits) and exports its URL as
# $PROVENANCE_TEST_POSTGRES. Returns non-zero, changing nothing else, when PostgreSQL
# is not installed or the server does not start.

start_test_postgres() {
    local pg_port  # pg_bin and pg_dir stay global: the EXIT trap needs them
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || return 1
    pg_dir=$(mktemp -d /tmp/provenance-pg.XXXXXX)
    pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
    if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir" || return 1; fi  # initdb refuses root
    pg_stop() { as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop >/dev/null 2>&1" || true; rm -rf "$pg_dir"; }
    trap pg_stop EXIT
    as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 >'$pg_dir/initdb.log' 2>&1" || return 1
    as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 \
        -o \"-h 127.0.0.1 -p $pg_port -k '$pg_dir'\" start >/dev/null 2>&1" || return 1
    export PROVENANCE_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$pg_port/postgres"
    echo "PostgreSQL test server at $PROVENANCE_TEST_POSTGRES" >&2
}
