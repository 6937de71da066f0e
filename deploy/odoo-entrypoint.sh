#!/bin/bash
# Adds the master password from the environment to a copy of odoo.conf, then runs the official
# image's entrypoint. No secret is ever committed.
set -e
: "${ODOO_ADMIN_PASSWD:?set ODOO_ADMIN_PASSWD (the database manager's master password)}"
cp /etc/odoo/odoo.conf /tmp/odoo.conf
printf 'admin_passwd = %s\n' "$ODOO_ADMIN_PASSWD" >> /tmp/odoo.conf
export ODOO_RC=/tmp/odoo.conf
exec /entrypoint.sh "$@"
