from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain


class MotcuaDossierFiguresMixin(models.AbstractModel):
    """Report rows over a SQL view that a user sees only within ``_motcua_scope``, on every read
    path (search, read_group, read, export): by default the rows of the dossiers they may read,
    as the dossier's record rules decide."""

    _name = "motcua.dossier.figures.mixin"
    _description = "Dossier figures within the user's scope"

    @api.model
    def _motcua_scope(self):
        return Domain("dossier_id", "in", self.env["motcua.dossier"]._search([]))

    def _motcua_scope_error(self):
        return self.env._("You may only see the figures of the dossiers of your units.")

    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su:
            domain = Domain(domain) & self._motcua_scope()
        return super()._search(domain, *args, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not self:
            return result
        forbidden = self - self.browse(self._search([("id", "in", self.ids)]))
        if forbidden:
            return forbidden, lambda: AccessError(self._motcua_scope_error())
        return None
