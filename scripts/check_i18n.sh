#!/usr/bin/env bash
# Every addon ships a complete Vietnamese catalogue: i18n/vi.po exists, parses, has no
# untranslated or fuzzy entry, and — given a database where the addons are installed
# (I18N_DB) — holds every term Odoo's exporter finds in the addon today.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
status=0
conf=
if [ -n "${I18N_DB:-}" ]; then
  conf="$VAR/i18n-check-$$.conf"
  printf '[options]\naddons_path = %s\ndata_dir = %s\ndb_host = %s\ndb_port = %s\ndb_user = %s\ndb_password = %s\n' \
    "$(addons_path)" "$VAR/data" "$PGHOST" "$PGPORT" "$PGUSER" "${PGPASSWORD:-}" > "$conf"
fi
for dir in "$ROOT"/addons/motcua_*; do
  m=$(basename "$dir")
  case ",${MODULES:-$m}," in *",$m,"*) ;; *) continue ;; esac
  po="$dir/i18n/vi.po"
  if [ ! -f "$po" ]; then say "$m has no i18n/vi.po"; status=1; continue; fi
  msgfmt --check-format -o /dev/null "$po" || { say "$m: i18n/vi.po does not parse"; status=1; continue; }
  missing=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry (msgid "") among untranslated ones when others exist
  [ "$missing" -gt 0 ] && missing=$((missing - 1))
  if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    say "$m: i18n/vi.po has $missing untranslated and $fuzzy fuzzy entries"; status=1
  fi
  if [ -n "$conf" ]; then
    pot="$VAR/i18n-check-$$-$m.pot"
    "$PY" "$(odoo_src)/odoo-bin" i18n export -c "$conf" -d "$I18N_DB" -o "$pot" "$m" >/dev/null 2>&1
    new=$("$PY" - "$pot" "$po" <<'PY'
import sys, polib
known = {e.msgid for e in polib.pofile(sys.argv[2]) if not e.obsolete}
for e in polib.pofile(sys.argv[1]):
    if e.msgid and e.msgid not in known:
        print(repr(e.msgid)[:100])
PY
)
    rm -f "$pot"
    if [ -n "$new" ]; then
      say "$m: terms missing from i18n/vi.po (run: bash scripts/i18n.sh $m, then translate):"; echo "$new" | head -20 >&2
      status=1
    fi
  fi
done
[ -n "$conf" ] && rm -f "$conf"
exit $status
