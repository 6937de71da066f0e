from odoo import api, fields, models

from odoo.addons.motcua_base.tools import normalize_vn_phone, validate_citizen_id


class MotcuaDossierPersonal(models.Model):
    """The personal data of a dossier's applicant, behind the record rules of its handlers
    (staff of the units the dossier belongs or went to, the citizen who owns it).

    The dossier's ``applicant_*`` fields read them with the user's rights, so that every read path
    (read, search, grouping, export, reports, mail templates) shows "***" to the others; nobody
    reads this model directly but the administrators.
    """

    _name = "motcua.dossier.personal"
    _description = "Personal data of an applicant"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    id_number = fields.Char(string="ID number", index="btree_not_null")
    phone = fields.Char()
    address = fields.Char()
    birth_date = fields.Date(string="Date of birth")

    _dossier_uniq = models.UniqueIndex("(dossier_id)", "A dossier has one set of personal data.")

    @api.constrains("id_number", "birth_date", "phone")
    def _check_id_number(self):
        for personal in self:
            if personal.dossier_id.applicant_type == "citizen" and personal.id_number:
                validate_citizen_id(self.env, personal.id_number, birth_date=personal.birth_date or None)
            if personal.phone:
                normalize_vn_phone(self.env, personal.phone)

    @api.depends("dossier_id")
    def _compute_display_name(self):
        for personal in self:
            personal.display_name = personal.dossier_id.sudo().name or ""
