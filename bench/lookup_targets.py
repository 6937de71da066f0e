# Run inside `odoo shell -d <db>`: write the request paths of the lookup benchmarks into
# $BENCH_WORK (api_paths.txt, page_paths.txt: random existing dossiers with their keys), or a
# .reason file when the route or the data is missing.
import os
from urllib.parse import quote, urlencode

env = globals()["env"]
WORK = os.environ["BENCH_WORK"]
SAMPLE = int(os.environ.get("BENCH_LOOKUP_SAMPLE", "5000"))

rules = {rule.rule for rule in env["ir.http"].routing_map().iter_rules()}
routes = {
    "api_paths.txt": "/api/v1/dossiers/<string:code>" in rules,
    "page_paths.txt": "/tra-cuu-ho-so" in rules,
}
rows = []
if "motcua.dossier" in env and "lookup_key" in env["motcua.dossier"]._fields:
    env.cr.execute(
        """
        SELECT name, lookup_key FROM motcua_dossier TABLESAMPLE SYSTEM (10)
         WHERE state != 'draft' AND lookup_key IS NOT NULL LIMIT %s""",
        [SAMPLE],
    )
    rows = env.cr.fetchall()
    if len(rows) < min(SAMPLE, 100):
        env.cr.execute(
            """
            SELECT name, lookup_key FROM motcua_dossier
             WHERE state != 'draft' AND lookup_key IS NOT NULL ORDER BY random() LIMIT %s""",
            [SAMPLE],
        )
        rows = env.cr.fetchall()
for name in routes:
    for suffix in ("", ".reason"):
        if os.path.exists(os.path.join(WORK, name + suffix)):
            os.remove(os.path.join(WORK, name + suffix))
for name, present in routes.items():
    if not present:
        reason = "not available: route missing"
    elif not rows:
        reason = "not available: no received dossier to look up"
    else:
        reason = None
    if reason:
        with open(os.path.join(WORK, name + ".reason"), "w", encoding="utf-8") as handle:
            handle.write(reason)
        continue
    with open(os.path.join(WORK, name), "w", encoding="utf-8") as handle:
        for code, key in rows:
            if name == "api_paths.txt":
                handle.write(f"/api/v1/dossiers/{quote(code, safe='')}?{urlencode({'key': key})}\n")
            else:
                handle.write(f"/tra-cuu-ho-so?{urlencode({'code': code, 'key': key})}\n")
# earlier failed attempts from 127.0.0.1 (a broken run) must not throttle this one
if "motcua.rate.limit" in env:
    env["motcua.rate.limit"].search([("client", "=", "127.0.0.1")]).unlink()
    env.cr.commit()
print("BENCH targets", len(rows), routes)
