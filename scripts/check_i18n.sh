#!/usr/bin/env bash
# Every addon ships a complete Vietnamese catalogue: i18n/vi.po exists, parses, and has no
# untranslated or fuzzy entry. Run by make test's lint step.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
status=0
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
done
exit $status
