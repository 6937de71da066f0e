from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DigitisationCase


@tagged("post_install", "-at_install")
class TestReuse(DigitisationCase):
    def setUp(self):
        super().setUp()
        self.first = self.new_dossier()
        self.attach(self.line(self.first), name="don.pdf")
        self.first.with_user(self.officer_a).action_receive()
        self.entry = self.line(self.first).scan_id

    def test_second_intake_reuses_the_scan_and_counts_it_once(self):
        second = self.new_dossier()
        self.assertEqual(second.with_user(self.officer_a).reusable_summary, "Application form")
        form = self.line(second).with_user(self.officer_a)
        self.assertEqual(form.reusable_scan_id, self.entry)
        self.assertFalse(self.line(second, "Divorce decision").reusable_scan_id, "never digitised")
        form.action_reuse_scan()
        self.assertTrue(form.received)
        self.assertTrue(form.digitised)
        self.assertEqual(form.reused_from, self.entry)
        self.assertEqual(form.scan_id.sudo().attachment_id.raw, self.scan_pdf)
        self.assertEqual(second.reused_paper_count, 1)
        self.assertTrue(second.papers_digitised)
        self.assertIn("Application form taken from the citizen's store", second.message_ids[0].body)
        # clicked twice (or the whole offer again): counted once
        self.assertFalse(second.with_user(self.officer_a).reusable_summary)
        with self.assertRaisesRegex(UserError, "No digitised copy of Application form is available"):
            form.action_reuse_scan()
        second.with_user(self.officer_a).action_reuse_all()
        self.assertEqual(second.reused_paper_count, 1)
        self.assertEqual(self.entry.with_user(self.officer_a).reuse_count, 1)
        second.with_user(self.officer_a).action_receive()
        self.assertEqual(second.reused_paper_count, 1)

    def test_another_person_and_expired_papers_are_not_offered(self):
        other = self.new_dossier(applicant_name="Trần Thị Bình", applicant_id_number="080190002345")
        self.assertFalse(other.reusable_summary)
        self.assertFalse(self.line(other).reusable_scan_id)
        # a paper digitised with a validity that has passed is asked again
        third = self.new_dossier(applicant_id_number="080190002345", applicant_name="Trần Thị Bình")
        self.attach(self.line(third, "Divorce decision"), valid_until="2020-01-01")
        fourth = self.new_dossier(applicant_id_number="080190002345", applicant_name="Trần Thị Bình")
        self.assertFalse(self.line(fourth, "Divorce decision").reusable_scan_id)

    def test_another_desk_with_a_dossier_of_the_person_reuses_it_and_reads_it_only_then(self):
        entry_b = self.entry.with_user(self.officer_b)
        with self.assertRaises(AccessError):
            entry_b.read(["name"])
        dossier_b = self.new_dossier(user=self.officer_b, unit_id=self.commune_b.id)
        line_b = self.line(dossier_b).with_user(self.officer_b)
        self.assertEqual(line_b.reusable_scan_id, self.entry)
        line_b.action_reuse_scan()
        self.assertEqual(entry_b.read(["name"])[0]["name"], "Application form")
        self.assertEqual(dossier_b.reused_paper_count, 1)
        # the offer read by the desk is logged: what a person holds is personal data
        dossier_c = self.new_dossier(user=self.officer_b, unit_id=self.commune_b.id)
        dossier_c.with_user(self.officer_b).read(["reusable_summary"])
        self.env.cr.precommit.run()
        log = self.env["motcua.access.log"].search(
            [("res_model", "=", "motcua.dossier"), ("res_id", "=", dossier_c.id), ("user_id", "=", self.officer_b.id)]
        )
        self.assertIn("reusable_summary", log.mapped("field_names"))

    def test_reuse_only_at_the_intake(self):
        second = self.received_dossier()
        self.assertFalse(self.line(second).reusable_scan_id, "a received dossier has its papers")
        with self.assertRaisesRegex(UserError, "No digitised copy of Application form is available"):
            self.line(second).with_user(self.officer_a).action_reuse_scan()
