from datetime import date

from odoo.addons.motcua_base.tests.common import MotcuaCommon

HR_OFFICER = "motcua_hr.group_hr_officer"
HR_MANAGER = "motcua_hr.group_hr_manager"


class MotcuaHrCommon(MotcuaCommon):
    """The shared ground of motcua_base, an HR officer for each commune, the province HR manager
    and the seed catalogues."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer_a = cls._user("hr_officer_a", HR_OFFICER, cls.commune_a, name="HR officer A")
        cls.hr_officer_b = cls._user("hr_officer_b", HR_OFFICER, cls.commune_b, name="HR officer B")
        cls.hr_manager = cls._user("hr_manager", HR_MANAGER, cls.province, name="HR manager")
        # seed data of the module (not demo): Decree 204/2004 scales and common ranks
        cls.rank_specialist = cls.env.ref("motcua_hr.rank_01_003")  # A1, 9 steps, 36 months
        cls.rank_clerk = cls.env.ref("motcua_hr.rank_01_005")  # B, 12 steps, 24 months
        cls.position_leader = cls.env.ref("motcua_hr.position_chairman")
        cls.position_specialist = cls.env.ref("motcua_hr.position_specialist")
        cls.position_receiving = cls.env.ref("motcua_hr.position_receiving_officer")

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
