from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DossierCase, enable_vietnamese, utc


@tagged("post_install", "-at_install")
class TestDossierLifecycle(DossierCase):
    def _at(self, *local):
        return freeze_time(utc(*local))

    def test_full_lifecycle_early(self):
        with self._at(2026, 12, 7, 10, 0):  # Monday
            dossier = self.received_dossier()
        # end of the desk's transaction (records created in a transaction are not tracked in it)
        self.env.cr.flush()
        with self._at(2026, 12, 7, 10, 30):
            dossier.with_user(self.specialist_a).action_start()
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(len(dossier.step_ids), 2)
        first, second = dossier.step_ids.sorted("sequence")
        self.assertEqual(first.state, "open")
        # 2 days of 7.5 working hours, 50% = 7.5 hours from Monday 10:30
        self.assertEqual(first.deadline, utc(2026, 12, 8, 10, 30))
        with self._at(2026, 12, 8, 9, 0):
            dossier.with_user(self.specialist_a).action_handover("Checked")
        self.assertEqual(first.state, "done")
        self.assertEqual(first.timeliness, "on_time")  # same day as its deadline
        self.assertEqual(second.state, "open")
        self.assertEqual(second.from_unit_id, self.commune_a)
        with self._at(2026, 12, 8, 11, 0):
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(dossier.state, "result_ready")
        self.assertEqual(second.timeliness, "early")  # its own deadline was Wednesday 08:30
        self.assertEqual(dossier.finished_at, utc(2026, 12, 8, 11, 0))
        self.assertEqual(dossier.timeliness, "early")  # a day before the appointment
        with self._at(2026, 12, 9, 8, 0):
            dossier.with_user(self.officer_a).action_return()
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(dossier.returned_at, utc(2026, 12, 9, 8, 0))
        self.assertEqual(dossier.timeliness, "early")
        self.env.flush_all()
        self.env.cr.flush()
        tracked = dossier.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("state", tracked, "state changes are tracked in the chatter")
        self.assertIn("timeliness", tracked)

    def test_late_dossier_and_cron(self):
        with self._at(2026, 12, 7, 10, 0):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
        with self._at(2026, 12, 10, 9, 0):
            count = self.env["motcua.dossier"]._cron_refresh_timeliness()
            self.assertGreaterEqual(count, 1)
            self.assertEqual(dossier.timeliness, "overdue")
            self.assertEqual(dossier.current_step_id.timeliness, "overdue")
            dossier.with_user(self.specialist_a).action_handover()
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(dossier.timeliness, "late")
        first, second = dossier.step_ids.sorted("sequence")
        self.assertEqual(first.timeliness, "late")
        # the second step got its own share of time when it started
        self.assertEqual(second.timeliness, "early")

    def test_on_time(self):
        with self._at(2026, 12, 7, 10, 0):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
        with self._at(2026, 12, 9, 9, 59):
            dossier.with_user(self.specialist_a).action_handover()
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(dossier.timeliness, "on_time")

    def test_supplement_pauses_clock(self):
        with self._at(2026, 12, 7, 8, 0):
            dossier = self.received_dossier()
        self.assertEqual(dossier.due_at, utc(2026, 12, 9, 8, 0))
        with self._at(2026, 12, 7, 10, 0):
            with self.assertRaisesRegex(ValidationError, "missing"):
                dossier.action_request_supplement("")
            dossier.with_user(self.officer_a).action_request_supplement("Divorce decision copy", "Officer A")
        self.assertEqual(dossier.state, "supplement")
        with self._at(2026, 12, 14, 10, 0):
            # while paused the dossier is not overdue
            self.env["motcua.dossier"]._cron_refresh_timeliness()
            self.assertEqual(dossier.timeliness, "within")
        with self._at(2026, 12, 8, 10, 0):
            dossier.with_user(self.officer_a).action_resubmit()
        self.assertEqual(dossier.state, "received")
        # paused 7.5 working hours (Mon 10:00 -> Tue 10:00): Wed 08:00 becomes Thu 08:00
        self.assertAlmostEqual(dossier.paused_hours, 7.5)
        self.assertEqual(dossier.due_at, utc(2026, 12, 10, 8, 0))
        self.assertEqual(dossier.supplement_count, 1)

    def test_supplement_during_processing_moves_step_deadline(self):
        with self._at(2026, 12, 7, 8, 0):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
        step = dossier.current_step_id
        self.assertEqual(step.deadline, utc(2026, 12, 8, 8, 0))
        with self._at(2026, 12, 7, 10, 0):
            dossier.with_user(self.specialist_a).action_request_supplement("Missing form")
        with self._at(2026, 12, 8, 10, 0):
            dossier.with_user(self.officer_a).action_resubmit()
        self.assertEqual(dossier.state, "in_progress")
        # paused 7.5 working hours: Tuesday 08:00 becomes Wednesday 08:00
        self.assertEqual(step.deadline, utc(2026, 12, 9, 8, 0))

    def test_undeclared_transition_is_refused_in_vietnamese(self):
        """The state machine moves along its declared transitions only, whoever calls it: a
        received dossier cannot jump to "returned", and the receiving officer reads why in
        Vietnamese."""
        enable_vietnamese(self.env)
        dossier = self.received_dossier()
        officer = dossier.with_user(self.officer_a).with_context(lang="vi_VN")
        with self.assertRaisesRegex(UserError, "không thể chuyển từ Đã tiếp nhận sang Đã trả kết quả"):
            officer._motcua_set_state("returned", {"returned_at": utc(2026, 12, 7, 10, 0)})
        self.assertEqual(dossier.state, "received")
        self.assertFalse(dossier.returned_at)
        # a declared move passes, written as the workflow writes it (no field guard in the way)
        officer._motcua_set_state("in_progress")
        self.assertEqual(dossier.state, "in_progress")
        # and over RPC the officer still cannot write the state
        with self.assertRaisesRegex(AccessError, "change only through its actions"):
            dossier.with_user(self.officer_a).write({"state": "returned"})

    def test_wrong_transitions(self):
        dossier = self.new_dossier()
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.with_user(self.specialist_a).action_start()
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.action_return()
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.action_resubmit()
        dossier.paper_ids.write({"received": True})
        dossier.action_receive()
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.with_user(self.specialist_a).action_handover()
        dossier.action_withdraw("Applicant changed their mind")
        self.assertEqual(dossier.state, "withdrawn")
        self.assertFalse(dossier.timeliness)
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.action_refuse("Too late")
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.action_request_supplement("x")

    def test_refuse_needs_reason(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(ValidationError, "reason"):
            dossier.action_refuse(" ")
        self.assertEqual(dossier.state, "received")
        dossier.action_refuse("The applicant is not resident in the commune.")
        self.assertEqual(dossier.state, "refused")
        self.assertEqual(dossier.refusal_reason, "The applicant is not resident in the commune.")
        # refusing at the desk, before receipt, still gives the dossier a code for the refusal slip
        draft = self.new_dossier()
        draft.action_refuse("Wrong procedure")
        self.assertTrue(draft.name.startswith("000.20.01.T01-"))

    def test_transfer(self):
        with self._at(2026, 12, 7, 10, 0):
            dossier = self.received_dossier()
        Dossier = self.env["motcua.dossier"]
        self.assertFalse(Dossier.with_user(self.specialist_d).search([("id", "=", dossier.id)]))
        with self._at(2026, 12, 7, 11, 0):
            dossier.with_user(self.specialist_a).action_transfer(self.department, "Needs the department's opinion")
        self.assertEqual(dossier.handling_unit_id, self.department)
        self.assertEqual(dossier.state, "in_progress")
        self.assertIn(self.department, dossier.access_unit_ids)
        transfer_step = dossier.current_step_id
        self.assertTrue(transfer_step.is_transfer)
        self.assertEqual(transfer_step.from_unit_id, self.commune_a)
        self.assertEqual(transfer_step.unit_id, self.department)
        # the history stays: the first step is closed with the reason
        self.assertTrue(dossier.step_ids.filtered(lambda s: s.state == "done" and "Transferred" in (s.note or "")))
        # the receiving unit now sees the dossier and can work on it
        self.assertEqual(Dossier.with_user(self.specialist_d).search([("id", "=", dossier.id)]), dossier)
        with self._at(2026, 12, 7, 14, 0):
            dossier.with_user(self.specialist_d).action_handover()
        # back to the commune for the signature
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.current_step_id.name, "Sign")
        self.assertEqual(dossier.current_step_id.from_unit_id, self.department)
        self.assertEqual(dossier.handling_unit_id, self.commune_a)
        with self._at(2026, 12, 7, 15, 0):
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(dossier.state, "result_ready")
        # the unit that sent it still sees it
        self.assertEqual(Dossier.with_user(self.specialist_a).search([("id", "=", dossier.id)]), dossier)

    def test_transfer_to_inactive_unit_refused(self):
        dossier = self.received_dossier()
        self.department.active = False
        with self.assertRaisesRegex(ValidationError, "no longer active"):
            dossier.with_user(self.specialist_a).action_transfer(self.department, "x")
        self.assertEqual(dossier.state, "received")
        self.assertFalse(dossier.step_ids)

    def test_apology_rules(self):
        with self._at(2026, 12, 7, 10, 0):
            dossier = self.received_dossier()
        with self._at(2026, 12, 8, 16, 0):
            with self.assertRaisesRegex(ValidationError, "after the current one"):
                dossier.action_apologize("Verification", utc(2026, 12, 8, 17, 0))
            dossier.with_user(self.officer_a).action_apologize(
                "Verification at the former residence", utc(2026, 12, 11, 10, 0)
            )
        self.assertEqual(dossier.due_at, utc(2026, 12, 11, 10, 0))
        self.assertEqual(dossier.apology_count, 1)
        apology = dossier.apology_ids
        self.assertEqual(apology.old_due_at, utc(2026, 12, 9, 10, 0))
        self.assertEqual(apology.unit_id, self.commune_a)
        with self._at(2026, 12, 9, 9, 0):
            with self.assertRaisesRegex(UserError, "most allowed"):
                dossier.action_apologize("Again", utc(2026, 12, 14, 10, 0))
            # a unit may allow more apologies, and its parent's setting reaches it
            self.province.motcua_apology_limit = 2
            dossier.action_apologize("Again", utc(2026, 12, 14, 10, 0))
        self.assertEqual(dossier.apology_count, 2)
        with self._at(2026, 12, 15, 9, 0):
            self.commune_a.motcua_apology_limit = 5
            with self.assertRaisesRegex(UserError, "has passed"):
                dossier.action_apologize("Too late", utc(2026, 12, 19, 10, 0))

    def test_mail_to_the_applicant_is_vietnamese(self):
        """The e-mail templates' source is English; the applicant is written to in Vietnamese."""
        enable_vietnamese(self.env)
        dossier = self.received_dossier(applicant_email="an@example.com")
        self.env["motcua.dossier.receipt.mail"]._cron_send()  # the e-mail is produced after the commit
        mail = self.env["mail.mail"].search([("model", "=", "motcua.dossier"), ("res_id", "=", dossier.id)], limit=1)
        self.assertEqual(mail.subject, f"Hồ sơ {dossier.name} đã được tiếp nhận")
        self.assertIn("Kính gửi", mail.body_html)
        self.assertIn("Ngày hẹn trả kết quả", mail.body_html)

    def test_notifications(self):
        with_mail = self.received_dossier(applicant_email="an@example.com")
        self.env["motcua.dossier.receipt.mail"]._cron_send()  # the e-mail is produced after the commit
        mails = self.env["mail.mail"].search([("model", "=", "motcua.dossier"), ("res_id", "=", with_mail.id)])
        self.assertTrue(mails, "the applicant with an e-mail gets the receipt by e-mail")
        self.assertIn(with_mail.name, mails[0].subject)
        self.assertFalse(self.sms_of(with_mail))
        without_mail = self.received_dossier()
        sms = self.sms_of(without_mail)
        self.assertEqual(len(sms), 1)
        # queued for Odoo's SMS queue, in E.164
        self.assertEqual(sms.state, "outgoing")
        self.assertEqual(sms.number, "+84912345678")
        self.assertIn(without_mail.name, sms.body)
        self.assertIn(without_mail.sudo().lookup_key, sms.body)
        # staff see the SMS as a note in the chatter: neither the number nor the lookup key
        note = sms.mail_message_id.with_user(self.specialist_a)
        self.assertIn("SMS queued to the applicant", note.body)
        self.assertIn(without_mail.name, note.body)
        self.assertNotIn(without_mail.sudo().lookup_key, note.body)
        self.assertNotIn("912345678", note.body)
        with self.assertRaises(AccessError):
            sms.with_user(self.specialist_a).read(["number"])
        without_mail.with_user(self.specialist_a).action_request_supplement("Missing form")
        self.assertEqual(len(self.sms_of(without_mail)), 2)
