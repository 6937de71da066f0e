import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DigitisationCase


@tagged("post_install", "-at_install")
class TestScan(DigitisationCase):
    def test_scan_at_intake_marks_the_line_digitised(self):
        dossier = self.new_dossier()
        form = self.line(dossier)
        self.assertFalse(dossier.papers_digitised, "no paper received yet")
        self.attach(form, name="don.pdf")
        self.assertTrue(form.received)
        self.assertTrue(form.digitised)
        self.assertEqual(form.digitised_by, self.officer_a)
        self.assertTrue(form.digitised_at)
        self.assertEqual(form.scan_id.with_user(self.officer_a).file_name, "don.pdf")
        self.assertEqual(form.scan_id.sudo().attachment_id.raw, self.scan_pdf)
        self.assertTrue(dossier.papers_digitised, "the only paper received is digitised")
        self.assertIn("Scan of Application form attached: don.pdf.", dossier.message_ids[0].body)
        # a second paper received on paper without scan: the dossier is not fully digitised
        self.line(dossier, "Divorce decision").with_user(self.officer_a).received = True
        self.assertFalse(dossier.papers_digitised)
        self.attach(
            self.line(dossier, "Divorce decision"),
            raw=base64.b64decode(
                b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
            ),
            name="quyet-dinh.png",
        )
        self.assertTrue(dossier.papers_digitised)
        dossier.with_user(self.officer_a).action_receive()
        self.assertTrue(dossier.papers_digitised)

    def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_lost(self):
        dossier = self.new_dossier()
        form = self.line(dossier)
        self.attach(form, name="don.pdf")
        with self.assertRaisesRegex(ValidationError, "The file thu.pdf is not a PDF file"):
            self.attach(form, raw=b"<html>not a scan</html>", name="thu.pdf")
        with self.assertRaisesRegex(
            ValidationError, "The file thu.exe is not accepted: send one of JPEG, JPG, PDF, PNG."
        ):
            self.attach(form, raw=b"MZ", name="thu.exe")
        self.assertEqual(form.scan_id.sudo().attachment_id.raw, self.scan_pdf, "the first scan is kept")

    def test_after_the_receipt_only_received_papers_get_a_scan(self):
        dossier = self.new_dossier()
        self.line(dossier).with_user(self.officer_a).received = True
        dossier.with_user(self.officer_a).action_receive()
        with self.assertRaisesRegex(UserError, "The paper Divorce decision was not received with the dossier"):
            self.attach(self.line(dossier, "Divorce decision"))
        self.attach(self.line(dossier))
        self.assertTrue(dossier.papers_digitised)

    def test_digitised_flags_cannot_be_forged_over_rpc(self):
        dossier = self.new_dossier()
        form = self.line(dossier).with_user(self.officer_a)
        for vals in ({"digitised": True}, {"digitised_by": self.officer_a.id}, {"scan_id": False}):
            with self.assertRaisesRegex(AccessError, "A paper is marked digitised by attaching its scan, not by hand."):
                form.write(vals)
        for vals in ({"papers_digitised": True}, {"eresult_issued": True}, {"reused_paper_count": 3}):
            with self.assertRaisesRegex(AccessError, "The digitisation of a dossier is recorded by scanning"):
                dossier.with_user(self.officer_a).write(vals)
        with self.assertRaisesRegex(AccessError, "filled by scanning papers and issuing results"):
            self.Store.with_user(self.officer_a).create({"name": "Forged", "kind": "scan"})
        self.attach(form)
        with self.assertRaisesRegex(AccessError, "Digitised papers are not changed by hand."):
            form.scan_id.with_user(self.officer_a).write({"valid_until": "2099-01-01"})
        self.assertTrue(form.digitised)

    def test_scans_are_read_by_the_handlers_only(self):
        dossier = self.new_dossier()
        self.attach(self.line(dossier))
        entry = self.line(dossier).scan_id
        # the handlers read it, and their read is logged
        self.assertEqual(entry.with_user(self.officer_a).read(["name"])[0]["name"], "Application form")
        self.env.cr.precommit.run()
        log = self.env["motcua.access.log"].search(
            [("res_model", "=", entry._name), ("res_id", "=", entry.id), ("user_id", "=", self.officer_a.id)]
        )
        self.assertEqual(log.access_type, "read")
        # another commune, the province monitor, a citizen: nothing, by any read path
        for user in (self.officer_b, self.monitor, self.portal):
            Store = self.Store.with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                entry.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                entry.attachment_id.with_user(user).read(["raw"])
            self.assertFalse(Store.search([]), user.login)
            self.assertFalse(Store.search_read([], ["name", "attachment_id"]), user.login)
            self.assertFalse(Store.name_search("Application"), user.login)
            self.assertFalse(Store.formatted_read_group([], ["kind"], ["__count"]), user.login)
            self.assertFalse(
                self.env["motcua.dossier.paper"].with_user(user).search([("scan_id", "=", entry.id)])
                if user != self.monitor
                else False,
                user.login,
            )
        with self.assertRaises(AccessError):
            self.Store.with_user(self.internal).search([])
        # the store is not searched by ID number, not even by the desk of the dossier
        with self.assertRaises(AccessError):
            self.Store.with_user(self.officer_a).search([("holder_key", "!=", False)])
        with self.assertRaises(AccessError):
            entry.with_user(self.officer_a).read(["holder_key"])
        # and the ID number itself is not in the store
        self.assertNotIn("080090001234", str(entry.sudo().read()[0]))
