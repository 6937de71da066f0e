#!/usr/bin/env bash
# Refresh the translation template and the Vietnamese catalogue of addons:
#   bash scripts/i18n.sh motcua_x [motcua_y ...]
# Installs the addons on a scratch database, exports i18n/<addon>.pot with Odoo's exporter and
# merges it into i18n/vi.po (new entries arrive empty: translate them; `make test` fails on
# any untranslated entry).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: scripts/i18n.sh motcua_x [motcua_y ...]"
pg_up
trap pg_down EXIT
DB="motcua_i18n_$$"
conf="$VAR/i18n-$$.conf"
printf '[options]\naddons_path = %s\ndata_dir = %s\n' "$(addons_path)" "$VAR/data" > "$conf"
modules=$(IFS=,; echo "$*")
odoo -d "$DB" -i "$modules" --with-demo --stop-after-init --log-level=warn  # demo terms are the catalogue's too
for m in "$@"; do
  dir="$ROOT/addons/$m/i18n"; mkdir -p "$dir"
  "$PY" "$(odoo_src)/odoo-bin" i18n export -c "$conf" -d "$DB" -o "$dir/$m.pot" "$m"
  if [ -f "$dir/vi.po" ]; then
    msgmerge --quiet --no-fuzzy-matching --update --backup=none "$dir/vi.po" "$dir/$m.pot"
  else
    msginit --no-translator --locale=vi_VN.UTF-8 --input="$dir/$m.pot" --output-file="$dir/vi.po"
  fi
  say "$m: $(msgattrib --untranslated "$dir/vi.po" | grep -c '^msgid' || true) untranslated entries in $dir/vi.po"
done
dropdb --if-exists "$DB"; rm -f "$conf"
