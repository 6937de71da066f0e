from datetime import date

from odoo.addons.motcua_base.tests.common import MotcuaBaseCommon


class CivilRegistryCommon(MotcuaBaseCommon):
    """Test units and users of motcua_base plus civil-status officers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.civil_a = cls._user("civil_a", "motcua_civil_registry.group_civil_officer", cls.commune_a)
        cls.civil_b = cls._user("civil_b", "motcua_civil_registry.group_civil_officer", cls.commune_b)
        cls.specialist_a = cls._user("specialist_a", "motcua_base.group_specialist", cls.commune_a)
        cls.Event = cls.env["motcua.civil.event"]

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
