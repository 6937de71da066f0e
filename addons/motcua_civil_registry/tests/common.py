from datetime import date

from odoo.addons.motcua_base.tests.common import OFFICER, MotcuaCommon

CIVIL_OFFICER = "motcua_civil_registry.group_civil_officer"


class CivilRegistryCommon(MotcuaCommon):
    """The shared ground of motcua_base plus civil-status officers: civil_a, civil_b (one per
    commune) and civil_desk, a receiving officer of commune A who is also a civil-status officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.civil_a = cls._user("civil_a", CIVIL_OFFICER, cls.commune_a, name="Civil officer A")
        cls.civil_b = cls._user("civil_b", CIVIL_OFFICER, cls.commune_b, name="Civil officer B")
        cls.civil_desk = cls._user("civil_desk", f"{OFFICER},{CIVIL_OFFICER}", cls.commune_a, name="Civil desk A")
        cls.Event = cls.env["motcua.civil.event"]

    def _today(self):
        """Today in commune A (Viet Nam), the day its registers count in."""
        return self.commune_a._motcua_local_now().date()

    def _event(self, user=None, **values):
        values.setdefault("unit_id", self.commune_a.id)
        return self.Event.with_user(user or self.civil_a).create(values)

    def _birth(self, user=None, **values):
        defaults = {
            "event_type": "birth",
            "person_name": "Nguyễn Văn An",
            "person_sex": "male",
            "person_birth_date": date(2026, 3, 1),
            "person_birth_place": "Trạm y tế xã A",
            "mother_name": "Trần Thị Bích",
            "mother_birth_date": date(1998, 5, 5),
            "father_name": "Nguyễn Văn Cường",
            "father_birth_date": date(1996, 6, 6),
            "registration_date": date(2026, 3, 10),
        }
        return self._event(user, **dict(defaults, **values))

    def _marriage(self, user=None, **values):
        defaults = {
            "event_type": "marriage",
            "person_name": "Lê Văn Chồng",
            "person_sex": "male",
            "person_birth_date": date(2000, 1, 1),
            "other_name": "Phạm Thị Vợ",
            "other_sex": "female",
            "other_birth_date": date(2002, 1, 1),
            "registration_date": date(2026, 3, 10),
        }
        return self._event(user, **dict(defaults, **values))
