from odoo import models


class MotcuaDossier(models.Model):
    """A dossier received or settled changes the published figures: ask for their refresh once per
    transaction, before it commits (``motcua.public.figures``)."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    def _motcua_write_state(self, vals):
        result = super()._motcua_write_state(vals)
        precommit = self.env.cr.precommit
        if not precommit.data.get("motcua_public_figures"):
            precommit.data["motcua_public_figures"] = True
            precommit.add(self.env["motcua.public.figures"]._motcua_request_refresh)
        return result
