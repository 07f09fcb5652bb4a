#!/usr/bin/env bash
# A disposable PostgreSQL cluster for the tests: data and unix socket live in one directory, nothing
# listens on TCP, and every local connection is trusted.
#
#   scripts/throwaway-postgres.sh start DIR   initialises DIR, starts the server, prints a Npgsql connection string
#   scripts/throwaway-postgres.sh stop DIR    stops that server (DIR is left for the caller to remove)
#
# As root the server runs as the `postgres` user, because initdb refuses to run as root.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[ $# -eq 2 ] || usage
action=$1
dir=$2

# Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<major>/bin.
pg_bin() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    local candidate
    candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$candidate" ] || [ ! -x "$candidate/pg_ctl" ]; then
        echo "PostgreSQL server binaries (pg_ctl, initdb) not found; install the postgresql package." >&2
        exit 1
    fi
    echo "$candidate"
}

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        # runuser lives in /usr/sbin, which a non-login root shell may not have in PATH.
        "$(PATH="$PATH:/usr/sbin:/sbin" command -v runuser)" -u postgres -- "$@"
    else
        "$@"
    fi
}

# A port is only part of the socket file's name here, but a free one keeps `psql -p` unambiguous.
free_port() {
    local port
    for port in $(seq 54330 54429); do
        local hex
        hex=$(printf ':%04X ' "$port")
        if ! grep -qs "$hex" /proc/net/tcp /proc/net/tcp6 && [ ! -e "/tmp/.s.PGSQL.$port" ]; then
            echo "$port"
            return
        fi
    done
    echo "No free port between 54330 and 54429." >&2
    exit 1
}

bin=$(pg_bin)
case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    port=$(free_port)
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is worthless for a throwaway cluster; without fsync CREATE DATABASE takes milliseconds.
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=$dir;Port=$port;Username=postgres;Database=postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    fi
    ;;
*)
    usage
    ;;
esac
