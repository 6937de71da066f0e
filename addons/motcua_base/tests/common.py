"""The one test ground of every MotCua addon: a small province of units and a user per role.

Every addon's tests derive from :class:`MotcuaCommon` (its own ``common.py`` adds what the addon
needs: procedures, document types, catalogues) and never rely on demo data::

    province (T01, 000.00.00.T01)
    ├── district ─┬─ commune_a (000.20.01.T01) ─┬─ desk_a   (one-stop desk)
    │             │                             └─ office_a (the commune's office)
    │             └─ commune_b (000.20.02.T01)
    ├── other_district
    ├── department (000.00.03.T01)
    └── office (the province's office)

Users (login ``t_<attribute>``), each a member of the unit after the underscore:
officer_a, specialist_a, leader_a (commune_a), officer_b, specialist_b, leader_b (commune_b),
specialist_d (department), district_leader (district), monitor (office), admin_user (province,
MotCua administrator), internal (no MotCua role) and portal (a citizen).
"""

from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user

OFFICER = "motcua_base.group_receiving_officer"
SPECIALIST = "motcua_base.group_specialist"
LEADER = "motcua_base.group_unit_leader"
MONITOR = "motcua_base.group_province_monitor"
ADMINISTRATOR = "motcua_base.group_administrator"


class MotcuaCommon(TransactionCase):
    """Units and role users shared by the tests of every addon (see the module docstring)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # test users get no invitation e-mail (auth_signup would render one per user)
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls._setup_units()
        cls._setup_users()

    @classmethod
    def _setup_units(cls):
        unit = cls._unit
        cls.province = unit("Test province", "province", code="T01", identifier_code="000.00.00.T01")
        cls.district = unit("Test district", "district", cls.province)
        cls.commune_a = unit("Commune A", "commune", cls.district, identifier_code="000.20.01.T01")
        cls.desk_a = unit("Desk A", "desk", cls.commune_a)
        cls.office_a = unit("Office of commune A", "department", cls.commune_a)
        cls.commune_b = unit("Commune B", "commune", cls.district, identifier_code="000.20.02.T01")
        cls.other_district = unit("Other district", "district", cls.province)
        cls.department = unit("Department D", "department", cls.province, identifier_code="000.00.03.T01")
        cls.office = unit("Province office", "department", cls.province)

    @classmethod
    def _setup_users(cls):
        user = cls._user
        cls.officer_a = user("officer_a", OFFICER, cls.commune_a, name="Officer A")
        cls.specialist_a = user("specialist_a", SPECIALIST, cls.commune_a, name="Specialist A")
        cls.leader_a = user("leader_a", LEADER, cls.commune_a, name="Leader A")
        cls.officer_b = user("officer_b", OFFICER, cls.commune_b, name="Officer B")
        cls.specialist_b = user("specialist_b", SPECIALIST, cls.commune_b, name="Specialist B")
        cls.leader_b = user("leader_b", LEADER, cls.commune_b, name="Leader B")
        cls.specialist_d = user("specialist_d", SPECIALIST, cls.department, name="Specialist D")
        cls.district_leader = user("district_leader", LEADER, cls.district, name="District leader")
        cls.monitor = user("monitor", MONITOR, cls.office, name="Monitor")
        cls.admin_user = user("admin_user", ADMINISTRATOR, cls.province, name="MotCua administrator")
        cls.internal = user("internal", "base.group_user", None, name="Internal")
        cls.portal = user("portal", "base.group_portal", None, name="Portal")

    @classmethod
    def _unit(cls, name, unit_type, parent=None, **vals):
        return cls.env["motcua.unit"].create(
            {"name": name, "unit_type": unit_type, "parent_id": parent.id if parent else False, **vals}
        )

    @classmethod
    def _user(cls, login, groups, units, **vals):
        """A user with ``groups`` (comma-separated xml ids), member of ``units``, in Viet Nam."""
        vals.setdefault("tz", "Asia/Ho_Chi_Minh")
        user = new_test_user(cls.env, login=f"t_{login}", groups=groups, **vals)
        if units:
            user.motcua_unit_ids = units
        return user

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """Odoo's assertRaises (a savepoint, rolled back) with a check of the message."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception.args[0]), regex)
