"""Hostile staff and citizens against the one-stop dossiers, from outside (issue 13).

Each test is an attack that worked before the fix: forging the published figures (workflow
outputs written directly, steps deleted, a specialist signing for the leader, lateness hidden by
a new appointment), reading the applicants' personal data through a path the mask did not cover,
writing as the province monitor, taking over a desk dossier by registering its e-mail first, and
breaking or out-guessing the public routes. The tests make their own dossiers as the demo
receiving officer (demo logins: password = login) and leave the demo data usable.
"""

import concurrent.futures
import datetime
import re
import uuid

import pytest
import requests
from clients import RpcError
from papers import pdf_text, qr_codes

SECRET_ID = "080091004321"
SECRET_PHONE = "0912 777 321"
SECRET_ADDRESS = "99 Đường Bí Mật Tấn Công"
SECRETS = (SECRET_ID, SECRET_PHONE, "0912777321", SECRET_ADDRESS, "777 321")


def _now(delta_days=0):
    moment = datetime.datetime.now(datetime.UTC).replace(tzinfo=None) + datetime.timedelta(days=delta_days)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _leaks(payload):
    text = repr(payload) if not isinstance(payload, str) else payload
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture(scope="module")
def admin(rpc):
    return rpc("admin", "admin")


@pytest.fixture(scope="module")
def officer(web):
    return web("tiepnhan", "tiepnhan")


@pytest.fixture(scope="module")
def specialist(web):
    return web("chuyenvien", "chuyenvien")


@pytest.fixture(scope="module")
def leader(web):
    return web("lanhdao", "lanhdao")


@pytest.fixture(scope="module")
def monitor(web):
    return web("giamsat", "giamsat")


@pytest.fixture(scope="module")
def ward(officer):
    [user] = officer.call("res.users", "read", [officer.uid], ["motcua_unit_ids"])
    return user["motcua_unit_ids"][0]


@pytest.fixture(scope="module")
def procedure(admin):
    """A demo procedure of three steps: receiving officer, specialist, leader."""
    [xmlid] = admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "motcua_dossier"), ("name", "=", "procedure_marital_status")],
        fields=["res_id"],
    )
    return xmlid["res_id"]


@pytest.fixture(scope="module")
def make_dossier(officer, ward, procedure):
    def make(receive=True, **values):
        vals = {
            "procedure_id": procedure,
            "unit_id": ward,
            "applicant_name": "Người Thử Tấn Công",
            "applicant_id_number": SECRET_ID,
            "applicant_phone": SECRET_PHONE,
            "applicant_address": SECRET_ADDRESS,
            "request_summary": "attack test",
        }
        vals.update(values)
        dossier_id = officer.call("motcua.dossier", "create", [vals])
        dossier_id = dossier_id[0] if isinstance(dossier_id, list) else dossier_id
        [dossier] = officer.call("motcua.dossier", "read", [dossier_id], ["paper_ids"])
        officer.call("motcua.dossier.paper", "write", dossier["paper_ids"], {"received": True})
        if receive:
            officer.call("motcua.dossier", "action_receive", [dossier_id])
        return dossier_id

    return make


@pytest.fixture(scope="module")
def sms_dossier(make_dossier):
    """Received, no e-mail: the receipt goes out by SMS."""
    return make_dossier()


@pytest.fixture(scope="module")
def mail_dossier(make_dossier):
    """Received with an e-mail: the receipt goes out by e-mail."""
    return make_dossier(applicant_email=f"applicant.{uuid.uuid4().hex[:8]}@example.com")


@pytest.fixture(scope="module")
def overdue_dossier(officer):
    """A demo dossier received a month ago and still in progress."""
    ids = officer.call(
        "motcua.dossier", "search", [("timeliness", "=", "overdue"), ("state", "=", "in_progress")], limit=1
    )
    assert ids, "the demo has an overdue dossier in progress"
    return ids[0]


def _refused(call, *args, name="AccessError", **kwargs):
    with pytest.raises(RpcError) as info:
        call(*args, **kwargs)
    assert name in info.value.name, info.value
    assert info.value.message
    return info.value


# ---------------------------------------------------------------------- forging the figures
@pytest.mark.parametrize(
    "vals",
    [
        {"timeliness": "within"},
        {"due_at": "2099-01-01 10:00:00"},
        {"legal_due_at": "2099-01-01 10:00:00"},
        {"state": "returned"},
        {"finished_at": "2020-01-01 10:00:00"},
        {"name": "FORGED-0001"},
        {"handling_unit_id": False},
        {"access_unit_ids": [(5, 0, 0)]},
    ],
)
def test_officer_cannot_write_workflow_outputs(officer, overdue_dossier, vals):
    fields = [f for f in vals if f != "access_unit_ids"] + ["timeliness", "state"]
    [before] = officer.call("motcua.dossier", "read", [overdue_dossier], fields)
    error = _refused(officer.call, "motcua.dossier", "write", [overdue_dossier], vals)
    assert "action" in error.message
    [after] = officer.call("motcua.dossier", "read", [overdue_dossier], fields)
    assert after == before


def test_officer_cannot_forge_over_json2(json2, overdue_dossier):
    client = json2("tiepnhan", "tiepnhan")
    _refused(client, "motcua.dossier", "write", ids=[overdue_dossier], vals={"timeliness": "on_time"})
    [row] = client("motcua.dossier", "read", ids=[overdue_dossier], fields=["timeliness"])
    assert row["timeliness"] == "overdue"


def test_officer_cannot_create_a_finished_dossier(officer, ward, procedure):
    _refused(
        officer.call,
        "motcua.dossier",
        "create",
        [
            {
                "procedure_id": procedure,
                "unit_id": ward,
                "applicant_name": "X",
                "state": "returned",
                "timeliness": "early",
                "finished_at": _now(-1),
            }
        ],
    )


def test_the_clock_of_an_action_cannot_be_sent_in_the_context(officer, make_dossier):
    dossier = make_dossier(receive=False)
    officer.call("motcua.dossier", "action_receive", [dossier], context={"motcua_now": "2020-01-01 03:00:00"})
    [row] = officer.call("motcua.dossier", "read", [dossier], ["received_at"])
    assert row["received_at"] > "2026-01-01"


def test_steps_and_papers_are_the_audit_trail(officer, specialist, overdue_dossier):
    [dossier] = officer.call("motcua.dossier", "read", [overdue_dossier], ["step_ids", "paper_ids"])
    assert dossier["step_ids"] and dossier["paper_ids"]
    _refused(specialist.call, "motcua.dossier.step", "unlink", dossier["step_ids"])
    _refused(specialist.call, "motcua.dossier.step", "write", dossier["step_ids"][:1], {"state": "done"})
    _refused(
        specialist.call,
        "motcua.dossier.step",
        "create",
        [{"dossier_id": overdue_dossier, "name": "forged", "unit_id": False}],
    )
    _refused(officer.call, "motcua.dossier.paper", "unlink", dossier["paper_ids"], name="UserError")
    _refused(officer.call, "motcua.dossier.paper", "write", dossier["paper_ids"], {"received": False}, name="UserError")
    _refused(
        officer.call,
        "motcua.dossier.apology",
        "create",
        [{"dossier_id": overdue_dossier, "unit_id": False, "reason": "x", "old_due_at": _now(), "new_due_at": _now(1)}],
    )
    [after] = officer.call("motcua.dossier", "read", [overdue_dossier], ["step_ids", "paper_ids"])
    assert after == dossier


def test_a_step_is_completed_only_by_its_role(officer, specialist, leader, make_dossier):
    dossier = make_dossier()
    specialist.call("motcua.dossier", "action_start", [dossier])
    specialist.call("motcua.dossier", "action_handover", [dossier])  # checking the papers
    # the second step is the specialist's: not the receiving officer's
    _refused(officer.call, "motcua.dossier", "action_handover", [dossier])
    specialist.call("motcua.dossier", "action_handover", [dossier])
    # the third is the leader's signature: the specialist cannot sign for them
    error = _refused(specialist.call, "motcua.dossier", "action_handover", [dossier])
    assert "leader" in error.message or "lãnh đạo" in error.message.lower()
    [row] = specialist.call("motcua.dossier", "read", [dossier], ["state"])
    assert row["state"] == "in_progress"
    # the leader was told (activity) and signs
    activities = leader.call(
        "mail.activity", "search_read", [("res_model", "=", "motcua.dossier"), ("res_id", "=", dossier)], ["user_id"]
    )
    assert leader.uid in [a["user_id"][0] for a in activities]
    leader.call("motcua.dossier", "action_handover", [dossier])
    [row] = leader.call("motcua.dossier", "read", [dossier], ["state"])
    assert row["state"] == "result_ready"


def test_a_new_appointment_does_not_hide_lateness(officer, admin, overdue_dossier):
    officer.call("motcua.dossier", "action_change_due", [overdue_dossier], _now(60), "Chờ kết quả xác minh")
    [row] = officer.call(
        "motcua.dossier", "read", [overdue_dossier], ["timeliness", "due_at", "legal_due_at", "due_change_ids"]
    )
    assert row["timeliness"] == "overdue"
    assert row["legal_due_at"] < row["due_at"]
    [change] = officer.call(
        "motcua.dossier.due.change", "read", row["due_change_ids"][:1], ["user_id", "reason", "new_due_at"]
    )
    assert change["user_id"][0] == officer.uid
    assert change["reason"] == "Chờ kết quả xác minh"
    # an overdue dossier stays overdue in the statistics the province publishes
    overdue = officer.call(
        "motcua.dossier", "search_count", [("timeliness", "=", "overdue"), ("id", "=", overdue_dossier)]
    )
    assert overdue == 1


# ---------------------------------------------------------------------- the province monitor
def test_monitor_writes_nothing(monitor, overdue_dossier, sms_dossier):
    for dossier in (overdue_dossier, sms_dossier):
        _refused(monitor.call, "motcua.dossier", "write", [dossier], {"request_summary": "monitor was here"})
        _refused(monitor.call, "motcua.dossier", "action_request_supplement", [dossier], "x")
    _refused(monitor.call, "motcua.dossier", "action_handover", [overdue_dossier])
    [row] = monitor.call("motcua.dossier", "read", [sms_dossier], ["request_summary"])
    assert row["request_summary"] == "attack test"


def test_monitor_posts_and_attaches_nothing(monitor, sms_dossier):
    _refused(monitor.call, "motcua.dossier", "message_post", [sms_dossier], body="Đã xử lý xong, khỏi chờ")
    _refused(
        monitor.call,
        "ir.attachment",
        "create",
        [{"name": "ket-qua.pdf", "res_model": "motcua.dossier", "res_id": sms_dossier, "raw": "forged"}],
    )
    _refused(monitor.call, "motcua.dossier", "unlink", [sms_dossier])


def test_portal_owner_changes_nothing_but_through_the_portal(citizen, officer, make_dossier):
    owner = citizen(f"own.{uuid.uuid4().hex[:6]}@example.com")
    dossier = make_dossier()
    [row] = officer.call("motcua.dossier", "read", [dossier], ["name", "lookup_key_display"])
    token = re.search(r'name="csrf_token" value="([^"]+)"', owner.get("/my/dossiers").text).group(1)
    owner.post(
        "/my/dossiers/claim",
        data={"code": row["name"], "key": row["lookup_key_display"], "id_number": SECRET_ID, "csrf_token": token},
    )
    assert dossier in owner.call("motcua.dossier", "search", [])
    _refused(owner.call, "motcua.dossier", "write", [dossier], {"request_summary": "x"})
    _refused(owner.call, "motcua.dossier", "action_return", [dossier])
    _refused(owner.call, "motcua.dossier", "action_change_due", [dossier], _now(90), "x")
    [own] = owner.call("motcua.dossier", "read", [dossier], ["applicant_id_number", "state"])
    assert own["applicant_id_number"] == SECRET_ID and own["state"] == "received"


def test_monitor_reads_every_unit(monitor, sms_dossier, overdue_dossier):
    rows = monitor.call("motcua.dossier", "read", [sms_dossier, overdue_dossier], ["name", "state"])
    assert len(rows) == 2


# ---------------------------------------------------------------------- personal data
def test_monitor_reads_masked_personal_data(monitor, sms_dossier):
    fields = ["applicant_id_number", "applicant_phone", "applicant_address", "applicant_birth_date"]
    [row] = monitor.call("motcua.dossier", "read", [sms_dossier], fields)
    assert row["applicant_id_number"] == "***" and row["applicant_phone"] == "***"
    assert not _leaks(monitor.call("motcua.dossier", "search_read", [("id", "=", sms_dossier)], fields))
    assert not _leaks(
        monitor.call("motcua.dossier", "web_search_read", [("id", "=", sms_dossier)], {f: {} for f in fields})
    )
    assert not _leaks(monitor.call("motcua.dossier", "web_read", [sms_dossier], {f: {} for f in fields}))


@pytest.mark.parametrize("field", ["applicant_id_number", "applicant_phone", "applicant_address"])
def test_monitor_cannot_group_by_personal_data(monitor, sms_dossier, field):
    for method, args, kwargs in [
        ("read_group", [[("id", "=", sms_dossier)], [field], [field]], {}),
        ("formatted_read_group", [[("id", "=", sms_dossier)], [field]], {"aggregates": ["__count"]}),
        ("web_read_group", [[("id", "=", sms_dossier)], [field]], {"aggregates": ["__count"]}),
    ]:
        with pytest.raises(RpcError) as refused:
            monitor.call("motcua.dossier", method, *args, **kwargs)
        assert refused.value.name == "odoo.exceptions.AccessError", method
        assert "cannot be grouped or counted by the applicant's personal data" in refused.value.message


@pytest.mark.parametrize(
    "domain",
    [
        [("applicant_id_number", "=", SECRET_ID)],
        [("applicant_id_number", "ilike", SECRET_ID[:9])],
        [("applicant_phone", "ilike", "777 321")],
        [("applicant_address", "ilike", "Bí Mật Tấn Công")],
        [("personal_id.id_number", "=", SECRET_ID)],
    ],
)
def test_monitor_cannot_search_on_personal_data(monitor, sms_dossier, domain):
    """An existence oracle: "is this citizen ID in a dossier?" must not be answered."""
    try:
        found = monitor.call("motcua.dossier", "search", domain)
    except RpcError:
        return
    assert sms_dossier not in found


def test_handler_finds_by_id_number(officer, sms_dossier):
    assert sms_dossier in officer.call("motcua.dossier", "search", [("applicant_id_number", "=", SECRET_ID)])


def test_monitor_name_search_and_export(monitor, sms_dossier):
    assert sms_dossier not in [r[0] for r in monitor.call("motcua.dossier", "name_search", SECRET_ID)]
    try:
        exported = monitor.call(
            "motcua.dossier",
            "export_data",
            [sms_dossier],
            ["name", "applicant_id_number", "applicant_phone", "applicant_address"],
        )
    except RpcError as error:
        assert "export" in error.message  # not allowed to export at all
        return
    assert exported["datas"] and not _leaks(exported)


def test_monitor_cannot_read_the_personal_model(monitor, sms_dossier):
    [row] = monitor.call("motcua.dossier", "read", [sms_dossier], ["personal_id"])
    if row["personal_id"]:
        _refused(monitor.call, "motcua.dossier.personal", "read", [row["personal_id"][0]], ["id_number"])
    assert not _leaks(monitor.call("motcua.dossier.personal", "search_read", [], ["id_number", "phone"]))


def test_monitor_receipt_report_is_masked(monitor, officer, sms_dossier):
    html = monitor.get(f"/report/html/motcua_dossier.report_dossier_receipt/{sms_dossier}")
    assert html.status_code == 200 and "Người Thử" in html.text
    assert not _leaks(html.text)
    # the handler prints the real data
    own = officer.get(f"/report/html/motcua_dossier.report_dossier_receipt/{sms_dossier}")
    assert SECRET_ID in own.text


def test_monitor_reads_no_personal_data_in_the_chatter(officer, monitor, make_dossier):
    dossier = make_dossier()
    # a correction while received: tracked, but without the old and new values
    officer.call("motcua.dossier", "write", [dossier], {"applicant_phone": "0987 000 111"})
    messages = monitor.call(
        "mail.message", "search_read", [("model", "=", "motcua.dossier"), ("res_id", "=", dossier)], ["body"]
    )
    assert messages and not _leaks(messages)
    # the chatter as the web client loads it, with the formatted tracking values
    chatter = monitor._jsonrpc(
        "/mail/thread/messages",
        {"thread_model": "motcua.dossier", "thread_id": dossier, "fetch_params": {"limit": 100}},
    )
    assert "Personal data of the applicant changed" in repr(chatter) or "Thông tin cá nhân" in repr(chatter)
    assert not _leaks(chatter) and "0987 000 111" not in repr(chatter)
    # nor through mail.tracking.value directly
    try:
        rows = monitor.call(
            "mail.tracking.value",
            "search_read",
            [("mail_message_id.res_id", "=", dossier)],
            ["old_value_char", "new_value_char"],
        )
    except RpcError:
        rows = []
    assert not _leaks(rows) and "0987 000 111" not in repr(rows)


def test_the_linked_contact_holds_no_phone_or_address(monitor, specialist, sms_dossier):
    [row] = specialist.call("motcua.dossier", "read", [sms_dossier], ["partner_id"])
    assert row["partner_id"]
    for session in (monitor, specialist):
        [partner] = session.call("res.partner", "read", [row["partner_id"][0]], ["phone", "street", "name"])
        assert not _leaks(partner)
    assert not _leaks(monitor.call("res.partner", "search_read", [("phone", "ilike", "777 321")], ["name"]))


def test_sms_number_and_notes_are_masked(monitor, admin, officer, sms_dossier):
    notes = monitor.call(
        "mail.message", "search_read", [("model", "=", "motcua.dossier"), ("res_id", "=", sms_dossier)], ["body"]
    )
    assert any("SMS" in note["body"] for note in notes), "the receipt was sent by SMS"
    assert not _leaks(notes)
    [mine] = officer.call("motcua.dossier", "read", [sms_dossier], ["lookup_key_display"])
    assert mine["lookup_key_display"] not in repr(notes), "the chatter shows the SMS without the lookup key"
    # the SMS themselves (number, text with the key) are in Odoo's sms.sms: system administrators only
    sms = admin("sms.sms", "search_read", [("mail_message_id.res_id", "=", sms_dossier)], ["number"])
    assert sms and sms[0]["number"].startswith("+84")
    for session in (monitor, officer):
        _refused(session.call, "sms.sms", "search_read", [("id", "=", sms[0]["id"])], ["number", "body"])
        _refused(session.call, "sms.sms", "create", [{"number": "+84987654321", "body": "spam"}])


def test_gateway_secrets_are_for_system_administrators(monitor, officer, admin):
    [company] = admin("res.company", "search", [], limit=1)
    for session in (monitor, officer):
        for field in ("motcua_sms_token", "motcua_sms_url", "motcua_sms_inbound_secret"):
            _refused(session.call, "res.company", "read", [company], [field])
            _refused(session.call, "res.company", "search_read", [("id", "=", company)], [field])
        _refused(session.call, "res.config.settings", "create", {})


def test_receipt_mail_attachment_is_not_readable(monitor, mail_dossier):
    attachments = monitor.call(
        "ir.attachment", "search_read", [("res_model", "=", "motcua.dossier"), ("res_id", "=", mail_dossier)], ["name"]
    )
    messages = monitor.call(
        "mail.message",
        "search_read",
        [("model", "=", "motcua.dossier"), ("res_id", "=", mail_dossier)],
        ["attachment_ids", "body"],
    )
    attachment_ids = {a["id"] for a in attachments} | {i for m in messages for i in m["attachment_ids"]}
    for attachment_id in attachment_ids:
        content = monitor.get(f"/web/content/{attachment_id}")
        assert content.status_code != 200 or not _leaks(content.content.decode("latin-1")), attachment_id
    assert not attachment_ids, "the unmasked receipt is stored with the e-mail"


def test_reading_personal_data_is_logged(officer, admin, sms_dossier):
    officer.call("motcua.dossier", "read", [sms_dossier], ["applicant_id_number"])
    logs = admin(
        "motcua.access.log",
        "search_read",
        [("res_model", "=", "motcua.dossier"), ("res_id", "=", sms_dossier)],
        fields=["user_id", "channel"],
    )
    assert any(log["user_id"][0] == officer.uid for log in logs)
    _refused(officer.call, "motcua.access.log", "search", [])


def test_monitor_reads_are_not_logged_as_accesses(monitor, admin, sms_dossier):
    monitor.call("motcua.dossier", "read", [sms_dossier], ["applicant_id_number"])
    logs = admin(
        "motcua.access.log",
        "search_read",
        [("res_model", "=", "motcua.dossier"), ("res_id", "=", sms_dossier), ("user_id", "=", monitor.uid)],
        fields=["id"],
    )
    assert not logs  # they obtained nothing


# ---------------------------------------------------------------------- citizens and the portal
@pytest.fixture(scope="module")
def citizen(admin, web):
    """Two portal citizens made for these tests (archived at the end)."""
    made = []

    def make(email):
        login = f"attack.{uuid.uuid4().hex[:8]}"
        [portal] = admin(
            "ir.model.data", "search_read", [("module", "=", "base"), ("name", "=", "group_portal")], fields=["res_id"]
        )
        [user_id] = admin(
            "res.users",
            "create",
            [
                {
                    "name": f"Công Dân {login}",
                    "login": login,
                    "password": login,
                    "email": email,
                    "group_ids": [(6, 0, [portal["res_id"]])],
                }
            ],
        )
        made.append(user_id)
        session = web(login, login)
        session.login = login
        return session

    yield make
    if made:
        admin("res.users", "write", made, {"active": False})


def test_desk_dossier_is_not_given_to_whoever_registered_its_email(citizen, officer, make_dossier):
    tag = uuid.uuid4().hex[:6]
    # the attacker registered first, with a wildcard that =ilike matched
    attacker = citizen(f"victim_{tag}@example.com".replace("_", "x"))
    attacker2 = citizen(f"victim_{tag}@example.com")
    dossier = make_dossier(applicant_email=f"victim_{tag}@example.com")
    for session in (attacker, attacker2):
        assert dossier not in session.call("motcua.dossier", "search", [])
        response = session.get(f"/my/dossiers/{dossier}", allow_redirects=False)
        assert response.status_code in (302, 303, 403, 404)


def test_citizen_claims_a_desk_dossier_with_the_printed_key(citizen, officer, make_dossier):
    owner = citizen(f"owner.{uuid.uuid4().hex[:6]}@example.com")
    dossier = make_dossier()
    [row] = officer.call("motcua.dossier", "read", [dossier], ["name", "lookup_key_display"])
    page = owner.get("/my/dossiers")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    wrong = owner.post(
        "/my/dossiers/claim", data={"code": row["name"], "key": "WRONG1", "csrf_token": token}, allow_redirects=False
    )
    assert wrong.status_code in (302, 303) and dossier not in owner.call("motcua.dossier", "search", [])
    # the key alone (which a province monitor can read) is not enough: the ID number is asked too
    key_only = owner.post(
        "/my/dossiers/claim",
        data={"code": row["name"], "key": row["lookup_key_display"], "csrf_token": token},
        allow_redirects=False,
    )
    assert key_only.status_code in (302, 303) and dossier not in owner.call("motcua.dossier", "search", [])
    right = owner.post(
        "/my/dossiers/claim",
        data={"code": row["name"], "key": row["lookup_key_display"], "id_number": SECRET_ID, "csrf_token": token},
        allow_redirects=False,
    )
    assert right.status_code in (302, 303)
    assert dossier in owner.call("motcua.dossier", "search", [])
    # the owner sees their own data; the error text of a URL is not reflected
    page = owner.get(f"/my/dossiers/{dossier}", params={"error": "<b>PHISHING-7731</b> call 1900"})
    assert page.status_code == 200
    assert "PHISHING-7731</b> call" not in page.text and "PHISHING-7731&lt;/b&gt; call" not in page.text


def test_nobody_else_resubmits_a_citizens_supplement(citizen, officer, monitor, make_dossier):
    owner = citizen(f"sup.{uuid.uuid4().hex[:6]}@example.com")
    dossier = make_dossier()
    [row] = officer.call("motcua.dossier", "read", [dossier], ["name", "lookup_key_display"])
    token = re.search(r'name="csrf_token" value="([^"]+)"', owner.get("/my/dossiers").text).group(1)
    owner.post(
        "/my/dossiers/claim",
        data={"code": row["name"], "key": row["lookup_key_display"], "id_number": SECRET_ID, "csrf_token": token},
    )
    officer.call("motcua.dossier", "action_request_supplement", [dossier], "Thiếu giấy xác nhận")
    page = monitor.get(f"/my/dossiers/{dossier}")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    monitor_token = match.group(1) if match else ""
    monitor.post(
        f"/my/dossiers/{dossier}/supplement",
        data={"csrf_token": monitor_token},
        files={"files": ("giay.pdf", b"%PDF-1.4 forged", "application/pdf")},
    )
    [after] = officer.call("motcua.dossier", "read", [dossier], ["state"])
    assert after["state"] == "supplement"
    other = citizen(f"other.{uuid.uuid4().hex[:6]}@example.com")
    other_token = re.search(r'name="csrf_token" value="([^"]+)"', other.get("/my/dossiers").text).group(1)
    other.post(
        f"/my/dossiers/{dossier}/supplement",
        data={"csrf_token": other_token},
        files={"files": ("giay.pdf", b"%PDF-1.4 forged", "application/pdf")},
    )
    [after] = officer.call("motcua.dossier", "read", [dossier], ["state"])
    assert after["state"] == "supplement"


def test_online_form_with_a_bad_procedure_is_a_404(citizen):
    session = citizen(f"new.{uuid.uuid4().hex[:6]}@example.com")
    for value in ("abc", "1e3", "-1", "9" * 30):
        response = session.get("/my/dossiers/new", params={"procedure_id": value})
        assert response.status_code == 404, value


# ---------------------------------------------------------------------- public routes
@pytest.fixture()
def clean_limits(admin):
    def clean():
        ids = admin("motcua.rate.limit", "search", [])
        if ids:
            admin("motcua.rate.limit", "unlink", ids)

    clean()
    yield
    clean()


def test_phone_digits_are_not_a_second_factor(base_url, admin, clean_limits):
    rows = admin(
        "motcua.dossier",
        "search_read",
        [("state", "!=", "draft"), ("applicant_phone", "!=", False)],
        fields=["name", "applicant_phone"],
        limit=3,
    )
    assert rows
    for row in rows:
        digits = re.sub(r"\D", "", row["applicant_phone"])[-4:]
        response = requests.get(f"{base_url}/api/v1/dossiers/{row['name']}", params={"key": digits}, timeout=30)
        assert response.status_code == 404
        page = requests.get(f"{base_url}/tra-cuu-ho-so", params={"code": row["name"], "key": digits}, timeout=30)
        assert row["name"] not in page.text or "No dossier" in page.text or "Không" in page.text


@pytest.mark.parametrize("code", ["ABC\x00DEF", "%00", "\x00", "A" * 5000, "ñ\x7f\x01", "000.20.01.H59-ñ"])
def test_strange_codes_get_a_4xx(base_url, code, clean_limits):
    for response in (
        requests.get(f"{base_url}/tra-cuu-ho-so", params={"code": code, "key": "ABC\x00"}, timeout=30),
        requests.get(f"{base_url}/tra-cuu-ho-so", params={"code": code, "key": "ÉÉÉÉÉÉ"}, timeout=30),
        requests.get(f"{base_url}/api/v1/dossiers/{requests.utils.quote(code)}", params={"key": "X\x00"}, timeout=30),
        requests.get(f"{base_url}/api/v1/ivr/dossiers/{requests.utils.quote(code)}", params={"key": "X"}, timeout=30),
    ):
        assert response.status_code < 500, (code, response.status_code)


def test_sms_webhook_with_a_bad_secret(base_url, admin, clean_limits):
    before = admin("motcua.sms.inbound", "search_count", [("result", "=", "forbidden")])
    for secret in ("mật-khẩu-sai", "x" * 40, "\u00e9t\u00e9"):
        response = requests.post(
            f"{base_url}/api/v1/sms/inbound",
            data={"from": "0912000000", "text": "TRA X Y"},
            headers={"X-MotCua-Secret": secret.encode("utf-8")},
            timeout=30,
        )
        assert response.status_code == 403
    for _i in range(20):
        requests.post(
            f"{base_url}/api/v1/sms/inbound",
            data={"from": "0912000000", "text": "TRA X Y"},
            headers={"X-MotCua-Secret": "wrong"},
            timeout=30,
        )
    after = admin("motcua.sms.inbound", "search_count", [("result", "=", "forbidden")])
    assert 1 <= after - before <= 10, "a flood of forged requests must not fill the database"
    ids = admin("motcua.sms.inbound", "search", [("result", "=", "forbidden")])
    admin("motcua.sms.inbound", "unlink", ids)


def test_a_burst_does_not_pass_the_limit(base_url, admin, clean_limits):
    """30 wrong lookups at once: no more than the limit (10) get an answer other than 429."""

    def guess(i):
        return requests.get(f"{base_url}/api/v1/dossiers/NOPE-{i:04d}", params={"key": "ZZZZZZ"}, timeout=60)

    with concurrent.futures.ThreadPoolExecutor(max_workers=15) as pool:
        statuses = [r.status_code for r in pool.map(guess, range(30))]
    assert statuses.count(429) >= 20, statuses
    # a forged X-Forwarded-For does not make a new client when the server is not behind a proxy
    forged = requests.get(
        f"{base_url}/api/v1/dossiers/NOPE-9999",
        params={"key": "ZZZZZZ"},
        headers={"X-Forwarded-For": "203.0.113.7"},
        timeout=30,
    )
    assert forged.status_code == 429


def test_a_right_key_is_refused_once_the_limit_is_reached(base_url, admin, clean_limits):
    """A right answer is told before the count but given only under the limit: past it, right and
    wrong guesses sent together all get 429 (a 200 among them would tell the right key)."""
    [demo] = admin("motcua.dossier", "search_read", [("lookup_key", "=", "DEMO23")], fields=["name"], limit=1)
    for i in range(10):
        wrong = requests.get(f"{base_url}/api/v1/dossiers/NOPE-{i:04d}", params={"key": "ZZZZZZ"}, timeout=30)
        assert wrong.status_code == 404

    def guess(i):
        key = "DEMO23" if i % 2 else "ZZZZZZ"
        return requests.get(f"{base_url}/api/v1/dossiers/{demo['name']}", params={"key": key}, timeout=60)

    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        statuses = [r.status_code for r in pool.map(guess, range(20))]
    assert statuses == [429] * 20, statuses


def test_a_non_ascii_key_on_a_real_code_is_a_404(base_url, admin, clean_limits):
    [demo] = admin("motcua.dossier", "search_read", [("lookup_key", "=", "DEMO23")], fields=["name"], limit=1)
    for key in ("ÉÉÉÉÉÉ", "DEMO2ñ", "ĐÊMÔ23"):
        response = requests.get(f"{base_url}/api/v1/dossiers/{demo['name']}", params={"key": key}, timeout=30)
        assert response.status_code == 404, key
        page = requests.get(f"{base_url}/tra-cuu-ho-so", params={"code": demo["name"], "key": key}, timeout=30)
        assert page.status_code == 200, key
    assert (
        requests.get(f"{base_url}/api/v1/dossiers/{demo['name']}", params={"key": "DEMO23"}, timeout=30).status_code
        == 200
    )


# ---------------------------------------------------------------------- the citizen's key
def test_monitor_cannot_obtain_the_lookup_key(monitor, officer, sms_dossier):
    """The printed key is the citizen's second factor: only the dossier's handlers see it."""
    [mine] = officer.call("motcua.dossier", "read", [sms_dossier], ["lookup_key_display"])
    key = mine["lookup_key_display"]
    assert len(key) == 6 and key != "***"
    _refused(monitor.call, "motcua.dossier", "read", [sms_dossier], ["lookup_key"])
    _refused(monitor.call, "motcua.dossier", "search", [("lookup_key", "=", key)])
    [seen] = monitor.call("motcua.dossier", "read", [sms_dossier], ["lookup_key_display"])
    assert seen["lookup_key_display"] == "***"
    # nor can the desk choose a key of its own for a dossier
    _refused(officer.call, "motcua.dossier", "write", [sms_dossier], {"lookup_key": "AAAAAA"})
    assert officer.call("motcua.dossier", "read", [sms_dossier], ["lookup_key_display"]) == [mine]
    html = monitor.get(f"/report/html/motcua_dossier.report_dossier_receipt/{sms_dossier}")
    assert html.status_code == 200
    assert key not in html.text
    pdf = monitor.get(f"/report/pdf/motcua_dossier.report_dossier_receipt/{sms_dossier}")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert "Mã tra cứu: ***" in pdf_text(pdf.content)
    [link] = qr_codes(pdf.content)
    assert "key=" not in link and key not in link
