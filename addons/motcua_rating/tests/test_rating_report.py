from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_qr_codes

from .common import RatingCase

SLIP = "motcua_rating.action_report_rating_slip"


@tagged("post_install", "-at_install")
class TestRatingSlip(RatingCase, MotcuaReportCase):
    def test_slip_reads_in_vietnamese_and_its_qr_opens_the_rating(self):
        dossier = self.returned_dossier()
        pdf = self.render_pdf(SLIP, dossier, user=self.officer_a)
        key = dossier.sudo().lookup_key
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG",
            f"Mã hồ sơ: {dossier.name}",
            f"Mã tra cứu: {key}",
            f"DG {dossier.name} {key} 5",
            "Test marital-status confirmation",
        )
        self.assertEqual(pdf_qr_codes(pdf), [f"{dossier.get_base_url()}/danh-gia/{dossier.sudo().rating_token}"])

    def test_only_the_handlers_print_the_slip(self):
        dossier = self.returned_dossier()
        with self.assertRaises(AccessError):
            self.render_pdf(SLIP, dossier, user=self.officer_b)
        with self.assertRaises(AccessError):
            self.render_pdf(SLIP, dossier, user=self.monitor)
