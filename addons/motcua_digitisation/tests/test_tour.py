from odoo.tests import HttpCase, tagged

from .common import DigitisationCase


@tagged("post_install", "-at_install")
class TestAttachScanTour(DigitisationCase, HttpCase):
    def test_the_desk_attaches_a_scan_in_one_action(self):
        dossier = self.new_dossier()
        self.start_tour(
            f"/odoo/action-motcua_dossier.motcua_dossier_action/{dossier.id}",
            "motcua_digitisation_attach_scan",
            login=self.officer_a.login,
        )
        form = self.line(dossier)
        self.assertTrue(form.digitised)
        self.assertEqual(form.digitised_by, self.officer_a)
        self.assertEqual(form.scan_id.sudo().attachment_id.name, "don-de-nghi.pdf")
        self.assertTrue(form.received)
