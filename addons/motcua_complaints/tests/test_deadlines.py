from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintsCommon

# Monday 2 March 2026, 10:00 in Hà Nội
RECEIVED = datetime(2026, 3, 2, 3, 0)


@tagged("post_install", "-at_install")
class TestDeadlines(ComplaintsCommon):
    def test_complaint_first_instance_deadlines(self):
        cases = [
            (False, False, datetime(2026, 4, 4, 3, 0)),  # 30 days
            (True, False, datetime(2026, 4, 19, 3, 0)),  # complex: 45 days
            (False, True, datetime(2026, 4, 19, 3, 0)),  # remote: 45 days
            (True, True, datetime(2026, 5, 4, 3, 0)),  # remote and complex: 60 days
        ]
        for is_complex, is_remote, expected in cases:
            with self.subTest(is_complex=is_complex, is_remote=is_remote):
                petition = self._petition(is_complex=is_complex, is_remote=is_remote)
                # accepted within 10 (calendar) days of receipt
                self.assertEqual(petition.accept_deadline, datetime(2026, 3, 12, 3, 0))
                with freeze_time("2026-03-05 03:00:00"):
                    self._accept(petition)
                self.assertEqual(petition.state, "accepted")
                self.assertEqual(petition.resolution_deadline, expected)
                self.assertEqual(petition.deadline, expected)

    def test_complaint_second_instance_deadlines_and_link(self):
        first = self._petition(received=datetime(2026, 1, 5, 3, 0))
        # a second instance needs its first instance
        with self.assertRaisesRegex(ValidationError, "linked to the first-instance"):
            self._petition(instance="second")
        # ... decided, or not decided in time
        with self.assertRaisesRegex(ValidationError, "was decided"):
            self._petition(instance="second", first_instance_id=first.id)
        denunciation = self._petition("denunciation")
        with self.assertRaisesRegex(ValidationError, "Only a complaint"):
            self._petition("denunciation", first_instance_id=denunciation.id)
        first.sudo().state = "closed"
        cases = [
            (False, False, datetime(2026, 4, 19, 3, 0)),  # 45 days
            (True, False, datetime(2026, 5, 4, 3, 0)),  # complex: 60 days
            (False, True, datetime(2026, 5, 4, 3, 0)),  # remote: 60 days
            (True, True, datetime(2026, 5, 14, 3, 0)),  # remote and complex: 70 days
        ]
        for is_complex, is_remote, expected in cases:
            with self.subTest(is_complex=is_complex, is_remote=is_remote):
                second = self._petition(
                    instance="second", first_instance_id=first.id, is_complex=is_complex, is_remote=is_remote
                )
                self.assertEqual(second.rule_id, self.env.ref("motcua_complaints.rule_complaint_second"))
                with freeze_time("2026-03-05 03:00:00"):
                    self._accept(second)
                self.assertEqual(second.resolution_deadline, expected)
                self.assertIn(second, first.second_instance_ids)

    def test_denunciation_acceptance_in_working_days_and_extensions(self):
        # Friday 6 March 2026 10:00 + 7 working days = Tuesday 17 March 10:00 (two weekends skipped)
        petition = self._petition(
            "denunciation", received=datetime(2026, 3, 6, 3, 0), handler_ids=[(6, 0, self.handler_a.ids)]
        )
        self.assertEqual(petition.accept_deadline, datetime(2026, 3, 17, 3, 0))
        with freeze_time("2026-03-10 03:00:00"):
            self._accept(petition)
        self.assertEqual(petition.resolution_deadline, datetime(2026, 4, 9, 3, 0))
        Extension = self.env["motcua.complaint.extension"].with_user(self.handler_a)
        with self.assertRaisesRegex(ValidationError, "between 1 and 30 days"):
            Extension.create({"petition_id": petition.id, "days": 31, "reason": "Phức tạp"})
        with self.assertRaisesRegex(ValidationError, "reason"):
            Extension.create({"petition_id": petition.id, "days": 30, "reason": "   "})
        Extension.create({"petition_id": petition.id, "days": 30, "reason": "Vụ việc phức tạp"})
        self.assertEqual(petition.resolution_deadline, datetime(2026, 5, 9, 3, 0))
        Extension.create({"petition_id": petition.id, "days": 20, "reason": "Đặc biệt phức tạp"})
        self.assertEqual(petition.resolution_deadline, datetime(2026, 5, 29, 3, 0))
        with self.assertRaisesRegex(ValidationError, "at most 2 times"):
            Extension.create({"petition_id": petition.id, "days": 10, "reason": "Lần ba"})
        self.assertEqual(petition.extension_count, 2)
        # complaints are not extended
        complaint = self._petition()
        with freeze_time("2026-03-05 03:00:00"):
            self._accept(complaint)
        with self.assertRaisesRegex(ValidationError, "Only the resolution time of a denunciation"):
            Extension.sudo().create({"petition_id": complaint.id, "days": 10, "reason": "Không được"})

    def test_denunciation_acceptance_skips_public_holidays(self):
        calendar = self.env.ref("motcua_base.calendar_administrative")
        calendar._motcua_load_public_holidays([2026])
        # Tuesday 28 April 2026: 30 April and 1 May are days off, so 7 working days end on Monday 11 May
        petition = self._petition("denunciation", received=datetime(2026, 4, 28, 3, 0))
        expected = self.commune_a.add_working_time(datetime(2026, 4, 28, 3, 0), days=7)
        self.assertEqual(petition.accept_deadline, expected)
        self.assertGreaterEqual(petition.accept_deadline, datetime(2026, 5, 11, 3, 0))

    def test_proposal_deadlines_in_working_days(self):
        petition = self._petition("proposal")
        # Monday 2 March + 10 working days = Monday 16 March
        self.assertEqual(petition.accept_deadline, datetime(2026, 3, 16, 3, 0))
        with freeze_time("2026-03-02 04:00:00"):
            self._accept(petition)
        # + 15 working days = Monday 23 March 11:00
        self.assertEqual(petition.resolution_deadline, datetime(2026, 3, 23, 4, 0))

    def test_petition_keeps_the_rule_it_was_accepted_under(self):
        rule = self.env.ref("motcua_complaints.rule_complaint_first")
        petition = self._petition()
        with freeze_time("2026-03-05 03:00:00"):
            self._accept(petition)
        rule.resolve_days = 20
        petition.invalidate_recordset()
        self.assertEqual(petition.resolve_days, 30)
        self.assertEqual(petition.resolution_deadline, datetime(2026, 4, 4, 3, 0))
        # a new dated version applies to petitions received from its start only
        rule.write({"resolve_days": 30, "date_to": date(2026, 6, 30)})
        new_rule = rule.copy({"name": "Luật mới", "date_from": date(2026, 7, 1), "date_to": False, "resolve_days": 40})
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            rule.copy({"name": "Chồng lấn", "date_from": date(2026, 6, 1), "date_to": False})
        june = self._petition(received=datetime(2026, 6, 29, 3, 0))
        july = self._petition(received=datetime(2026, 7, 2, 3, 0))
        self.assertEqual(june.rule_id, rule)
        self.assertEqual(july.rule_id, new_rule)
        with freeze_time("2026-07-03 03:00:00"):
            self._accept(june)
            self._accept(july)
        self.assertEqual(june.resolution_deadline, datetime(2026, 8, 2, 3, 0))
        self.assertEqual(july.resolution_deadline, datetime(2026, 8, 12, 3, 0))

    def test_bad_input_is_refused_with_a_clear_message_and_nothing_lost(self):
        petition = self._petition()
        petition.action_classify()
        # missing reason
        with self.assertRaisesRegex(UserError, "reason of the acceptance"):
            petition.action_accept()
        with self.assertRaisesRegex(UserError, "reason for rejecting"):
            petition.action_reject()
        # acceptance after the legal time needs its reason
        petition.decision_reason = "Đủ điều kiện"
        with freeze_time("2026-03-13 03:00:00"), self.assertRaisesRegex(UserError, "ended on 12/03/2026 10:00"):
            petition.action_accept()
        self.assertEqual(petition.state, "classified")
        self.assertEqual(petition.decision_reason, "Đủ điều kiện")
        petition.late_reason = "Chờ bổ sung địa chỉ người khiếu nại"
        with freeze_time("2026-03-13 03:00:00"):
            petition.action_accept()
        self.assertEqual(petition.state, "accepted")
        # a complaint filed after the 90 days of the law
        late = self._petition(date_known=date(2025, 11, 1))
        self.assertTrue(late.filing_late)
        late.decision_reason = "Đủ điều kiện"
        late.action_classify()
        with freeze_time("2026-03-03 03:00:00"), self.assertRaisesRegex(UserError, "legal filing time of 90 days"):
            late.action_accept()
        late.decision_reason = "Quá thời hiệu khiếu nại"
        late.action_reject()
        self.assertEqual(late.state, "rejected")
        # the name is needed, unless the denunciation is anonymous
        nameless = self._petition(petitioner_name=False)
        with self.assertRaisesRegex(UserError, "name is required"):
            nameless.action_classify()
        # a petition cannot be reclassified once accepted
        with self.assertRaisesRegex(UserError, "fixed once it is accepted"):
            petition.with_user(self.specialist_a).petition_type = "proposal"

    def test_stages_to_closing(self):
        petition = self._petition()
        with freeze_time("2026-03-05 03:00:00"):
            self._accept(petition)
        petition.action_start_verification()
        with self.assertRaisesRegex(UserError, "conclusion"):
            petition.action_conclude()
        petition.conclusion = "Giữ nguyên quyết định"
        with freeze_time("2026-03-20 03:00:00"):
            petition.action_conclude()
        self.assertEqual(petition.timeliness, "on_time")
        petition.action_close()
        self.assertEqual(petition.state, "closed")
        self.assertFalse(petition.deadline)
        with self.assertRaisesRegex(UserError, "not possible now"):
            petition.action_accept()

    def test_anonymous_denunciation_policy(self):
        petition = self._petition("denunciation", is_anonymous=True, petitioner_name=False)
        self.assertTrue(petition.handled_as_information)
        petition.action_classify()
        self.assertEqual(petition.state, "verification")
        self.assertFalse(petition.deadline)
        with self.assertRaisesRegex(UserError, "not possible now"):
            petition.action_accept()
        petition.action_close()
        self.assertEqual(petition.state, "closed")
        self.env.ref("motcua_complaints.rule_denunciation").anonymous_policy = "archive"
        filed = self._petition("denunciation", is_anonymous=True, petitioner_name=False)
        filed.action_classify()
        self.assertEqual(filed.state, "closed")
        self.assertIn("filed", filed.message_ids[0].body)

    def test_deadline_activities_and_overdue(self):
        petition = self._petition(handler_ids=[(6, 0, self.handler_a.ids)])
        activity = petition.activity_ids
        self.assertEqual(activity.user_id, self.handler_a)
        self.assertEqual(activity.date_deadline, date(2026, 3, 12))
        with freeze_time("2026-03-13 03:00:00"):
            self.assertTrue(petition.is_overdue)
            overdue = self.Petition.with_user(self.specialist_a).search([("is_overdue", "=", True)])
            self.assertIn(petition, overdue)
            self.Petition._cron_flag_overdue()
        self.assertTrue(petition.overdue_notified)
        self.assertTrue(any("Overdue" in (a.summary or "") for a in petition.activity_ids))
        petition.decision_reason = "Đủ điều kiện"
        petition.late_reason = "Quá tải"
        petition.action_classify()
        with freeze_time("2026-03-13 03:00:00"):
            petition.action_accept()
        self.assertEqual(petition.activity_ids.mapped("summary"), [f"Resolve {petition.code}"])
        self.assertEqual(petition.activity_ids.date_deadline, date(2026, 4, 12))

    def test_code_and_statistics(self):
        first = self._petition()
        second = self._petition("denunciation")
        self.assertRegex(first.code, r"^KN-000\.20\.01\.T01-2026-\d{5}$")
        self.assertTrue(second.code.startswith("TC-000.20.01.T01-2026-"))
        groups = self.Petition._read_group([("unit_id", "=", self.commune_a.id)], ["petition_type"], ["__count"])
        self.assertEqual(dict(groups), {"complaint": 1, "denunciation": 1})
