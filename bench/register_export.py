# Benchmark 7-8 (tracking register exports), run inside `odoo shell -d <db>` (reads `env`); writes
# $BENCH_OUT/register_xlsx.json and register_pdf.json. The register of the busiest unit over the
# most recent months that hold BENCH_REGISTER_ROWS dossiers (80,000 by default: a month of a
# provincial service centre; a smaller database gives fewer rows, and the time per 80,000 rows
# is extrapolated linearly), exported as the province monitor (record rules included) through
# the wizard's own methods: XLSX (batched reads, constant-memory writer) and PDF (sheets of a
# fixed number of rows, rendered by wkhtmltopdf in parts and merged). Nothing is written.
import json
import os
import re
import subprocess
import time
from datetime import timedelta

env = globals()["env"]
OUT = os.environ["BENCH_OUT"]
ROWS = int(os.environ.get("BENCH_REGISTER_ROWS", "80000"))
PDF_ROWS = int(os.environ.get("BENCH_REGISTER_PDF_ROWS", str(ROWS)))
TARGET_S = 30.0
cr = env.cr

cr.execute(
    "SELECT unit_id, count(*) FROM motcua_dossier WHERE state != 'draft' AND received_at IS NOT NULL "
    "GROUP BY unit_id ORDER BY 2 DESC LIMIT 1"
)
unit_id, unit_total = cr.fetchone()
unit = env["motcua.unit"].browse(unit_id)


def period_for(rows):
    """The most recent whole months of the unit holding at least ``rows`` dossiers (or all)."""
    cr.execute(
        "SELECT date_trunc('month', received_at + interval '7 hours') AS m, count(*) FROM motcua_dossier "
        "WHERE unit_id = %s AND state != 'draft' AND received_at IS NOT NULL GROUP BY m ORDER BY m DESC",
        [unit_id],
    )
    months, count = cr.fetchall(), 0
    first = last = None
    for month, n in months:
        last = last or month
        first, count = month, count + n
        if count >= rows:
            break
    date_to = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first.date(), date_to.date(), count


user = env.ref("motcua_base.user_province_monitor", raise_if_not_found=False) or env.user
Wizard = env["motcua.dossier.register.wizard"].with_user(user)


def measure(rows, method):
    date_from, date_to, _count = period_for(rows)
    wizard = Wizard.create({"unit_id": unit.id, "date_from": date_from, "date_to": date_to})
    count = env["motcua.dossier"].with_user(user).search_count(wizard._motcua_register_domain())
    began = time.perf_counter()
    content = getattr(wizard, method)()
    seconds = time.perf_counter() - began
    return wizard, count, seconds, content


try:
    wizard, rows, xlsx_s, xlsx = measure(ROWS, "_motcua_register_xlsx")
    per_80k = xlsx_s * 80000 / rows if rows else None
    xlsx_section = {
        "id": 7,
        "key": "register_xlsx",
        "name": "Tracking register as XLSX (time for 80,000 rows)",
        "metric": "s",
        "higher_is_better": False,
        "value": round(per_80k, 2) if per_80k else None,
        "baseline": None,
        "baseline_name": "-",
        "ratio": None,
        "target": None,
        "target_ms": TARGET_S * 1000,
        "value_ms": round(per_80k * 1000) if per_80k else None,
        "extra": {
            "rows": rows,
            "seconds": round(xlsx_s, 2),
            "rows_per_second": round(rows / xlsx_s) if xlsx_s else None,
            "extrapolated_to_80000": rows < 80000,
            "bytes": len(xlsx),
            "unit": unit.display_name,
            "period": f"{wizard.date_from} .. {wizard.date_to}",
            "user": user.login,
        },
    }
    wizard, rows, pdf_s, pdf = measure(PDF_ROWS, "_motcua_register_pdf")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    pdf_section = {
        "id": 8,
        "key": "register_pdf",
        "name": "Tracking register as PDF, sheets rendered in parts (time for 80,000 rows)",
        "metric": "s",
        "higher_is_better": False,
        "value": round(pdf_s * 80000 / rows, 1) if rows else None,
        "baseline": None,
        "baseline_name": "-",
        "ratio": None,
        "target": None,
        "extra": {
            "rows": rows,
            "seconds": round(pdf_s, 2),
            "pages": pages,
            "ms_per_page": round(1000 * pdf_s / pages, 1) if pages else None,
            "extrapolated_to_80000": rows < 80000,
            "bytes": len(pdf),
            "period": f"{wizard.date_from} .. {wizard.date_to}",
        },
    }
finally:
    cr.rollback()
for section in (xlsx_section, pdf_section):
    with open(os.path.join(OUT, f"{section['key']}.json"), "w", encoding="utf-8") as handle:
        json.dump(section, handle, indent=1, ensure_ascii=False)
    print("BENCH", section["key"], json.dumps(section, ensure_ascii=False))
