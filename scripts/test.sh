#!/usr/bin/env bash
# make test: bootstrap, lint, then every MotCua test on a fresh throw-away database:
#   1. the addons' own tests (model, HTTP and browser tours in headless Chromium),
#      installed with demo data so the demo is checked too;
#   2. the cross-module tests of tests/ (pytest) against a server on that database.
# Fails on a failed or erroring test, a skipped test (a skipped tour is a failure), an error
# in the log, or a lint error. The last line is exactly "N passed, N failed".
# MODULES=motcua_x[,motcua_y] limits the run to those addons (and skips tests/ unless E2E=1).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh" || exit 1

MODULES_GIVEN=${MODULES:-}
MODULES=${MODULES:-$(motcua_modules)}
TEST_HTTP_PORT=${TEST_HTTP_PORT:-$((HTTP_PORT + 100))}
DB="motcua_test_$$"
LOG="$VAR/test-$DB.log"
passed=0 failed=0

# --- lint ---------------------------------------------------------------------------
say "lint: the pre-commit hooks (.pre-commit-config.yaml)"
lint_ok=1
if [ -z "$MODULES_GIVEN" ]; then
  lint_args=(--all-files)
else
  mapfile -t lint_files < <(cd "$ROOT" && git ls-files $(echo "$MODULES" | tr ',' '\n' | sed 's#^#addons/#'))
  lint_args=(--files "${lint_files[@]}")
fi
(cd "$ROOT" && MODULES="$MODULES" PRE_COMMIT_HOME="$VAR/pre-commit" \
  "$VENV/bin/pre-commit" run --show-diff-on-failure --color=never "${lint_args[@]}") || lint_ok=
if [ -z "$lint_ok" ]; then say "lint failed"; failed=$((failed + 1)); fi

# --- addons' tests ------------------------------------------------------------------
pg_up
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  dropdb --if-exists "$DB" 2>/dev/null
  pg_down
}
trap cleanup EXIT
tags=$(echo "$MODULES" | tr ',' '\n' | sed 's#^#/#' | paste -sd, -)
say "installing $MODULES on $DB and running their tests (log: $LOG)"
odoo -d "$DB" -i "$MODULES" --with-demo --test-enable --test-tags="$tags" --stop-after-init \
  --http-port="$TEST_HTTP_PORT" --http-interface=127.0.0.1 --log-level=test \
  --max-cron-threads=0 > "$LOG" 2>&1
rc=$?
# Odoo's own summary: "F failed, E error(s) of N tests when loading database"
summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -n 1)
read -r f e n < <(echo "$summary" | sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/')
f=${f:-0}; e=${e:-0}; n=${n:-0}
skipped=$(grep -cE "odoo\.tests\.result: skipped " "$LOG")
log_errors=$(grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG" | grep -vc "odoo.tests.result: [0-9]* failed")
grep -E "(ERROR|CRITICAL|FAIL:|odoo.tests.result: skipped )" "$LOG" | grep -v "odoo.tests.result: [0-9]* failed" | head -40 >&2
passed=$((passed + n - f - e - skipped))
failed=$((failed + f + e + skipped))
if [ "$n" = 0 ]; then say "no test ran: see $LOG"; failed=$((failed + 1)); fi
if [ "$skipped" != 0 ]; then say "$skipped test(s) skipped: a skipped test or tour is a failure"; fi
if [ "$log_errors" != 0 ] && [ "$((f + e))" = 0 ]; then say "errors in the log outside tests: see $LOG"; failed=$((failed + 1)); fi
if [ "$rc" != 0 ] && [ "$((f + e))" = 0 ]; then say "Odoo exited with $rc: see $LOG"; failed=$((failed + 1)); fi
say "addons: $n tests, $f failed, $e errors, $skipped skipped"
if [ "$n" != 0 ]; then
  say "checking that every addon's vi.po holds all of its current terms"
  I18N_DB="$DB" MODULES="$MODULES" bash "$ROOT/scripts/check_i18n.sh" || { say "translations are incomplete"; failed=$((failed + 1)); }
fi

# --- cross-module tests (tests/) ----------------------------------------------------
if { [ -z "${MODULES_GIVEN:-}" ] || [ -n "${E2E:-}" ]; } && [ -d "$ROOT/tests" ] && ls "$ROOT"/tests/test_*.py >/dev/null 2>&1; then
  say "starting a server on $DB for the tests of tests/"
  odoo_exec -d "$DB" --db-filter="^$DB\$" --http-port="$TEST_HTTP_PORT" --http-interface=127.0.0.1 \
    --max-cron-threads=0 --log-level=warn >> "$VAR/test-$DB-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$TEST_HTTP_PORT/web/login" >/dev/null && break; sleep 1; done
  MOTCUA_URL="http://127.0.0.1:$TEST_HTTP_PORT" MOTCUA_DB="$DB" \
    "$PY" -m pytest -q -p no:cacheprovider --junitxml="$VAR/pytest.xml" "$ROOT/tests" \
      $(ls "$ROOT/bench/test_bench_smoke.py" 2>/dev/null) >&2
  read -r tp tf < <("$PY" - "$VAR/pytest.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
n, f, e, s = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
print(n - f - e - s, f + e + s)
PY
)
  passed=$((passed + ${tp:-0})); failed=$((failed + ${tf:-1}))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
