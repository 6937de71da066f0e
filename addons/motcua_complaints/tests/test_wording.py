from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ComplaintsCommon


@tagged("post_install", "-at_install")
class TestWording(ComplaintsCommon):
    def test_one_day_extension_is_written_in_the_singular(self):
        petition = self._petition(
            "denunciation", received=datetime(2026, 3, 6, 3, 0), handler_ids=[(6, 0, self.handler_a.ids)]
        )
        with freeze_time("2026-03-10 03:00:00"):
            self._accept(petition)
        self.env["motcua.complaint.extension"].with_user(self.handler_a).with_context(lang="en_US").create(
            {"petition_id": petition.id, "days": 1, "reason": "Chờ kết quả giám định"}
        )
        body = petition.message_ids[:1].body
        self.assertIn("Resolution time extended by 1 day: Chờ kết quả giám định", body)
        self.assertNotIn("1 days", body)
