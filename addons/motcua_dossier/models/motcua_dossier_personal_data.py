from odoo import api, models
from odoo.exceptions import AccessError

from .motcua_dossier import MASK, PERSONAL_FIELDS


class MotcuaDossier(models.Model):
    """The applicant's personal data: stored in motcua.dossier.personal, behind the record rules of
    the handlers, shown through the dossier's ``applicant_*`` fields ("***" to the others, logged
    for the handlers), searched with the user's rights and never grouped by."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.depends("personal_id.id_number", "personal_id.phone", "personal_id.address", "personal_id.birth_date")
    @api.depends_context("uid")
    def _compute_personal(self):
        """The handlers (record rules of motcua.dossier.personal) see the data, logged; the others
        (e.g. a province monitor browsing every unit) see "***"."""
        allowed = self.personal_id._filtered_access("read")
        for dossier in self:
            personal = dossier.personal_id.sudo()
            visible = self.env.su or dossier.personal_id in allowed
            for fname, pname in PERSONAL_FIELDS.items():
                value = personal[pname]
                if not visible and value:
                    value = False if dossier._fields[fname].type == "date" else MASK
                dossier[fname] = value
        seen = self.filtered(lambda d: d.personal_id and d.personal_id in allowed)
        seen._motcua_log_access(PERSONAL_FIELDS)

    def _motcua_set_personal(self, fname):
        pname = PERSONAL_FIELDS[fname]
        for dossier in self:
            if dossier.personal_id:
                dossier.personal_id.sudo()[pname] = dossier[fname]
            else:
                dossier.sudo().personal_id = (
                    self.env["motcua.dossier.personal"].sudo().create({"dossier_id": dossier.id, pname: dossier[fname]})
                )

    def _inverse_applicant_id_number(self):
        self._motcua_set_personal("applicant_id_number")

    def _inverse_applicant_birth_date(self):
        self._motcua_set_personal("applicant_birth_date")

    def _inverse_applicant_phone(self):
        self._motcua_set_personal("applicant_phone")

    def _inverse_applicant_address(self):
        self._motcua_set_personal("applicant_address")

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Counting dossiers per ID number or phone would tell them: refused with a clear message
        (rather than Odoo's error about grouping on a computed field)."""
        specs = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)}
        if not self.env.su and specs & (set(PERSONAL_FIELDS) | {"personal_id"}):
            raise AccessError(self.env._("Dossiers cannot be grouped or counted by the applicant's personal data."))
        return super()._read_group(domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order)

    def _motcua_search_personal(self, fname, operator, value):
        # searched with the user's rights: no match in dossiers whose data they may not see
        personal = self.env["motcua.dossier.personal"]._search([(PERSONAL_FIELDS[fname], operator, value)])
        return [("personal_id", "in", personal)]

    def _search_applicant_id_number(self, operator, value):
        return self._motcua_search_personal("applicant_id_number", operator, value)

    def _search_applicant_birth_date(self, operator, value):
        return self._motcua_search_personal("applicant_birth_date", operator, value)

    def _search_applicant_phone(self, operator, value):
        return self._motcua_search_personal("applicant_phone", operator, value)

    def _search_applicant_address(self, operator, value):
        return self._motcua_search_personal("applicant_address", operator, value)
