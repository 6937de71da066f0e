from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CivilRegistryCommon

REG = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestCivilEventChecks(CivilRegistryCommon):
    # --- birth --------------------------------------------------------------------------
    def test_birth_date_not_in_future(self):
        today = self._today()
        ok = self._birth(person_birth_date=today, registration_date=today)
        ok.action_register()
        self.assertEqual(ok.state, "registered")
        late = self._birth(
            person_name="Trẻ Ngày Mai", person_birth_date=today + timedelta(days=1), registration_date=today
        )
        with self.assertRaisesRegex(ValidationError, "in the future"):
            late.action_register()
        self.assertFalse(late.entry_number, "nothing is numbered when a check fails")

    def test_registration_date_not_in_future(self):
        event = self._birth(registration_date=self._today() + timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "registration date .* is in the future"):
            event.action_register()

    def test_the_day_is_the_local_day_of_the_unit(self):
        # 18:00 UTC on 10 March is 01:00 on 11 March in the commune, whatever the officer's zone
        self.civil_a.tz = "UTC"
        with freeze_time("2026-03-10 18:00:00"):
            today = self._birth(person_birth_date=date(2026, 3, 11), registration_date=date(2026, 3, 11))
            today.action_register()
            tomorrow = self._birth(
                person_name="Ngày Mai", person_birth_date=date(2026, 3, 11), registration_date=date(2026, 3, 12)
            )
            with self.assertRaisesRegex(ValidationError, "registration date .* is in the future"):
                tomorrow.action_register()
        self.assertEqual((today.state, tomorrow.state), ("registered", "draft"))

    def test_birth_late_after_60_days(self):
        on_time = self._birth(person_birth_date=REG - timedelta(days=60))
        late = self._birth(person_name="Trễ Hạn", person_birth_date=REG - timedelta(days=61))
        (on_time | late).action_register()
        self.assertFalse(on_time.is_late)
        self.assertTrue(late.is_late)
        self.assertEqual(late.late_days, 61)

    # --- death --------------------------------------------------------------------------
    def _death(self, **values):
        defaults = {
            "event_type": "death",
            "person_name": "Đỗ Văn Mất",
            "person_sex": "male",
            "person_birth_date": date(1940, 2, 2),
            "death_date": date(2026, 3, 1),
            "registration_date": REG,
        }
        return self._event(**dict(defaults, **values))

    def test_death_after_birth_and_not_in_future(self):
        before_birth = self._death(death_date=date(1940, 2, 1))
        with self.assertRaisesRegex(ValidationError, "before the date of birth"):
            before_birth.action_register()
        future = self._death(death_date=self._today() + timedelta(days=1), registration_date=self._today())
        with self.assertRaisesRegex(ValidationError, "in the future"):
            future.action_register()
        same_day = self._death(death_date=date(1940, 2, 2))
        same_day.action_register()
        self.assertEqual(same_day.person_id.sudo().civil_death_date, date(1940, 2, 2))

    def test_death_late_after_15_days_configurable(self):
        on_time = self._death(death_date=REG - timedelta(days=15))
        late = self._death(person_name="Người Khác", death_date=REG - timedelta(days=16))
        (on_time | late).action_register()
        self.assertFalse(on_time.is_late)
        self.assertTrue(late.is_late)
        self.env["ir.config_parameter"].sudo().set_param("motcua_civil_registry.death_late_days", "30")
        third = self._death(person_name="Người Thứ Ba", death_date=REG - timedelta(days=16))
        third.action_register()
        self.assertFalse(third.is_late)

    def test_death_ends_the_marriage(self):
        marriage = self._marriage()
        marriage.action_register()
        husband, wife = marriage.person_id.sudo(), marriage.other_person_id.sudo()
        self.assertEqual(husband.civil_spouse_id, wife)
        death = self._death(
            person_id=husband.id, person_name=husband.name, person_birth_date=date(2000, 1, 1), death_date=REG
        )
        death.action_register()
        self.assertFalse(wife.civil_spouse_id)
        self.assertFalse(husband.civil_spouse_id)
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self._death(person_id=husband.id, person_name=husband.name, death_date=REG).action_register()

    # --- marriage -----------------------------------------------------------------------
    def test_marriage_age_of_the_man(self):
        young = self._marriage(person_birth_date=date(2006, 3, 11))  # 20 tomorrow
        with self.assertRaisesRegex(ValidationError, "a man must be at least 20"):
            young.action_register()
        ok = self._marriage(person_birth_date=date(2006, 3, 10))  # 20 today
        ok.action_register()
        self.assertEqual(ok.state, "registered")

    def test_marriage_age_of_the_woman(self):
        young = self._marriage(other_birth_date=date(2008, 3, 11))
        with self.assertRaisesRegex(ValidationError, "a woman must be at least 18"):
            young.action_register()
        ok = self._marriage(other_birth_date=date(2008, 3, 10))
        ok.action_register()
        self.assertEqual(ok.state, "registered")

    def test_no_active_marriage(self):
        first = self._marriage(person_id_number="080200000011")
        first.action_register()
        second = self._marriage(
            person_id_number="080200000011", other_name="Người Thứ Hai", other_birth_date=date(2001, 1, 1)
        )
        with self.assertRaisesRegex(ValidationError, "is in an active marriage"):
            second.action_register()
        self.assertEqual(second.state, "draft")

    def _family(self):
        """Grandmother > (mother of) two children > each with a child: cousins."""
        Partner = self.env["res.partner"].with_user(self.civil_a)
        grandma = Partner.create({"name": "Bà Ngoại", "civil_is_citizen": True, "civil_sex": "female"})
        son = Partner.create(
            {"name": "Con Trai", "civil_is_citizen": True, "civil_sex": "male", "civil_mother_id": grandma.id}
        )
        daughter = Partner.create(
            {"name": "Con Gái", "civil_is_citizen": True, "civil_sex": "female", "civil_mother_id": grandma.id}
        )
        grandson = Partner.create(
            {
                "name": "Cháu Trai",
                "civil_is_citizen": True,
                "civil_sex": "male",
                "civil_father_id": son.id,
                "civil_birth_date": date(2000, 1, 1),
            }
        )
        granddaughter = Partner.create(
            {
                "name": "Cháu Gái",
                "civil_is_citizen": True,
                "civil_sex": "female",
                "civil_mother_id": daughter.id,
                "civil_birth_date": date(2002, 1, 1),
            }
        )
        return grandma, son, daughter, grandson, granddaughter

    def _marry(self, husband, wife):
        return self._marriage(
            person_id=husband.id, person_name=husband.name, other_person_id=wife.id, other_name=wife.name
        )

    def test_close_relatives_cannot_marry(self):
        _grandma, son, daughter, grandson, granddaughter = self._family()
        for husband, wife in ((son, daughter), (grandson, granddaughter), (son, granddaughter)):
            event = self._marry(husband, wife)
            with self.assertRaisesRegex(ValidationError, "relatives in the direct line or within three generations"):
                event.action_register()
        stranger = (
            self.env["res.partner"]
            .with_user(self.civil_a)
            .create({"name": "Người Ngoài", "civil_is_citizen": True, "civil_sex": "female"})
        )
        event = self._marry(grandson, stranger)
        event.action_register()
        self.assertEqual(event.state, "registered")

    # --- marital-status confirmation -----------------------------------------------------
    def test_marital_status_valid_six_months_with_purpose(self):
        values = {
            "event_type": "marital_status",
            "person_name": "Lê Minh Tuấn",
            "person_sex": "male",
            "person_birth_date": date(1990, 1, 15),
            "marital_status": "single",
            "registration_date": REG,
        }
        missing = self._event(**values)
        with self.assertRaisesRegex(ValidationError, "purpose of use"):
            missing.action_register()
        event = self._event(**dict(values, purpose="Đăng ký kết hôn"))
        event.action_register()
        self.assertEqual(event.valid_until, date(2026, 9, 10))

    def test_marital_status_cannot_deny_a_registered_marriage(self):
        marriage = self._marriage()
        marriage.action_register()
        event = self._event(
            event_type="marital_status",
            person_id=marriage.person_id.id,
            person_name="Lê Văn Chồng",
            marital_status="single",
            purpose="Kết hôn",
            registration_date=REG,
        )
        with self.assertRaisesRegex(ValidationError, "active marriage"):
            event.action_register()

    # --- recognition and guardianship ----------------------------------------------------
    def test_recognition_links_the_parent_once(self):
        birth = self._birth(father_name=False, father_birth_date=False)
        birth.action_register()
        child = birth.person_id
        values = {
            "event_type": "recognition",
            "recognition_kind": "father",
            "person_id": child.id,
            "person_name": child.name,
            "person_birth_date": date(2026, 3, 1),
            "other_name": "Cha Đẻ",
            "other_sex": "male",
            "other_birth_date": date(1990, 1, 1),
            "registration_date": REG,
        }
        event = self._event(**values)
        event.action_register()
        self.assertEqual(child.sudo().civil_father_id, event.other_person_id)
        with self.assertRaisesRegex(ValidationError, "already has a registered father"):
            self._event(**dict(values, other_name="Người Khác")).action_register()

    def test_guardian_must_be_adult(self):
        values = {
            "event_type": "guardianship",
            "person_name": "Trẻ Mồ Côi",
            "person_birth_date": date(2015, 1, 1),
            "other_name": "Người Giám Hộ",
            "other_birth_date": date(2008, 3, 11),
            "guardianship_reason": "Cha mẹ đã chết",
            "registration_date": REG,
        }
        with self.assertRaisesRegex(ValidationError, "guardian must be an adult"):
            self._event(**values).action_register()
        event = self._event(**dict(values, other_birth_date=date(2008, 3, 10)))
        event.action_register()
        self.assertEqual(event.state, "registered")
