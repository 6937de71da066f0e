from odoo.tests import TransactionCase, tagged

from odoo.addons.motcua_base.tools import amount_to_words_vi

CASES = [
    (0, "không đồng"),
    (5, "năm đồng"),
    (10, "mười đồng"),
    (15, "mười lăm đồng"),
    (21, "hai mươi mốt đồng"),
    (24, "hai mươi bốn đồng"),
    (55, "năm mươi lăm đồng"),
    (101, "một trăm linh một đồng"),
    (110, "một trăm mười đồng"),
    (115, "một trăm mười lăm đồng"),
    (1000, "một nghìn đồng"),
    (2025, "hai nghìn không trăm hai mươi lăm đồng"),
    (10000, "mười nghìn đồng"),
    (15000, "mười lăm nghìn đồng"),
    (50000, "năm mươi nghìn đồng"),
    (100000, "một trăm nghìn đồng"),
    (105000, "một trăm linh năm nghìn đồng"),
    (1005000, "một triệu không trăm linh năm nghìn đồng"),
    (1000000, "một triệu đồng"),
    (2340000, "hai triệu ba trăm bốn mươi nghìn đồng"),
    (21000001, "hai mươi mốt triệu không trăm linh một đồng"),
    (1000000000, "một tỷ đồng"),
    (1250000000, "một tỷ hai trăm năm mươi triệu đồng"),
    (3000000000000, "ba nghìn tỷ đồng"),
]


@tagged("post_install", "-at_install")
class TestAmountWords(TransactionCase):
    def test_table(self):
        for amount, words in CASES:
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_words_vi(amount), words)

    def test_capitalized_for_forms(self):
        self.assertEqual(amount_to_words_vi(2025, capitalize=True), "Hai nghìn không trăm hai mươi lăm đồng")

    def test_reports_get_the_helper(self):
        report = self.env["ir.actions.report"].search([], limit=1)
        values = report._get_rendering_context(report, [], {})
        self.assertEqual(values["motcua_amount_words"](1005000), "một triệu không trăm linh năm nghìn đồng")
        self.assertTrue(values["motcua_qr"]("https://example.com").startswith("data:image/png;base64,"))
