"""Hostile colleagues, from outside (issue 13): what a staff member obtains over JSON-RPC, Odoo 19's
JSON-2 API, reports and /web/content with their own login, in the complaints, civil-status,
documents and HR addons, and through the unit membership of motcua_base.

Each test builds its own records as the administrator (names carry a random tag) and never
changes the demo records, so that the tests run in any order and leave the demo usable.
Demo logins: tiepnhan (receiving officer), chuyenvien (specialist, handler of the demo
petitions), lanhdao (leader and head of Phường Long An), giamsat (province monitor), hotich
(civil-status officer), tochuc (HR officer); password = login.
"""

import random
import uuid

import pytest
from clients import RpcError

PROTECTED = "(protected)"
OFFICER = ("tiepnhan", "tiepnhan")
SPECIALIST = ("chuyenvien", "chuyenvien")
LEADER = ("lanhdao", "lanhdao")
MONITOR = ("giamsat", "giamsat")
CIVIL = ("hotich", "hotich")
HR = ("tochuc", "tochuc")


def tag():
    return uuid.uuid4().hex[:8]


def citizen_id():
    """A well-formed citizen ID of a man born in 1990, different at each call."""
    return "079090" + "".join(random.choice("0123456789") for _ in range(6))


@pytest.fixture(scope="module")
def admin(web):
    return web("admin", "admin")


@pytest.fixture(scope="module")
def ref(admin):
    cache = {}

    def lookup(xmlid):
        if xmlid not in cache:
            module, name = xmlid.split(".")
            [row] = admin.call(
                "ir.model.data", "search_read", [("module", "=", module), ("name", "=", name)], fields=["res_id"]
            )
            cache[xmlid] = row["res_id"]
        return cache[xmlid]

    return lookup


@pytest.fixture(scope="module")
def make_user(admin, ref):
    """make_user(groups, unit) -> (login, password) of a new user (password = login)."""

    def make(groups, unit_xmlid):
        login = f"attack_{tag()}"
        admin.call(
            "res.users",
            "create",
            [
                {
                    "name": f"Attacker {login}",
                    "login": login,
                    "password": login,
                    "group_ids": [(6, 0, [ref(g) for g in groups])],
                    "motcua_unit_ids": [(6, 0, [ref(unit_xmlid)])],
                }
            ],
        )
        return login, login

    return make


def refused(call, *args, **kwargs):
    """The error of an attempt that must be refused, with its (translated) message."""
    with pytest.raises(RpcError) as info:
        call(*args, **kwargs)
    assert info.value.name in (
        "odoo.exceptions.AccessError",
        "odoo.exceptions.UserError",
        "odoo.exceptions.ValidationError",
    ), info.value
    assert info.value.message
    return info.value


# ---------------------------------------------------------------------------------- complaints
@pytest.fixture
def denunciation(web, admin, ref):
    """A denunciation of Phường Long An handled by chuyenvien, with an identity document that
    the handler attached (nobody else may write on a protected identity, not even admin)."""
    secret = {
        "petitioner_name": f"Người Tố Cáo {tag()}",
        "petitioner_id_number": citizen_id(),
        "petitioner_phone": "0912" + "".join(random.choice("0123456789") for _ in range(6)),
        "petitioner_address": f"Số {tag()} đường Bí Mật",
    }
    [petition_id] = admin.call(
        "motcua.complaint.petition",
        "create",
        [
            dict(
                secret,
                subject=f"Tố cáo {tag()}",
                content="Tố cáo cán bộ nhận tiền.",
                petition_type="denunciation",
                source="post",
                unit_id=ref("motcua_base.unit_long_an_ward"),
                handler_ids=[(6, 0, [ref("motcua_base.user_specialist")])],
            )
        ],
    )
    [row] = admin.call("motcua.complaint.petition", "read", [petition_id], fields=["identity_id"])
    identity_id = row["identity_id"][0]
    [attachment_id] = web(*SPECIALIST).call(
        "ir.attachment",
        "create",
        [
            {
                "name": "cccd.txt",
                "raw": f"CCCD {secret['petitioner_id_number']}",
                "mimetype": "text/plain",
                "res_model": "motcua.complaint.identity",
                "res_id": identity_id,
            }
        ],
    )
    return dict(secret, id=petition_id, identity_id=identity_id, attachment_id=attachment_id)


def stored_phone(petition):
    """The phone as the identity stores it (normalised: 0912 345 678)."""
    phone = petition["petitioner_phone"]
    return f"{phone[:4]} {phone[4:7]} {phone[7:]}"


def identity_logs(admin, petition_id):
    return admin.call(
        "motcua.access.log",
        "search_read",
        [("res_model", "=", "motcua.complaint.petition"), ("res_id", "=", petition_id)],
        fields=["user_id", "access_type", "field_names"],
    )


def assert_identity_hidden(session, petition):
    """Everything `session` can read of the petition tells nothing of the denouncer."""
    [row] = session.call(
        "motcua.complaint.petition",
        "read",
        [petition["id"]],
        fields=[
            "petitioner_name",
            "petitioner_id_number",
            "petitioner_phone",
            "petitioner_address",
            "identity_attachment_ids",
        ],
    )
    assert row["petitioner_name"] == PROTECTED
    assert row["petitioner_id_number"] == PROTECTED
    assert row["petitioner_phone"] == PROTECTED
    assert row["petitioner_address"] == PROTECTED
    assert row["identity_attachment_ids"] == []
    assert (
        session.call(
            "motcua.complaint.identity", "search_read", [("petition_id", "=", petition["id"])], fields=["name"]
        )
        == []
    )


@pytest.mark.parametrize("login", [OFFICER, MONITOR], ids=["officer", "monitor"])
def test_v1_staff_cannot_make_themselves_handler(web, json2, denunciation, login):
    session = web(*login)
    client = json2(*login)
    error = refused(
        client, "motcua.complaint.petition", "write", ids=[denunciation["id"]], vals={"handler_ids": [(4, client.uid)]}
    )
    assert "AccessError" in error.name
    refused(
        session.call,
        "motcua.complaint.petition",
        "write",
        [denunciation["id"]],
        {"handler_ids": [(6, 0, [session.uid])]},
    )
    assert_identity_hidden(session, denunciation)


def test_v1_the_unit_leader_assigns_handlers_and_it_is_tracked(web, admin, denunciation):
    leader = web(*LEADER)
    officer = web(*OFFICER)
    leader.call("motcua.complaint.petition", "write", [denunciation["id"]], {"handler_ids": [(4, officer.uid)]})
    [row] = officer.call("motcua.complaint.petition", "read", [denunciation["id"]], fields=["petitioner_name"])
    assert row["petitioner_name"] == denunciation["petitioner_name"]
    trackings = admin.call(
        "mail.tracking.value",
        "search_read",
        [
            ("mail_message_id.model", "=", "motcua.complaint.petition"),
            ("mail_message_id.res_id", "=", denunciation["id"]),
            ("field_id.name", "=", "handler_ids"),
        ],
        fields=["new_value_char"],
    )
    assert trackings, "the change of handlers is not tracked"


@pytest.mark.parametrize("login", [OFFICER, SPECIALIST, LEADER], ids=["officer", "handler", "leader"])
def test_v2_the_type_of_a_denunciation_cannot_change(web, admin, denunciation, login):
    session = web(*login)
    refused(session.call, "motcua.complaint.petition", "write", [denunciation["id"]], {"petition_type": "complaint"})
    [row] = admin.call("motcua.complaint.petition", "read", [denunciation["id"]], fields=["petition_type"])
    assert row["petition_type"] == "denunciation"
    assert_identity_hidden(web(*OFFICER), denunciation)


@pytest.fixture
def denunciation_reception(web, ref):
    """lanhdao received a denouncer: only he (and identity guardians) sees who came."""
    name = f"Công Dân Tố Cáo {tag()}"
    [reception_id] = web(*LEADER).call(
        "motcua.complaint.reception",
        "create",
        [
            {
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "receiver_role": "leader",
                "summary": "Tố cáo hành vi sai phạm",
                "classification": "denunciation",
                "citizen_ids": [(0, 0, {"name": name, "id_number": citizen_id(), "phone": "0987654321"})],
            }
        ],
    )
    return {"id": reception_id, "name": name}


def visible_citizens(session, reception_id):
    return session.call(
        "motcua.complaint.reception.citizen",
        "search_read",
        [("reception_id", "=", reception_id)],
        fields=["name", "id_number"],
    )


def test_v3_a_denunciation_reception_keeps_its_receiver_and_classification(web, admin, denunciation_reception):
    officer = web(*OFFICER)
    rid = denunciation_reception["id"]
    assert visible_citizens(officer, rid) == []
    refused(officer.call, "motcua.complaint.reception", "write", [rid], {"receiver_id": officer.uid})
    refused(officer.call, "motcua.complaint.reception", "write", [rid], {"classification": "complaint"})
    assert visible_citizens(officer, rid) == []
    # the receiver themself cannot lift the protection either
    refused(web(*LEADER).call, "motcua.complaint.reception", "write", [rid], {"classification": "proposal"})
    [row] = admin.call("motcua.complaint.reception", "read", [rid], fields=["classification", "receiver_id"])
    assert row["classification"] == "denunciation"
    assert row["receiver_id"][0] != officer.uid


def test_v3_citizens_received_cannot_be_moved_to_another_reception(web, admin, ref, denunciation_reception):
    leader = web(*LEADER)  # the receiver: sees the denouncers
    [citizen] = visible_citizens(leader, denunciation_reception["id"])
    [other] = admin.call(
        "motcua.complaint.reception",
        "create",
        [
            {
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "summary": "Hỏi thủ tục",
                "classification": "other",
                "receiver_id": ref("motcua_base.user_unit_leader"),
            }
        ],
    )
    refused(leader.call, "motcua.complaint.reception.citizen", "write", [citizen["id"]], {"reception_id": other})
    assert visible_citizens(web(*OFFICER), other) == []


def _read_paths(session, petition):
    """Each read path of the handler, as (name, callable) pairs."""
    pid, iid = petition["id"], petition["identity_id"]
    return {
        "petition search_read": lambda: session.call(
            "motcua.complaint.petition", "search_read", [("id", "=", pid)], fields=["petitioner_name"]
        ),
        "identity search_read": lambda: session.call(
            "motcua.complaint.identity", "search_read", [("id", "=", iid)], fields=["name", "id_number"]
        ),
        "identity web_search_read": lambda: session.call(
            "motcua.complaint.identity", "web_search_read", [("id", "=", iid)], {"phone": {}}
        ),
        "search by ID number": lambda: session.call(
            "motcua.complaint.petition", "search", [("petitioner_id_number", "=", petition["petitioner_id_number"])]
        ),
        "identity search by phone": lambda: session.call(
            "motcua.complaint.identity", "search", [("phone", "=", stored_phone(petition))]
        ),
        "export": lambda: session.call(
            "motcua.complaint.petition", "export_data", [pid], ["petitioner_name", "petitioner_id_number"]
        ),
        "identity export": lambda: session.call("motcua.complaint.identity", "export_data", [iid], ["name"]),
        "report": lambda: session.get(f"/report/html/motcua_complaints.report_petition/{pid}"),
        "document": lambda: session.get(f"/web/content/{petition['attachment_id']}"),
    }


@pytest.fixture(scope="module")
def exporting_handler(make_user):
    """A specialist of the ward who may export: the handler of the logging tests."""
    return make_user(["motcua_base.group_specialist", "base.group_allow_export"], "motcua_base.unit_long_an_ward")


@pytest.mark.parametrize(
    "path",
    [
        "petition search_read",
        "identity search_read",
        "identity web_search_read",
        "search by ID number",
        "identity search by phone",
        "export",
        "identity export",
        "report",
        "document",
    ],
)
def test_v11_every_read_path_of_the_handler_is_logged(web, admin, denunciation, exporting_handler, path):
    handler = web(*exporting_handler)
    admin.call("motcua.complaint.petition", "write", [denunciation["id"]], {"handler_ids": [(4, handler.uid)]})
    before = len(identity_logs(admin, denunciation["id"]))
    result = _read_paths(handler, denunciation)[path]()
    if path == "document":
        assert result.status_code == 200 and denunciation["petitioner_id_number"] in result.text
    after = identity_logs(admin, denunciation["id"])
    assert len(after) > before, f"{path}: the handler obtained the identity and nothing was logged"
    assert all(log["user_id"][0] == handler.uid for log in after[: len(after) - before])


def test_v11_identities_cannot_be_grouped_by_personal_data(web, denunciation):
    for login in (SPECIALIST, OFFICER, MONITOR):
        session = web(*login)
        for field in ("name", "id_number", "phone"):
            refused(
                session.call,
                "motcua.complaint.identity",
                "formatted_read_group",
                [("petition_id", "=", denunciation["id"])],
                [field],
                ["__count"],
            )


@pytest.mark.parametrize("login", [OFFICER, LEADER, MONITOR], ids=["officer", "leader", "monitor"])
def test_non_handlers_obtain_nothing_by_any_read_path(web, json2, admin, denunciation, login):
    session = web(*login)
    secrets = [
        denunciation[key]
        for key in ("petitioner_name", "petitioner_id_number", "petitioner_phone", "petitioner_address")
    ]

    def clean(text):
        for secret in secrets:
            assert secret not in str(text)

    assert_identity_hidden(session, denunciation)
    pid = denunciation["id"]
    assert pid not in session.call(
        "motcua.complaint.petition", "search", [("petitioner_id_number", "=", denunciation["petitioner_id_number"])]
    )
    assert pid not in session.call(
        "motcua.complaint.petition", "search", [("petitioner_name", "ilike", denunciation["petitioner_name"])]
    )
    assert session.call("motcua.complaint.identity", "search", [("phone", "=", stored_phone(denunciation))]) == []
    client = json2(*login)
    clean(client("motcua.complaint.petition", "read", ids=[pid], fields=[]))
    clean(client("motcua.complaint.identity", "search_read", domain=[], fields=["name", "id_number"]))
    try:
        clean(
            session.call(
                "motcua.complaint.petition",
                "export_data",
                [pid],
                ["petitioner_name", "petitioner_id_number", "petitioner_phone"],
            )
        )
    except RpcError as error:  # staff without the export right
        assert error.name == "odoo.exceptions.UserError"
    clean(session.call("motcua.complaint.identity", "name_search", denunciation["petitioner_name"]))
    clean(
        session.call("motcua.complaint.petition", "formatted_read_group", [("id", "=", pid)], ["subject"], ["__count"])
    )
    report = session.get(f"/report/html/motcua_complaints.report_petition/{pid}")
    clean(report.text)
    document = session.get(f"/web/content/{denunciation['attachment_id']}")
    assert document.status_code in (403, 404)
    clean(document.text)
    clean(
        session.call(
            "mail.message",
            "search_read",
            [("model", "=", "motcua.complaint.petition"), ("res_id", "=", pid)],
            fields=["body"],
        )
    )
    # the chatter as the web client loads it, trackings included
    clean(session._jsonrpc("/mail/thread/messages", {"thread_model": "motcua.complaint.petition", "thread_id": pid}))
    try:
        clean(session.call("mail.tracking.value", "search_read", [], fields=["old_value_char", "new_value_char"]))
    except RpcError as error:  # tracking values are for administrators
        assert error.name == "odoo.exceptions.AccessError"
    # and the failed attempts left nothing readable behind
    assert not [log for log in identity_logs(admin, pid) if log["user_id"][0] == session.uid]


def test_identity_is_never_written_directly(web, denunciation):
    handler = web(*SPECIALIST)
    partner = handler.call("res.users", "read", [handler.uid], fields=["partner_id"])[0]["partner_id"][0]
    # a handler pointing the identity at their own contact would read it unlogged ("the denouncer")
    refused(handler.call, "motcua.complaint.identity", "write", [denunciation["identity_id"]], {"partner_id": partner})
    refused(
        handler.call, "motcua.complaint.identity", "create", [{"petition_id": denunciation["id"], "name": "Giả mạo"}]
    )


def test_monitor_writes_nothing_in_complaints(web, ref, denunciation):
    monitor = web(*MONITOR)
    refused(monitor.call, "motcua.complaint.petition", "write", [denunciation["id"]], {"subject": "Sửa"})
    refused(
        monitor.call,
        "motcua.complaint.petition",
        "create",
        [
            {
                "subject": "Giám sát tạo",
                "petition_type": "complaint",
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "petitioner_name": "X",
            }
        ],
    )
    refused(
        monitor.call,
        "motcua.complaint.reception",
        "create",
        [{"unit_id": ref("motcua_base.unit_long_an_ward"), "summary": "x", "classification": "other"}],
    )
    refused(monitor.call, "motcua.complaint.petition", "action_classify", [denunciation["id"]])


# ---------------------------------------------------------------------------------- civil status
@pytest.fixture
def registered_father(web, ref):
    """A birth registered by hotich in Phường Long An: the father's ID number is on his contact."""
    officer = web(*CIVIL)
    number, father = citizen_id(), f"Cha {tag()}"
    [event_id] = officer.call(
        "motcua.civil.event",
        "create",
        [
            {
                "event_type": "birth",
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "person_name": f"Con {tag()}",
                "person_sex": "female",
                "person_birth_date": "2026-01-05",
                "mother_name": f"Mẹ {tag()}",
                "father_name": father,
                "father_id_number": number,
            }
        ],
    )
    officer.call("motcua.civil.event", "action_register", [event_id])
    [event] = officer.call("motcua.civil.event", "read", [event_id], fields=["father_id"])
    return {"partner_id": event["father_id"][0], "id_number": number, "name": father, "event_id": event_id}


@pytest.fixture(scope="module")
def other_ward_staff(make_user):
    """A civil-status officer and a leader of another ward (Phường Tân An)."""
    return {
        "civil": make_user(["motcua_civil_registry.group_civil_officer"], "motcua_base.unit_tan_an_ward"),
        "leader": make_user(["motcua_base.group_unit_leader"], "motcua_base.unit_tan_an_ward"),
    }


@pytest.fixture
def civil_login(other_ward_staff):
    """The login of a role of the civil-status tables."""
    logins = {
        "civil officer": CIVIL,
        "leader": LEADER,
        "monitor": MONITOR,
        "other ward's civil officer": other_ward_staff["civil"],
        "other ward's leader": other_ward_staff["leader"],
    }
    return logins.__getitem__


def _civil_read_paths(session, client, person):
    """Each way of reading a person's civil-status data: name -> what the caller obtains."""
    pid, number, Partner = person["partner_id"], person["id_number"], "res.partner"

    def field(rows, name):
        [row] = rows
        return row[name]

    return {
        "read": lambda: field(session.call(Partner, "read", [pid], fields=["civil_id_number"]), "civil_id_number"),
        "read the contact's name": lambda: field(session.call(Partner, "read", [pid], fields=["name"]), "name"),
        "json2 search_read": lambda: field(
            client(Partner, "search_read", domain=[("id", "=", pid)], fields=["civil_id_number"]), "civil_id_number"
        ),
        "search by ID number": lambda: session.call(Partner, "search", [("civil_id_number", "=", number)]),
        "count by a prefix": lambda: session.call(Partner, "search_count", [("civil_id_number", "ilike", number[:9])]),
        "group by ID number": lambda: session.call(
            Partner, "formatted_read_group", [], ["civil_id_number"], ["__count"]
        ),
        "export": lambda: session.call(Partner, "export_data", [pid], ["name", "civil_id_number"]),
    }


# (role, read path, outcome) on a person registered in Phường Long An. Outcomes: "seen", the
# answer holds the data (the ID number; for the name path, the name); "empty", the call answers
# False, [] or 0; "absent", the answer does not hold the ID number; "refused", the call fails
# with a clear error. One row per attack, so that a leaking path names itself in the failure.
HIDDEN_FROM_OTHER_WARDS = [
    ("read", "empty"),
    ("read the contact's name", "seen"),  # the contact itself stays readable
    ("json2 search_read", "empty"),
    ("search by ID number", "empty"),
    ("count by a prefix", "empty"),
    ("group by ID number", "absent"),
    ("export", "refused"),
]
CIVIL_DATA_READS = [
    ("civil officer", "read", "seen"),
    ("monitor", "read", "seen"),
    *[("other ward's civil officer", path, outcome) for path, outcome in HIDDEN_FROM_OTHER_WARDS],
    *[("other ward's leader", path, outcome) for path, outcome in HIDDEN_FROM_OTHER_WARDS],
]


@pytest.mark.parametrize(
    ("role", "path", "outcome"), CIVIL_DATA_READS, ids=[" / ".join(case[:2]) for case in CIVIL_DATA_READS]
)
def test_who_reads_civil_data(web, json2, civil_login, registered_father, role, path, outcome):
    login = civil_login(role)
    read = _civil_read_paths(web(*login), json2(*login), registered_father)[path]
    if outcome == "refused":
        refused(read)
        return
    obtained = read()
    secret = registered_father["name" if path == "read the contact's name" else "id_number"]
    if outcome == "seen":
        assert secret in str(obtained), f"{role} does not obtain the data by {path}"
    elif outcome == "empty":
        assert obtained in (False, [], 0), f"{role} obtains {obtained!r} by {path}"
    else:
        assert secret not in str(obtained), f"{role} obtains the ID number by {path}"


@pytest.fixture
def civil_declaration(web, ref):
    """A declaration of hotich, not registered yet."""
    [event_id] = web(*CIVIL).call(
        "motcua.civil.event",
        "create",
        [{"event_type": "birth", "unit_id": ref("motcua_base.unit_long_an_ward"), "person_name": f"Khai {tag()}"}],
    )
    return event_id


def _civil_write_attempts(session, ref, person, declaration):
    pid, ward = person["partner_id"], ref("motcua_base.unit_long_an_ward")
    Partner, Event = "res.partner", "motcua.civil.event"
    return {
        "write the ID number": lambda: session.call(Partner, "write", [pid], {"civil_id_number": citizen_id()}),
        "write the date of birth": lambda: session.call(Partner, "write", [pid], {"civil_birth_date": "1991-01-01"}),
        "create an event": lambda: session.call(
            Event, "create", [{"event_type": "death", "unit_id": ward, "person_name": "X"}]
        ),
        "register by writing the state": lambda: session.call(Event, "write", [declaration], {"state": "registered"}),
        "number an entry by hand": lambda: session.call(Event, "write", [person["event_id"]], {"entry_number": 999}),
    }


def _civil_snapshot(admin, ref, person):
    """What an attack would change: the person's data and every entry of the ward."""
    [data] = admin.call("res.partner", "read", [person["partner_id"]], fields=["civil_id_number", "civil_birth_date"])
    events = admin.call(
        "motcua.civil.event",
        "search_read",
        [("unit_id", "=", ref("motcua_base.unit_long_an_ward"))],
        fields=["state", "entry_number", "verification_code"],
    )
    return data, events


# (role, attempt): each is refused, and neither the person's data nor any entry of the ward changes
CIVIL_DATA_WRITES = [
    ("leader", "write the ID number"),
    ("monitor", "write the ID number"),
    ("other ward's civil officer", "write the date of birth"),
    ("monitor", "create an event"),
    ("civil officer", "register by writing the state"),
    ("civil officer", "number an entry by hand"),
]


@pytest.mark.parametrize(("role", "attempt"), CIVIL_DATA_WRITES, ids=[" / ".join(c) for c in CIVIL_DATA_WRITES])
def test_who_writes_civil_data(web, admin, ref, civil_login, registered_father, civil_declaration, role, attempt):
    before = _civil_snapshot(admin, ref, registered_father)
    session = web(*civil_login(role))
    refused(_civil_write_attempts(session, ref, registered_father, civil_declaration)[attempt])
    assert _civil_snapshot(admin, ref, registered_father) == before
    assert before[0]["civil_id_number"] == registered_father["id_number"]


def test_the_uniqueness_error_is_not_an_oracle(web, other_ward_staff, registered_father):
    session = web(*other_ward_staff["civil"])
    error = refused(
        session.call,
        "res.partner",
        "create",
        [{"name": f"Người {tag()}", "civil_id_number": registered_father["id_number"]}],
    )
    assert registered_father["id_number"] not in error.message
    assert "already recorded" not in error.message and "đã được ghi" not in error.message
    # a duplicate is still refused for the officer who sees the person
    refused(
        web(*CIVIL).call,
        "res.partner",
        "create",
        [{"name": f"Người {tag()}", "civil_id_number": registered_father["id_number"]}],
    )


# ---------------------------------------------------------------------------------- documents
def test_v9_secret_draft_summary_does_not_travel_with_its_name(web, admin, ref):
    summary = f"Kế hoạch mật {tag()}"
    [petition_id] = admin.call(
        "motcua.complaint.petition",
        "create",
        [
            {
                "subject": f"Khiếu nại {tag()}",
                "petition_type": "complaint",
                "source": "post",
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "petitioner_name": "Nguyễn Văn Thử",
            }
        ],
    )
    [doc_id] = admin.call(
        "motcua.outgoing.document",
        "create",
        [
            {
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "summary": summary,
                "secrecy": "secret",
                "res_model": "motcua.complaint.petition",
                "res_id": petition_id,
            }
        ],
    )
    officer = web(*OFFICER)
    messages = officer.call(
        "mail.message",
        "search_read",
        [("model", "=", "motcua.complaint.petition"), ("res_id", "=", petition_id)],
        fields=["body", "preview"],
    )
    assert messages, "the link is shown in the petition's chatter"
    assert summary not in str(messages)
    [row] = admin.call("motcua.outgoing.document", "read", [doc_id], fields=["display_name"])
    assert summary not in row["display_name"]
    assert officer.call("motcua.outgoing.document", "name_search", summary) == []
    logs = web(*MONITOR).call("motcua.access.log", "search_read", [], fields=["res_name"])
    assert summary not in str(logs)


def test_monitor_writes_no_document(web, ref):
    monitor = web(*MONITOR)
    refused(
        monitor.call,
        "motcua.outgoing.document",
        "create",
        [{"unit_id": ref("motcua_base.unit_long_an_ward"), "summary": "Giám sát soạn"}],
    )
    docs = monitor.call("motcua.incoming.document", "search", [], limit=1)
    if docs:
        refused(monitor.call, "motcua.incoming.document", "write", docs, {"summary": "Sửa"})


# ---------------------------------------------------------------------------------- HR and units
@pytest.fixture
def colleague(admin, ref, make_user):
    """A specialist of Phường Long An with an employee record kept by tochuc."""
    login, _password = make_user(["motcua_base.group_specialist"], "motcua_base.unit_long_an_ward")
    [user_id] = admin.call("res.users", "search", [("login", "=", login)])
    [employee_id] = admin.call(
        "hr.employee",
        "create",
        [
            {
                "name": f"Đồng Nghiệp {tag()}",
                "user_id": user_id,
                "motcua_unit_id": ref("motcua_base.unit_long_an_ward"),
            }
        ],
    )
    return {"login": login, "user_id": user_id, "employee_id": employee_id}


def test_v4_hr_officer_cannot_place_staff_above_their_units(web, json2, admin, ref, colleague):
    hr = web(*HR)
    province = ref("motcua_base.unit_tay_ninh")
    error = refused(
        json2(*HR), "hr.employee", "write", ids=[colleague["employee_id"]], vals={"motcua_unit_id": province}
    )
    assert "AccessError" in error.name
    refused(hr.call, "hr.employee", "create", [{"name": f"Mới {tag()}", "motcua_unit_id": province}])
    # nor through the employee's version, whose unit follows the employee's
    [employee] = admin.call("hr.employee", "read", [colleague["employee_id"]], fields=["current_version_id"])
    refused(hr.call, "hr.version", "write", [employee["current_version_id"][0]], {"motcua_unit_id": province})
    [user] = admin.call("res.users", "read", [colleague["user_id"]], fields=["motcua_unit_ids"])
    assert user["motcua_unit_ids"] == [ref("motcua_base.unit_long_an_ward")]
    # within their own tree it works, and the user's units follow
    desk = ref("motcua_base.unit_long_an_ward_desk")
    hr.call("hr.employee", "write", [colleague["employee_id"]], {"motcua_unit_id": desk})
    [user] = admin.call("res.users", "read", [colleague["user_id"]], fields=["motcua_unit_ids"])
    assert user["motcua_unit_ids"] == [desk]


@pytest.mark.parametrize("login", [HR, LEADER, MONITOR], ids=["hr", "leader", "monitor"])
def test_only_administrators_place_users_in_units(web, ref, colleague, login):
    session = web(*login)
    province = ref("motcua_base.unit_tay_ninh")
    refused(session.call, "res.users", "write", [session.uid], {"motcua_unit_ids": [(4, province)]})
    refused(session.call, "res.users", "write", [colleague["user_id"]], {"motcua_unit_ids": [(4, province)]})
    refused(session.call, "motcua.unit", "write", [province], {"member_ids": [(4, session.uid)]})


def test_v6_removing_a_unit_revokes_access_at_once(web, admin, ref, make_user):
    login = make_user(["motcua_base.group_receiving_officer"], "motcua_base.unit_long_an_ward")
    officer = web(*login)
    ward = ref("motcua_base.unit_long_an_ward")
    domain = [("unit_id", "=", ward)]
    assert officer.call("motcua.complaint.petition", "search_count", domain) > 0
    admin.call("res.users", "write", [officer.uid], {"motcua_unit_ids": [(3, ward)]})
    assert officer.call("motcua.complaint.petition", "search_count", domain) == 0
    # and through the unit's members
    admin.call("motcua.unit", "write", [ward], {"member_ids": [(4, officer.uid)]})
    assert officer.call("motcua.complaint.petition", "search_count", domain) > 0
    admin.call("motcua.unit", "write", [ward], {"member_ids": [(3, officer.uid)]})
    assert officer.call("motcua.complaint.petition", "search_count", domain) == 0


# ---------------------------------------------------------------------------------- beyond the list
def test_petition_workflow_outputs_are_not_written_by_hand(web, admin, ref):
    [petition_id] = admin.call(
        "motcua.complaint.petition",
        "create",
        [
            {
                "subject": f"Khiếu nại {tag()}",
                "petition_type": "complaint",
                "source": "post",
                "unit_id": ref("motcua_base.unit_long_an_ward"),
                "petitioner_name": "Nguyễn Văn Thử",
            }
        ],
    )
    for login in (OFFICER, SPECIALIST, LEADER):
        session = web(*login)
        for vals in (
            {"state": "closed"},
            {"code": "KN-GIA-MAO"},
            {"date_closed": "2026-01-01 00:00:00"},
            {"resolution_deadline_base": "2030-01-01 00:00:00"},
        ):
            refused(session.call, "motcua.complaint.petition", "write", [petition_id], vals)
    [row] = admin.call("motcua.complaint.petition", "read", [petition_id], fields=["state", "code"])
    assert row["state"] == "received" and row["code"].startswith("KN-")


def test_the_link_to_the_identity_is_out_of_reach(json2, denunciation):
    for login in (OFFICER, SPECIALIST, MONITOR):
        client = json2(*login)
        refused(client, "motcua.complaint.petition", "read", ids=[denunciation["id"]], fields=["identity_id"])
        refused(
            client,
            "motcua.complaint.petition",
            "search",
            domain=[("identity_id.name", "=", denunciation["petitioner_name"])],
        )
