# Benchmark 9 (mixed load), preparation run inside `odoo shell -d <db>` before the server starts:
# writes $BENCH_WORK/mixed_prep.json for bench/mixed_load.py. The four desks are receiving
# officers: the demo officer and a second one at the same ward (so two desks share the ward's
# gapless counter of the day, as at a busy desk) and one officer at each of two other wards
# (BENCH_MIXED_ONE_COUNTER=1: all four at the ward, on one counter). Each gets a JSON-2 API key
# (scope rpc, one day), and so do the province monitor and the unit leader (the two leaders). The SMS gateway secret of the company is set if missing. The
# highest ids before the run are kept, so that bench/mixed_cleanup.py removes what the run added.
import json
import os
import secrets
from datetime import datetime, timedelta

env = globals()["env"]
WORK = os.environ["BENCH_WORK"]
KEY_NAME = "motcua-bench-mixed"
ref = env.ref
# (login, unit): the demo officer first; the others are created once in the benchmark database
DESKS = [
    ("tiepnhan", "motcua_base.unit_long_an_ward"),
    ("bench_desk_2", "motcua_base.unit_long_an_ward"),
    ("bench_desk_3", "motcua_base.unit_tan_an_ward"),
    ("bench_desk_4", "motcua_base.unit_my_hanh"),
]
if os.environ.get("BENCH_MIXED_ONE_COUNTER"):  # every desk at the same ward: one counter for all
    DESKS = [(login, DESKS[0][1]) for login, _unit in DESKS]
Users = env["res.users"].with_context(no_reset_password=True)
expiry = datetime.now() + timedelta(days=1)
Keys = env["res.users.apikeys"]
Keys.search([("name", "=", KEY_NAME)]).unlink()


def api_key(user):
    return Keys.with_user(user).sudo()._generate("rpc", KEY_NAME, expiry)


procedures = env["motcua.procedure"].search([("current_id", "=", False), ("level", "=", "commune")])
assert procedures, "no commune-level procedure"
desks = []
for login, unit_xmlid in DESKS:
    unit = ref(unit_xmlid)
    user = Users.search([("login", "=", login)])
    if not user:
        user = Users.create(
            {
                "name": f"Bench desk {login[-1]}",
                "login": login,
                "lang": "vi_VN",
                "tz": "Asia/Ho_Chi_Minh",
                "group_ids": [(6, 0, [ref("motcua_base.group_receiving_officer").id])],
                "motcua_unit_ids": [(6, 0, [unit.id])],
            }
        )
    elif login != DESKS[0][0]:
        user.motcua_unit_ids = [(6, 0, [unit.id])]
    desks.append({"login": login, "key": api_key(user), "unit_id": unit.id, "unit": unit.name})
leaders = [
    {
        "role": "province monitor",
        "login": ref("motcua_base.user_province_monitor").login,
        "key": api_key(ref("motcua_base.user_province_monitor")),
    },
    {
        "role": "unit leader",
        "login": ref("motcua_base.user_unit_leader").login,
        "key": api_key(ref("motcua_base.user_unit_leader")),
    },
]
company = env.company.sudo()
if not company.motcua_sms_inbound_secret:
    company.motcua_sms_inbound_secret = secrets.token_urlsafe(24)


def last_id(table):
    env.cr.execute(f"SELECT COALESCE(max(id), 0) FROM {table}")
    return env.cr.fetchone()[0]


marks = {
    table: last_id(table)
    for table in ("motcua_dossier", "res_partner", "mail_message", "motcua_sms_inbound", "sms_sms")
}
prep = {
    "desks": desks,
    "leaders": leaders,
    "procedures": procedures.ids,
    "sms_secret": company.motcua_sms_inbound_secret,
    "marks": marks,
}
env.cr.commit()
with open(os.path.join(WORK, "mixed_prep.json"), "w", encoding="utf-8") as handle:
    json.dump(prep, handle, indent=1)
print("BENCH mixed prep", len(desks), "desks", len(leaders), "leaders", len(procedures), "procedures", marks)
