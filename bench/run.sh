#!/usr/bin/env bash
# make bench: build (once, cached) a province-scale database, serve it with the worker settings
# of odoo.conf on loopback, run the five side-by-side benchmarks, print one table and write
# bench/results.json. Knobs (environment):
#   BENCH_DOSSIERS   dossiers to generate (default 1000000)
#   BENCH_SECONDS    load / timing per measured side (default 15)
#   BENCH_CONCURRENCY  parallel HTTP clients (default: 2 x workers)
#   BENCH_HTTP_PORT  port of the benchmark server on 127.0.0.1 (default 8260; +1 for gevent)
#   BENCH_DB         database (default motcua_bench, or motcua_bench_<N> for another size)
#   BENCH_RESULTS    output file (default bench/results.json)
#   BENCH_REBUILD=1  drop and rebuild the database even if the cached one is current
#   BENCH_BUILD_ONLY=1  build (or update) the database, measure nothing
#   BENCH_PROXY_PORT   port of the gzip proxy in front of the server for figure 10 (default: +2)
#   BENCH_DEVTOOLS_PORT  Chromium's remote-debugging port for figure 10 (default 0: any free one)
#   BENCH_MIXED_SECONDS  duration of the mixed load (9) (default 60)
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
BENCH="$ROOT/bench"
# our addons plus the benchmark probes (trivial same-server baselines), for this server only
addons_path() { local src; src=$(odoo_src); echo "$src/odoo/addons,$src/addons,$ROOT/addons,$BENCH/addons"; }

N=${BENCH_DOSSIERS:-1000000}
SECS=${BENCH_SECONDS:-15}
MIXED_SECS=${BENCH_MIXED_SECONDS:-60}
PORT=${BENCH_HTTP_PORT:-8260}
if [ -n "${BENCH_DB:-}" ]; then DB=$BENCH_DB
elif [ "$N" = 1000000 ]; then DB=motcua_bench
else DB="motcua_bench_$N"; fi
RESULTS=${BENCH_RESULTS:-$BENCH/results.json}
WORK="$VAR/bench/$DB"
OUT="$WORK/sections"
mkdir -p "$WORK"
exec 8>"$VAR/bench/$DB.lock"
flock -n 8 || die "another benchmark uses $DB"
# EXPLAIN plans: checked into bench/notes for province-size runs, kept aside for small ones
if [ "$N" -ge 100000 ]; then NOTES="$BENCH/notes"; else NOTES="$WORK/notes"; fi
rm -rf "$OUT" && mkdir -p "$OUT"

# worker settings of odoo.conf (the production-like configuration)
conf() { sed -n "s/^$1 *= *\([^ ;]*\).*/\1/p" "$ROOT/odoo.conf" | tail -n 1; }
WORKERS=$(conf workers); WORKERS=${WORKERS:-5}
SERVER_OPTS=(--workers="$WORKERS" --limit-memory-soft="$(conf limit_memory_soft)"
  --limit-memory-hard="$(conf limit_memory_hard)" --limit-time-cpu="$(conf limit_time_cpu)"
  --limit-time-real="$(conf limit_time_real)" --limit-request="$(conf limit_request)"
  --db_maxconn="$(conf db_maxconn)")
CONC=${BENCH_CONCURRENCY:-$((2 * WORKERS))}

odoo_shell() {  # odoo shell on $DB, the script on stdin (`env` is the superuser's environment)
  odoo_args
  BENCH_OUT="$OUT" BENCH_NOTES="$NOTES" BENCH_WORK="$WORK" BENCH_DIR="$BENCH" BENCH_SECONDS="$SECS" BENCH_DOSSIERS="$N" \
    "$PY" "${ODOO_ARGS[0]}" shell "${ODOO_ARGS[@]:1}" -d "$DB" --no-http --max-cron-threads=0 \
    --log-level=warn "$@"
}
db_exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; }

pg_up
server=
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  pg_down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the database (cached: rebuilt when the size, the modules or the generator change; updated
# with `-u` when only the addons' code changed, as a production database would be) ---
MODULES=website,motcua_base,motcua_bench_probe
HAVE_DOSSIER=
if [ -d "$ROOT/addons/motcua_dossier" ] && [ -z "${BENCH_NO_DOSSIER:-}" ]; then MODULES="$MODULES,motcua_dossier"; HAVE_DOSSIER=1; fi
# the unit sites (benchmark 12) read the kept figures too: motcua_portal is installed on top of the
# generated data (BENCH_NO_PORTAL=1 leaves it out); adding it does not regenerate the dossiers
EXTRA=
if [ -n "$HAVE_DOSSIER" ] && [ -d "$ROOT/addons/motcua_portal" ] && [ -z "${BENCH_NO_PORTAL:-}" ]; then EXTRA=motcua_portal; fi
hash_files() { (cd "$ROOT" && { find "$@" -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) 2>/dev/null || true; } \
  | sort | xargs -r cat | sha1sum | cut -c1-16); }
stamp=$(echo "$N $MODULES $(hash_files bench/generate.py) ${BENCH_EARLIER_YEARS:-1} ${BENCH_EARLIER_SHARE:-0.25}" | sha1sum | cut -c1-16)
code_stamp="$EXTRA $(hash_files addons/motcua_base addons/motcua_dossier ${EXTRA:+addons/$EXTRA} bench/addons)"
marker="$WORK/built"
if [ -n "${BENCH_REBUILD:-}" ] || ! db_exists || [ "$(cat "$marker" 2>/dev/null)" != "$stamp" ]; then
  rm -f "$marker" "$WORK/code"
  dropdb --if-exists "$DB"
  say "bench: installing $MODULES with demo data into $DB"
  began=$(date +%s)
  odoo -d "$DB" -i "$MODULES" --with-demo --stop-after-init --max-cron-threads=0 --log-level=warn \
    > "$WORK/install.log" 2>&1 || { tail -n 30 "$WORK/install.log" >&2; die "installation failed (see $WORK/install.log)"; }
  if [ -n "$HAVE_DOSSIER" ] && [ -f "$BENCH/generate.py" ]; then
    say "bench: generating $N dossiers"
    odoo_shell < "$BENCH/generate.py" > "$WORK/generate.log" 2>&1 || true
    grep -E "^BENCH|Error" "$WORK/generate.log" >&2 || true
    grep -q "^BENCH generated" "$WORK/generate.log" || die "generation failed (see $WORK/generate.log)"
  fi
  if [ -n "$EXTRA" ]; then
    say "bench: installing $EXTRA"
    odoo -d "$DB" -i "$EXTRA" --stop-after-init --max-cron-threads=0 --log-level=warn >> "$WORK/install.log" 2>&1 \
      || { tail -n 30 "$WORK/install.log" >&2; die "installation failed (see $WORK/install.log)"; }
  fi
  psql -d "$DB" -qc "VACUUM ANALYZE" >/dev/null
  echo "$(( $(date +%s) - began ))" > "$WORK/build_seconds"
  echo "$stamp" > "$marker"
  echo "$code_stamp" > "$WORK/code"
elif [ "$(cat "$WORK/code" 2>/dev/null)" != "$code_stamp" ]; then
  say "bench: the addons changed: updating $DB (built in $(cat "$WORK/build_seconds" 2>/dev/null || echo '?') s)"
  odoo -d "$DB" ${EXTRA:+-i "$EXTRA"} -u "${MODULES#website,}" --stop-after-init --max-cron-threads=0 --log-level=warn \
    > "$WORK/update.log" 2>&1 || { tail -n 30 "$WORK/update.log" >&2; die "update failed (see $WORK/update.log)"; }
  psql -d "$DB" -qc "ANALYZE" >/dev/null
  echo "$code_stamp" > "$WORK/code"
else
  say "bench: reusing $DB (built in $(cat "$WORK/build_seconds" 2>/dev/null || echo '?') s)"
fi
cp "$WORK/generate.log" "$OUT/generate.log" 2>/dev/null || true
if [ -n "${BENCH_BUILD_ONLY:-}" ]; then say "bench: $DB is ready (BENCH_BUILD_ONLY)"; exit 0; fi

# --- in-process benchmarks (no server running) ----------------------------------------
run_shell_bench() {  # script, id, key
  say "bench: $3"
  if ! odoo_shell < "$BENCH/$1" > "$WORK/$3.log" 2>&1 || [ ! -s "$OUT/$3.json" ]; then
    tail -n 20 "$WORK/$3.log" >&2
    say "bench: $3 failed (see $WORK/$3.log)"
    printf '{"id": %s, "key": "%s", "name": "%s", "available": false, "reason": "not available: the benchmark failed, see %s"}\n' \
      "$2" "$3" "$3" "$WORK/$3.log" > "$OUT/$3.json"
  fi
}
na() {  # id key name reason
  printf '{"id": %s, "key": "%s", "name": "%s", "available": false, "reason": "%s"}\n' "$1" "$2" "$3" "$4" \
    > "$OUT/$2.json"
}
if [ -z "$HAVE_DOSSIER" ]; then
  na 3 leader_stats "Leader statistics (dashboard) vs hand-written SQL" "not available: motcua_dossier missing"
  na 4 desk_intake "Desk intake vs plain contact creation" "not available: motcua_dossier missing"
  na 7 register_xlsx "Tracking register as XLSX (time for 80,000 rows)" "not available: motcua_dossier missing"
  na 8 register_pdf "Tracking register as PDF, sheets rendered in parts (time for 80,000 rows)" "not available: motcua_dossier missing"
else
  for spec in "stats.py 3 leader_stats" "intake.py 4 desk_intake" "register_export.py 7 register_xlsx"; do
    set -- $spec
    if [ -f "$BENCH/$1" ]; then run_shell_bench "$1" "$2" "$3"
    else na "$2" "$3" "$3" "not available: not implemented yet"; fi
  done
fi
run_shell_bench due_dates.py 5 due_dates
# 10: the backend bundles weighed with and without MotCua's asset files (read by low_spec_browser)
rm -f "$WORK/bundles.json"
odoo_shell < "$BENCH/low_spec_browser.py" > "$WORK/bundles.log" 2>&1 || tail -n 20 "$WORK/bundles.log" >&2

# --- HTTP benchmarks: a separate load process against a prefork server on loopback ----
rm -f "$WORK/figures_paths.txt" "$WORK/figures_refresh.json"
if [ -n "$HAVE_DOSSIER" ]; then  # /cong-khai reads the figures the cron keeps: refresh them once
  odoo_shell < "$BENCH/public_figures.py" > "$WORK/public_figures.log" 2>&1 \
    || { tail -n 20 "$WORK/public_figures.log" >&2; echo "not available: the figures refresh failed" > "$WORK/figures_paths.txt.reason"; }
fi
odoo_shell < "$BENCH/lookup_targets.py" > "$WORK/targets.log" 2>&1 \
  || { tail -n 20 "$WORK/targets.log" >&2; die "could not list lookup targets"; }
# --- benchmark 12: the site of the unit that received the most dossiers (motcua_portal) ---
rm -f "$WORK/portal_paths.txt" "$WORK/portal_paths.txt.reason"
if [[ -n "$EXTRA" ]]; then  # motcua_portal
  psql -d "$DB" -tAc "SELECT '/don-vi/' || u.motcua_site_slug FROM motcua_unit u JOIN motcua_dossier d ON d.unit_id = u.id
    WHERE u.motcua_site_published AND u.motcua_site_slug IS NOT NULL GROUP BY u.id ORDER BY count(*) DESC LIMIT 1" \
    > "$WORK/portal_paths.txt" 2>/dev/null || true
  [ -s "$WORK/portal_paths.txt" ] || echo "not available: no published unit site" > "$WORK/portal_paths.txt.reason"
else
  echo "not available: motcua_portal is not installed in $DB" > "$WORK/portal_paths.txt.reason"
fi
rm -f "$WORK/mixed_prep.json"
if [ -n "$HAVE_DOSSIER" ]; then  # the mixed load's officers, API keys and SMS gateway secret
  odoo_shell < "$BENCH/mixed_prep.py" > "$WORK/mixed_prep.log" 2>&1 || tail -n 20 "$WORK/mixed_prep.log" >&2
fi
say "bench: serving $DB on 127.0.0.1:$PORT with ${SERVER_OPTS[*]}"
odoo_exec -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --gevent-port="$((PORT + 1))" \
  --http-interface=127.0.0.1 --max-cron-threads=0 --log-level=warn --log-handler=odoo.service.model:INFO \
  --log-handler=odoo.service.server:INFO "${SERVER_OPTS[@]}" > "$WORK/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/bench/constant" && break
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$WORK/server.log" >&2; die "the server stopped"; }
  sleep 1
done
printf '/bench/constant\n' > "$WORK/constant.txt"
printf '/bench/page\n' > "$WORK/page.txt"
load() {  # paths file, output
  "$PY" "$BENCH/loadgen.py" --base "http://127.0.0.1:$PORT" --paths "$1" --concurrency "$CONC" \
    --seconds "$SECS" --requests "${BENCH_REQUESTS:-200000}" --warmup 2 --reject 'class="msg"' > "$2"
}
http_bench() {  # id key name baseline-paths baseline-name target-paths target-ratio [extra.json]
  if [ ! -s "$WORK/$6" ]; then
    na "$1" "$2" "$3" "$(cat "$WORK/$6.reason" 2>/dev/null || echo 'not available: route missing')"
    return
  fi
  say "bench: $2 (baseline $5, then the target; $SECS s each, $CONC clients)"
  load "$WORK/$4" "$WORK/$2.baseline.json"
  load "$WORK/$6" "$WORK/$2.target.json"
  "$PY" "$BENCH/http_section.py" "$1" "$2" "$3" "$5" "$7" "$WORK/$2.baseline.json" "$WORK/$2.target.json" \
    ${8:+"$WORK/$8"} > "$OUT/$2.json"
}
http_bench 1 lookup_api "Lookup API vs constant public route" constant.txt "GET /bench/constant (auth=public, JSON constant)" api_paths.txt 0.7
http_bench 2 lookup_page "Lookup page vs constant page, same layout" page.txt "GET /bench/page (website=True, same layout, constant body)" page_paths.txt 0.7
http_bench 6 public_figures "Published figures /cong-khai vs constant page, same layout" page.txt "GET /bench/page (website=True, same layout, constant body)" figures_paths.txt 0.7 figures_refresh.json
# 10: the desk in a real Chromium, CPU throttled 4x, 1.6 Mbit/s and 150 ms, cold and warm cache
# (behind a gzip proxy as deploy/nginx.conf; it receives two dossiers as the receiving officer)
say "bench: low_spec_browser (Chromium: login -> desk list, New -> received; cold, then warm)"
"$PY" "$BENCH/low_spec_browser.py" --base "http://127.0.0.1:$PORT" --proxy-port "${BENCH_PROXY_PORT:-$((PORT + 2))}" \
  --devtools-port "${BENCH_DEVTOOLS_PORT:-0}" --bundles "$WORK/bundles.json" --shots "$WORK/shots" \
  --out "$OUT/low_spec_browser.json" > "$WORK/low_spec_browser.log" 2>&1 \
  || { tail -n 20 "$WORK/low_spec_browser.log" >&2; na 10 low_spec_browser "Desk on a low-spec computer" "not available: the benchmark failed, see $WORK/low_spec_browser.log"; }
# 11: page weights of a first visit (the lookup page, the catalogue, /cong-khai, the login page)
say "bench: page_weights"
"$PY" "$BENCH/page_weights.py" --base "http://127.0.0.1:$PORT" --lookup-paths "$WORK/page_paths.txt" \
  --out "$OUT/page_weights.json" > "$WORK/page_weights.log" 2>&1 \
  || { tail -n 20 "$WORK/page_weights.log" >&2; na 11 page_weights "Page weights of a first visit" "not available: the benchmark failed, see $WORK/page_weights.log"; }
http_bench 12 portal_unit_page "Unit site /don-vi/<unit> (rates from the kept figures) vs constant page" page.txt "GET /bench/page (website=True, constant body)" portal_paths.txt 0.7

if [ -s "$WORK/mixed_prep.json" ] && [ -s "$WORK/api_paths.txt" ] && [ -s "$WORK/page_paths.txt" ]; then
  say "bench: mixed_load (4 desks, 20 lookups, 2 leaders, 1 SMS gateway for $MIXED_SECS s)"
  if "$PY" "$BENCH/mixed_load.py" --base "http://127.0.0.1:$PORT" --work "$WORK" --seconds "$MIXED_SECS" \
    --server-pid "$server" --server-log "$WORK/server.log" --limit-memory-soft "$(conf limit_memory_soft)" \
    > "$WORK/mixed_load.json" 2> "$WORK/mixed_load.log"; then
    cp "$WORK/mixed_load.json" "$OUT/mixed_load.json"
  else
    tail -n 20 "$WORK/mixed_load.log" >&2
    na 9 mixed_load "Mixed load" "not available: the benchmark failed, see $WORK/mixed_load.log"
  fi
elif [ -z "$HAVE_DOSSIER" ]; then na 9 mixed_load "Mixed load" "not available: motcua_dossier missing"
else na 9 mixed_load "Mixed load" "not available: the preparation failed, see $WORK/mixed_prep.log"; fi
kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
server=
if [ -s "$WORK/mixed_prep.json" ]; then  # the desks' dossiers leave the cached database again
  odoo_shell < "$BENCH/mixed_cleanup.py" > "$WORK/mixed_cleanup.log" 2>&1 || tail -n 20 "$WORK/mixed_cleanup.log" >&2
fi

count=$(psql -d "$DB" -tAc "SELECT count(*) FROM motcua_dossier" 2>/dev/null || echo 0)
recent=$(psql -d "$DB" -tAc "SELECT count(*) FROM motcua_dossier WHERE received_at >= now() at time zone 'UTC' - interval '365 days'" 2>/dev/null || echo 0)
"$PY" "$BENCH/report.py" "$OUT" "$RESULTS" "database=$DB" "dossiers=$count" "dossiers_last_12_months=$recent" "requested_dossiers=$N" \
  "build_seconds=$(cat "$WORK/build_seconds" 2>/dev/null || echo '?')" "seconds_per_side=$SECS" \
  "concurrency=$CONC" "workers=$WORKERS" "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
# the READMEs show the latest province-size run that wrote the default results file
if [ "$RESULTS" = "$BENCH/results.json" ] && [ "$N" = 1000000 ]; then "$PY" "$BENCH/readme_table.py" "$RESULTS"; fi
