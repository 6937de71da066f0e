"""Render MotCua's printed papers of the demo database to docs/screenshots/ (PNG, 80 dpi).

    make run            # in another terminal
    .venv/bin/python docs/render_papers.py [http://127.0.0.1:8069] [motcua]

Prints, as the demo users would (over HTTP, `/report/pdf/...`): the receipt of the demo dossier
whose key is DEMO23, the extract of a registered birth, and a page of the incoming document
register of Phường Long An (registering and assigning the demo's incoming plan first if no
document is registered yet, as the desk and the leader would).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from clients import WebSession

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069"
DB = sys.argv[2] if len(sys.argv) > 2 else "motcua"
OUT = Path(__file__).resolve().parent / "screenshots"


def session(login):
    return WebSession(URL, DB, login, login)


def one(user, model, domain):
    ids = user.call(model, "search", domain, limit=1)
    if not ids:
        sys.exit(f"the demo has no {model} matching {domain}")
    return ids[0]


def registered_incoming(admin):
    found = admin.call("motcua.incoming.document", "search", [("incoming_number", "!=", False)], limit=1)
    if found:
        return found[0]
    doc = one(admin, "motcua.incoming.document", [("reference", "=", "125/KH-UBND")])
    session("tiepnhan").call("motcua.incoming.document", "action_register", [doc])
    leader = session("lanhdao")
    specialist = one(admin, "res.users", [("login", "=", "chuyenvien")])
    [wizard] = leader.call(
        "motcua.incoming.assign",
        "create",
        [
            {
                "document_id": doc,
                "lead_user_id": specialist,
                "handling_days": 5,
                "instructions": "Chủ trì tham mưu kế hoạch triển khai, báo cáo trước hạn.",
            }
        ],
    )
    leader.call("motcua.incoming.assign", "action_confirm", [wizard])
    return doc


def render(user, report, record_id, name):
    response = user.get(f"/report/pdf/{report}/{record_id}")
    if response.headers.get("Content-Type") != "application/pdf":
        sys.exit(f"{report}: no PDF ({response.status_code})")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(response.content)
        pdf.flush()
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.name, str(OUT / name)], check=True
        )
    print(OUT / f"{name}.png")


def main():
    admin = session("admin")
    officer = session("tiepnhan")
    render(
        officer,
        "motcua_dossier.report_dossier_receipt",
        one(officer, "motcua.dossier", [("lookup_key", "=", "DEMO23")]),
        "paper-receipt",
    )
    civil = session("hotich")
    render(
        civil,
        "motcua_civil_registry.report_civil_extract",
        one(civil, "motcua.civil.event", [("state", "=", "registered"), ("event_type", "=", "birth")]),
        "paper-civil-extract",
    )
    doc = registered_incoming(admin)
    [unit] = admin.call("motcua.incoming.document", "read", [doc], ["unit_id"])
    [wizard] = officer.call(
        "motcua.document.register.wizard",
        "create",
        [{"register": "incoming", "unit_id": unit["unit_id"][0], "date_from": "2026-01-01", "date_to": "2026-12-31"}],
    )
    render(officer, "motcua_documents.report_document_register", wizard, "paper-incoming-register")
    render(officer, "motcua_documents.report_incoming_handling_slip", doc, "paper-handling-slip")


if __name__ == "__main__":
    main()
