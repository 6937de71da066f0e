from datetime import date

from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class MotcuaHrCommon(BaseCommon):
    """Two communes of a test province, an HR officer for each, and the seed catalogues."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["motcua.unit"]
        cls.province = Unit.create({"name": "HR test province", "unit_type": "province"})
        cls.commune_a = Unit.create({"name": "HR commune A", "unit_type": "commune", "parent_id": cls.province.id})
        cls.commune_b = Unit.create({"name": "HR commune B", "unit_type": "commune", "parent_id": cls.province.id})
        cls.hr_officer_a = cls._user("hr_officer_a", "motcua_hr.group_hr_officer", cls.commune_a)
        cls.hr_officer_b = cls._user("hr_officer_b", "motcua_hr.group_hr_officer", cls.commune_b)
        cls.hr_manager = cls._user("hr_manager", "motcua_hr.group_hr_manager", cls.province)
        # seed data of the module (not demo): Decree 204/2004 scales and common ranks
        cls.rank_specialist = cls.env.ref("motcua_hr.rank_01_003")  # A1, 9 steps, 36 months
        cls.rank_clerk = cls.env.ref("motcua_hr.rank_01_005")  # B, 12 steps, 24 months
        cls.position_leader = cls.env.ref("motcua_hr.position_chairman")
        cls.position_specialist = cls.env.ref("motcua_hr.position_specialist")
        cls.position_receiving = cls.env.ref("motcua_hr.position_receiving_officer")

    @classmethod
    def _user(cls, login, groups, unit=None):
        user = new_test_user(cls.env, login=f"motcua_hr_{login}", groups=groups)
        if unit:
            user.motcua_unit_ids = unit
        return user

    @classmethod
    def _employee(cls, name, unit, **vals):
        values = {
            "name": name,
            "motcua_unit_id": unit.id,
            "motcua_category": "civil_servant",
            "motcua_rank_id": cls.rank_specialist.id,
            "motcua_step": 3,
            "motcua_step_date": date(2022, 3, 1),
            "date_version": date(2020, 1, 1),
        }
        values.update(vals)
        return cls.env["hr.employee"].create(values)
