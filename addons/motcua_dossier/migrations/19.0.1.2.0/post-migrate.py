"""19.0.1.2.0 (issue 14):

- SMS go through Odoo's ``sms`` queue. The first active gateway becomes the company's HTTP
  provider; the messages still queued move to ``sms.sms``. The old tables go with the models when
  the update ends.
- The dossier code pattern and the apology limit of a unit are inherited from its parent when
  empty. They used to be stored on every unit by a default: empty them where they equal what the
  unit would inherit, which keeps every code and limit as it was.
"""

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools.phone import normalize_vn_phone
from odoo.addons.motcua_dossier.models.motcua_unit import DEFAULT_CODE_PATTERN


def _table_exists(cr, name):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", [name])
    return bool(cr.fetchone())


def _move_gateway(env):
    env.cr.execute(
        """SELECT provider_url, password, sender, timeout, max_attempts, retry_minutes, inbound_secret,
                  reply_ascii
             FROM motcua_sms_gateway WHERE active ORDER BY sequence, id LIMIT 1"""
    )
    row = env.cr.dictfetchone()
    if not row:
        return
    env.company.write(
        {
            "motcua_sms_provider": "motcua_http",
            "motcua_sms_url": row["provider_url"],
            "motcua_sms_token": row["password"],
            "motcua_sms_sender": row["sender"],
            "motcua_sms_timeout": row["timeout"] or 10,
            "motcua_sms_max_attempts": row["max_attempts"] or 3,
            "motcua_sms_retry_minutes": row["retry_minutes"] or 10,
            "motcua_sms_inbound_secret": row["inbound_secret"],
            "motcua_sms_reply_ascii": row["reply_ascii"],
        }
    )


def _move_queue(env):
    env.cr.execute("SELECT number, body FROM motcua_sms_message WHERE state = 'queued' ORDER BY id")
    vals_list = []
    for number, body in env.cr.fetchall():
        try:
            vals_list.append({"number": normalize_vn_phone(env, number, international=True), "body": body})
        except ValidationError:
            vals_list.append({"number": number, "body": body, "state": "error", "failure_type": "sms_number_format"})
    if vals_list:
        env["sms.sms"].create(vals_list)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    if _table_exists(cr, "motcua_sms_gateway"):
        _move_gateway(env)
    if _table_exists(cr, "motcua_sms_message"):
        _move_queue(env)
    cr.execute("DROP TABLE IF EXISTS motcua_sms_message, motcua_sms_gateway CASCADE")
    Unit = env["motcua.unit"]
    Unit._motcua_unset_inherited("motcua_dossier_code_pattern", DEFAULT_CODE_PATTERN)
    Unit._motcua_unset_inherited("motcua_apology_limit", 1)
