from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class MotcuaBaseCommon(BaseCommon):
    """A small province of test units and one user per role, independent of demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["motcua.unit"]
        cls.province = Unit.create({"name": "Test province", "unit_type": "province", "code": "T01"})
        cls.district = Unit.create({"name": "Test district", "unit_type": "district", "parent_id": cls.province.id})
        cls.commune_a = Unit.create(
            {
                "name": "Commune A",
                "unit_type": "commune",
                "parent_id": cls.district.id,
                "identifier_code": "000.00.91.T01",
            }
        )
        cls.commune_b = Unit.create(
            {
                "name": "Commune B",
                "unit_type": "commune",
                "parent_id": cls.district.id,
                "identifier_code": "000.00.92.T01",
            }
        )
        cls.other_district = Unit.create(
            {"name": "Other district", "unit_type": "district", "parent_id": cls.province.id}
        )
        cls.officer_a = cls._user("officer_a", "motcua_base.group_receiving_officer", cls.commune_a)
        cls.officer_b = cls._user("officer_b", "motcua_base.group_receiving_officer", cls.commune_b)
        cls.district_leader = cls._user("district_leader", "motcua_base.group_unit_leader", cls.district)
        cls.monitor = cls._user("monitor", "motcua_base.group_province_monitor", cls.other_district)

    @classmethod
    def _user(cls, login, groups, unit):
        user = new_test_user(cls.env, login=f"motcua_{login}", groups=groups)
        user.motcua_unit_ids = unit
        return user
