# Shared settings of MotCua's scripts; sourced, never run. Every knob is an environment
# variable documented in the README.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR="$ROOT/.var"                                  # ignored: cluster, filestore, logs, locks
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
CACHE_ODOO="${XDG_CACHE_HOME:-$HOME/.cache}/motcua/odoo-19.0"
HTTP_PORT=${HTTP_PORT:-8069}
MOTCUA_DB=${MOTCUA_DB:-motcua}
ODOO_NIGHTLY_URL=${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}

say() { printf '\033[1m[motcua]\033[0m %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# Run as root directly, otherwise through sudo.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The Odoo 19.0 source: $ODOO_SRC, then the cache folder. Prints its path or nothing.
odoo_src() {
  local d
  for d in "${ODOO_SRC:-}" "$CACHE_ODOO"; do
    [ -n "$d" ] && [ -f "$d/odoo/release.py" ] && grep -q "19, 0" "$d/odoo/release.py" && { echo "$d"; return; }
  done
}

# The addons path: Odoo's two addons folders and ours.
addons_path() {
  local src; src=$(odoo_src)
  echo "$src/odoo/addons,$src/addons,$ROOT/addons"
}

# Our addons, comma-separated.
motcua_modules() {
  (cd "$ROOT/addons" && ls -d motcua_*/ 2>/dev/null | tr -d / | paste -sd, -)
}

# --- PostgreSQL ----------------------------------------------------------------------
# With PGHOST set, MotCua uses that server (PGPORT/PGUSER/PGPASSWORD as libpq reads them).
# Otherwise it runs a private cluster on 127.0.0.1 under .var/pg, owned by the calling user,
# or by "postgres" when called as root (PostgreSQL refuses root). Its port is $MOTCUA_PG_PORT,
# or the first free port from 54329 on, chosen when the cluster is created (another checkout
# may run its own cluster) and kept in the cluster's configuration.
PGDATA_DIR="$VAR/pg"
PG_STARTED_HERE=

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Exports PG* for Odoo and libpq; starts the private cluster when needed.
pg_up() {
  if [ -n "${PGHOST:-}" ]; then
    export PGHOST PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)} PGPASSWORD=${PGPASSWORD:-}
    say "using the PostgreSQL server at $PGHOST:$PGPORT as $PGUSER"
    return
  fi
  local bin; bin=$(pg_bin); [ -n "$bin" ] || die "PostgreSQL is not installed (run scripts/bootstrap.sh)"
  mkdir -p "$VAR"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    say "creating the private PostgreSQL cluster in $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    local port=${MOTCUA_PG_PORT:-54329}
    if [ -z "${MOTCUA_PG_PORT:-}" ]; then
      while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    fi
    [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA_DIR"
    pg_as_owner test -w "$PGDATA_DIR" || die "the user running PostgreSQL cannot write $PGDATA_DIR (is the repository under a private home folder? move it, or set PGHOST)"
    pg_as_owner "$bin/initdb" -D "$PGDATA_DIR" -U motcua --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off                   # a developer's and CI's cluster: speed over durability
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  if ! pg_as_owner "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    pg_as_owner "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 start >/dev/null \
      || die "PostgreSQL did not start; see $PGDATA_DIR/server.log"
    PG_STARTED_HERE=1
  fi
  export PGHOST=127.0.0.1 PGUSER=motcua PGPASSWORD=motcua
  PGPORT=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$PGDATA_DIR/postgresql.conf" | tail -n 1)
  export PGPORT
}

# Stops the private cluster if this script started it.
pg_down() {
  [ -n "$PG_STARTED_HERE" ] || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  PG_STARTED_HERE=
}

# Odoo's command line, with the connection and paths of this checkout. `odoo_exec` replaces
# the (sub)shell, so that `odoo_exec … &` leaves Odoo's own pid in $!.
odoo_args() {
  ODOO_ARGS=("$(odoo_src)/odoo-bin" --addons-path="$(addons_path)"
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --db_password="${PGPASSWORD:-}"
    --data-dir="$VAR/data")
}
odoo() { odoo_args; "$PY" "${ODOO_ARGS[@]}" "$@"; }
odoo_exec() { odoo_args; exec "$PY" "${ODOO_ARGS[@]}" "$@"; }
