from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.motcua_base.tools import normalize_vn_phone, validate_citizen_id


@tagged("post_install", "-at_install")
class TestCitizenId(TransactionCase):
    def test_valid_numbers(self):
        # Long An (080), male born 1985
        self.assertEqual(validate_citizen_id(self.env, "080085000123"), "080085000123")
        self.assertEqual(
            validate_citizen_id(self.env, "080 085 000 123", sex="male", birth_date=date(1985, 3, 1)), "080085000123"
        )
        # female born 2003 (century digit 3)
        self.assertEqual(
            validate_citizen_id(self.env, "079303001234", sex="female", birth_date=date(2003, 7, 9)), "079303001234"
        )
        # the old 9-digit identity card
        self.assertEqual(validate_citizen_id(self.env, "301234567"), "301234567")

    def test_wrong_length(self):
        with self.assertRaisesRegex(ValidationError, "12 digits"):
            validate_citizen_id(self.env, "08008500012")
        with self.assertRaisesRegex(ValidationError, "12 digits"):
            validate_citizen_id(self.env, "0800850001234")

    def test_letters(self):
        with self.assertRaisesRegex(ValidationError, "digits only"):
            validate_citizen_id(self.env, "08008500012A")
        with self.assertRaisesRegex(ValidationError, "digits only"):
            validate_citizen_id(self.env, "")

    def test_unknown_province(self):
        with self.assertRaisesRegex(ValidationError, "code of a province"):
            validate_citizen_id(self.env, "099085000123")

    def test_inconsistent_century_digit(self):
        # digit 0 = born in the 1900s, but born in 2003
        with self.assertRaisesRegex(ValidationError, "1900 to 1999"):
            validate_citizen_id(self.env, "080003000123", birth_date=date(2003, 1, 1))
        # digit 1 = female, declared male
        with self.assertRaisesRegex(ValidationError, "other sex"):
            validate_citizen_id(self.env, "080185000123", sex="male")

    def test_inconsistent_birth_year(self):
        with self.assertRaisesRegex(ValidationError, "birth year 1986"):
            validate_citizen_id(self.env, "080085000123", birth_date=date(1986, 1, 1))

    def test_message_is_translated(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["motcua_base"], ["vi_VN"])
        with self.assertRaisesRegex(ValidationError, "12 chữ số"):
            validate_citizen_id(self.env(context={"lang": "vi_VN"}), "123")


@tagged("post_install", "-at_install")
class TestPhone(TransactionCase):
    def test_valid_mobile_and_landline(self):
        self.assertEqual(normalize_vn_phone(self.env, "0912345678"), "0912 345 678")
        self.assertEqual(normalize_vn_phone(self.env, "+84 912 345 678"), "0912 345 678")
        self.assertEqual(normalize_vn_phone(self.env, "0912.345.678", international=True), "+84912345678")
        # Long An landline (area code 272)
        self.assertEqual(normalize_vn_phone(self.env, "02723826123", international=True), "+842723826123")

    def test_invalid(self):
        for number in ("091234567", "09123456789", "abc", "", "0012345678"):
            with self.subTest(number=number), self.assertRaisesRegex(ValidationError, "not a valid Vietnamese phone"):
                normalize_vn_phone(self.env, number)
