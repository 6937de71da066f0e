# Benchmark 9 (mixed load), run inside `odoo shell -d <db>` after the server stopped: removes what
# the run added to the benchmark database (the dossiers the desks received, with their papers,
# steps, chatter, queued SMS and e-mails, the applicants' contacts, the inbound SMS log), so
# that the cached database stays the generated one. The ids are those above the marks that
# bench/mixed_prep.py kept; the dossiers are those with the mixed load's request summary.
import json
import os

env = globals()["env"]
WORK = os.environ["BENCH_WORK"]
MARKER = "Bench mixed load"
with open(os.path.join(WORK, "mixed_prep.json"), encoding="utf-8") as handle:
    marks = json.load(handle)["marks"]
cr = env.cr
cr.execute(
    "SELECT id, partner_id FROM motcua_dossier WHERE id > %s AND request_summary = %s",
    [marks["motcua_dossier"], MARKER],
)
rows = cr.fetchall()
ids = [row[0] for row in rows] or [0]
partners = [row[1] for row in rows if row[1] and row[1] > marks["res_partner"]] or [0]
cr.execute(
    "DELETE FROM mail_message WHERE id > %s AND model = 'motcua.dossier' AND res_id = ANY(%s)",
    [marks["mail_message"], ids],
)
cr.execute("DELETE FROM mail_followers WHERE res_model = 'motcua.dossier' AND res_id = ANY(%s)", [ids])
cr.execute("DELETE FROM sms_sms WHERE id > %s", [marks["sms_sms"]])
cr.execute("DELETE FROM motcua_sms_inbound WHERE id > %s", [marks["motcua_sms_inbound"]])
cr.execute("DELETE FROM motcua_dossier WHERE id = ANY(%s)", [ids])
removed = cr.rowcount
cr.execute("SAVEPOINT partners")
try:
    cr.execute("DELETE FROM res_partner WHERE id = ANY(%s)", [partners])
    cr.execute("RELEASE SAVEPOINT partners")
except Exception as exc:
    cr.execute("ROLLBACK TO SAVEPOINT partners")
    print("BENCH mixed cleanup: contacts kept:", exc)
env.cr.commit()
print("BENCH mixed cleanup: removed", removed, "dossiers")
