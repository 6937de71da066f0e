from odoo.addons.motcua_dossier.tests.common import DossierCase


class RatingCase(DossierCase):
    """Dossiers of commune A and B carried to their return, and the reasons of the catalogue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason_wait = cls.env.ref("motcua_rating.reason_waited_too_long")
        cls.reason_papers = cls.env.ref("motcua_rating.reason_extra_papers")

    def returned_dossier(self, officer=None, specialist=None, leader=None, **vals):
        """A dossier received, processed (two steps), its result handed over by ``officer``."""
        officer = officer or self.officer_a
        dossier = self.received_dossier(user=officer, **vals)
        dossier.with_user(specialist or self.specialist_a).action_start()
        dossier.with_user(specialist or self.specialist_a).action_handover("Checked")
        dossier.with_user(leader or self.leader_a).action_handover()
        dossier.with_user(officer).action_return()
        return dossier

    def dossier_b(self, **vals):
        return self.returned_dossier(
            officer=self.officer_b,
            specialist=self.specialist_b,
            leader=self.leader_b,
            unit_id=self.commune_b.id,
            **vals,
        )

    def ratings_of(self, dossier):
        return (
            self.env["rating.rating"].sudo().search([("res_model", "=", "motcua.dossier"), ("res_id", "=", dossier.id)])
        )
