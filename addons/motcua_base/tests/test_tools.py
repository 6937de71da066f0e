import base64

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..tools import CODE_ALPHABET, check_file_content, mask_digits, mask_name, random_code, strip_diacritics

# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestSharedTools(TransactionCase):
    def test_mask_name(self):
        self.assertEqual(mask_name("Nguyễn Văn An"), "N*** V** A")
        self.assertEqual(mask_name("  Lê   Thị   Bích Ngọc "), "L* T** B*** N")
        self.assertEqual(mask_name(""), "")

    def test_mask_digits(self):
        self.assertEqual(mask_digits("080090001234"), "*********234")
        self.assertEqual(mask_digits("0912 345 678"), "*******678")
        self.assertEqual(mask_digits("12"), "**")
        self.assertEqual(mask_digits(None), "")

    def test_random_code(self):
        code = random_code(12, 4)
        self.assertRegex(code, r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
        self.assertTrue(set(code.replace("-", "")) <= set(CODE_ALPHABET))
        self.assertNotIn("O", CODE_ALPHABET + "".join(random_code(6) for _i in range(200)))
        self.assertGreater(len({random_code(6) for _i in range(200)}), 195)

    def test_strip_diacritics(self):
        self.assertEqual(strip_diacritics("Hồ sơ đã có kết quả. ĐƯỢC"), "Ho so da co ket qua. DUOC")

    def test_upload_checked_by_content(self):
        check_file_content(self.env, PNG, "scan.png")
        check_file_content(self.env, b"any text", "notes.txt")  # no signature to check
        with self.assertRaisesRegex(ValidationError, "is not a PDF file"):
            check_file_content(self.env, PNG, "invoice.pdf")
        with self.assertRaisesRegex(ValidationError, "not accepted: send one of JPG, PDF"):
            check_file_content(self.env, b"MZ\x90\x00", "setup.exe", allowed={"pdf", "jpg"})
