from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilPeople(CivilRegistryCommon):
    def _partner(self, **values):
        return self.env["res.partner"].with_user(self.civil_a).create(dict({"civil_is_citizen": True}, **values))

    def test_id_number_is_validated_and_normalised(self):
        person = self._partner(
            name="Võ Thị Lan", civil_id_number="079 198 005 555", civil_sex="female", civil_birth_date=date(1998, 1, 1)
        )
        self.assertEqual(person.civil_id_number, "079198005555")
        with self.assertRaisesRegex(ValidationError, "12 digits"):
            self._partner(name="Sai Số", civil_id_number="12345")
        with self.assertRaisesRegex(ValidationError, "other sex"):
            self._partner(name="Sai Giới", civil_id_number="080098001235", civil_sex="female")

    def test_id_number_unique_when_present(self):
        self._partner(name="Người Một", civil_id_number="080095000001")
        with self.assertRaisesRegex(ValidationError, "cannot be recorded for this person"):
            self._partner(name="Người Hai", civil_id_number="080095000001")
        # people without an ID number (newborns) are many
        self._partner(name="Trẻ Một")
        self._partner(name="Trẻ Hai")

    def test_registration_reuses_existing_people(self):
        mother = self._partner(
            name="Trần Thị Bích", civil_id_number="079198005555", civil_sex="female", civil_birth_date=date(1998, 5, 5)
        )
        first = self._birth(mother_id_number="079198005555", person_name="Con Thứ Nhất")
        first.action_register()
        self.assertEqual(first.mother_id, mother)
        # without ID number: the father is found by exact name and date of birth
        second = self._birth(
            mother_id_number="079198005555", person_name="Con Thứ Hai", person_birth_date=date(2026, 3, 2)
        )
        second.action_register()
        self.assertEqual(second.mother_id, mother)
        self.assertEqual(second.father_id, first.father_id)
        Partner = self.env["res.partner"].sudo()
        self.assertEqual(Partner.search_count([("civil_id_number", "=", "079198005555")]), 1)
        self.assertEqual(
            Partner.search_count([("name", "=", "Nguyễn Văn Cường"), ("civil_birth_date", "=", date(1996, 6, 6))]), 1
        )
        self.assertEqual(first.person_id.sudo().civil_mother_id, mother)
        self.assertEqual(second.person_id.sudo().civil_father_id, first.father_id)

    def test_same_child_is_not_registered_twice(self):
        self._birth().action_register()
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self._birth().action_register()

    def test_picking_an_existing_person_fills_the_declaration(self):
        person = self._partner(
            name="Hồ Văn Sẵn",
            civil_id_number="079090006666",
            civil_sex="male",
            civil_birth_date=date(1990, 2, 2),
            civil_birth_place="Long An",
        )
        with Form(self.Event.with_user(self.civil_a)) as form:
            form.event_type = "marital_status"
            form.person_id = person
            self.assertEqual(form.person_name, "Hồ Văn Sẵn")
            self.assertEqual(form.person_id_number, "079090006666")
            self.assertEqual(form.person_birth_date, date(1990, 2, 2))
            form.marital_status = "single"
            form.purpose = "Kết hôn"
        event = form.record
        event.action_register()
        self.assertEqual(event.person_id, person)
        self.assertEqual(event.valid_until, event.registration_date + relativedelta(months=6))
