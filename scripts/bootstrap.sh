#!/usr/bin/env bash
# Installs what MotCua needs and is missing; safe to run again and again.
#   1. Debian packages (PostgreSQL, Chromium, wkhtmltopdf, fonts, build headers)
#   2. the Odoo 19.0 source ($ODOO_SRC, ~/.cache/motcua/odoo-19.0, or the official nightly)
#   3. the virtualenv .venv with Odoo's requirements and ours (requirements.txt)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DEBS="postgresql postgresql-contrib chromium wkhtmltopdf fonts-noto-core fonts-dejavu-core
      libpq-dev libldap2-dev libsasl2-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev
      libffi-dev build-essential python3-dev python3-venv libmagic1 curl ca-certificates gettext
      poppler-utils zbar-tools"

missing=$(for p in $DEBS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
  command -v apt-get >/dev/null || die "missing packages ($(echo $missing)) and no apt-get: install them by hand"
  say "installing Debian packages: $(echo $missing)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

# --- Odoo source --------------------------------------------------------------------
if [ -z "$(odoo_src)" ]; then
  say "no Odoo 19.0 source in \$ODOO_SRC or $CACHE_ODOO; downloading the official nightly"
  tmp=$(mktemp -d)
  if curl -fsSL --retry 2 -o "$tmp/odoo.tgz" "$ODOO_NIGHTLY_URL"; then
    mkdir -p "$CACHE_ODOO"
    tar -xzf "$tmp/odoo.tgz" -C "$CACHE_ODOO" --strip-components=1
  fi
  rm -rf "$tmp"
  [ -n "$(odoo_src)" ] || die "no Odoo 19.0 source found. Put an Odoo 19.0 checkout (the folder holding odoo-bin) at $CACHE_ODOO, or set ODOO_SRC=/path/to/odoo-19.0, then run this again."
fi
SRC=$(odoo_src)

# --- virtualenv ---------------------------------------------------------------------
stamp="$VENV/.motcua-requirements"
want=$(cat "$SRC/requirements.txt" "$ROOT/requirements.txt" | sha1sum | cut -c1-40)
if [ ! -x "$PY" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "preparing the virtualenv $VENV"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  mkdir -p "$VAR"
  # Odoo's pins minus the packages our requirements.txt overrides.
  overrides=$(sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/\1/p' "$ROOT/requirements.txt" | tr 'A-Z_' 'a-z-' | paste -sd'|' -)
  grep -viE "^($overrides)[ =;]" "$SRC/requirements.txt" > "$VAR/odoo-requirements.txt"
  "$PY" -m pip install -q --upgrade pip wheel "setuptools<81"  # pinned in requirements.txt
  "$PY" -m pip install -q --progress-bar off -r "$VAR/odoo-requirements.txt" -r "$ROOT/requirements.txt"
  echo "$want" > "$stamp"
fi
say "ready: Odoo source $SRC, Python $("$PY" -V 2>&1)"
