#!/usr/bin/env bash
# make run: bootstrap, then serve the demo database on http://127.0.0.1:$HTTP_PORT.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"

mkdir -p "$VAR"
exec 9>"$VAR/run.lock"
if ! flock -n 9; then
  die "MotCua is already running from this checkout (pid $(cat "$VAR/run.pid" 2>/dev/null || echo '?')): stop it with Ctrl-C in its terminal first."
fi
echo $$ > "$VAR/run.pid"

pg_up
cleanup() { pg_down; rm -f "$VAR/run.pid"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$MOTCUA_DB'" | grep -q 1; then
  say "creating the database $MOTCUA_DB with every MotCua addon and demo data (first run only)"
  odoo -d "$MOTCUA_DB" -i "website,${MODULES:-$(motcua_modules)}" --with-demo --stop-after-init --log-level=warn \
    --no-http || { dropdb --if-exists "$MOTCUA_DB"; die "the installation failed; see the log above"; }
  # Vietnamese for every installed addon (the demo makes it the website's default language)
  conf="$VAR/run-i18n.conf"
  printf '[options]\naddons_path = %s\ndata_dir = %s\ndb_host = %s\ndb_port = %s\ndb_user = %s\ndb_password = %s\nlog_level = warn\n' \
    "$(addons_path)" "$VAR/data" "$PGHOST" "$PGPORT" "$PGUSER" "${PGPASSWORD:-}" > "$conf"
  "$PY" "$(odoo_src)/odoo-bin" i18n loadlang -c "$conf" -d "$MOTCUA_DB" -l vi_VN \
    || say "WARNING: the Vietnamese translations were not loaded; see the message above"
  rm -f "$conf"
else
  say "updating the addons of the existing database $MOTCUA_DB"
  odoo -d "$MOTCUA_DB" -u "${MODULES:-$(motcua_modules)}" --stop-after-init --log-level=warn --no-http
fi

# the demo dossier to look up on the public page (its code carries the day the demo was made)
demo_code=$(psql -d "$MOTCUA_DB" -tAc "SELECT name FROM motcua_dossier WHERE lookup_key = 'DEMO23' LIMIT 1" 2>/dev/null || true)
cat >&2 <<MSG

  MotCua is served on http://127.0.0.1:$HTTP_PORT  (database $MOTCUA_DB; Ctrl-C stops it)
  Demo logins (password = login):
    admin       administrator (password admin)
    tiepnhan    receiving officer, Phường Long An
    chuyenvien  specialist, Phường Long An
    lanhdao     unit leader, Phường Long An
    giamsat     province monitor, Tây Ninh
    hotich      civil-status officer, Phường Long An
    tochuc      HR officer, Phường Long An
    tiepdan     complaint handler, Phường Long An
MSG
if [ -n "$demo_code" ]; then
  printf '  Public lookup of a demo dossier:\n    http://127.0.0.1:%s/tra-cuu-ho-so?code=%s&key=DEMO23\n' "$HTTP_PORT" "$demo_code" >&2
fi
echo >&2
odoo_exec -d "$MOTCUA_DB" --db-filter="^$MOTCUA_DB\$" --http-port="$HTTP_PORT" --http-interface=127.0.0.1 &
child=$!
# Ctrl-C (or a TERM from a supervisor): Odoo stops gracefully, then the EXIT trap stops the cluster.
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' INT TERM
wait $child
