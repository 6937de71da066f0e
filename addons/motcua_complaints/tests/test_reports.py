from datetime import datetime

from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_page_count

from .common import ComplaintsCommon


@tagged("post_install", "-at_install")
class TestPetitionSheet(ComplaintsCommon, MotcuaReportCase):
    """The petition sheet as printed: Vietnamese, local time, one A4 page per petition."""

    def test_sheet_reads_in_vietnamese(self):
        petition = self.Petition.create(
            {
                "subject": "Khiếu nại quyết định thu hồi đất",
                "content": "Đề nghị xem xét lại mức bồi thường.",
                "petition_type": "complaint",
                "unit_id": self.commune_a.id,
                "date_received": datetime(2026, 3, 2, 3, 0),  # 10:00 in Viet Nam
                "petitioner_name": "Nguyễn Văn Dân",
            }
        )
        pdf = self.render_pdf("motcua_complaints.action_report_petition", petition, user=self.handler_a)
        self.assertEqual(pdf_page_count(pdf), 1)
        self.assertA4(pdf)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "HUYỆN THỬ",  # the unit above the ward
            "PHƯỜNG THỬ A",
            "PHIẾU THEO DÕI ĐƠN",
            f"Mã đơn: {petition.code}",
            "Khiếu nại",
            "02/03/2026 10:00:00",
            "Khiếu nại quyết định thu hồi đất",
            "Người gửi đơn",
            "Nguyễn Văn Dân",
            "Đề nghị xem xét lại mức bồi thường.",
        )
