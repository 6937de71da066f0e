from odoo import api, fields, models


class ReportMotcuaHrStaffList(models.AbstractModel):
    """Staff list of a unit (and the units below it), as the printing user may see it."""

    _name = "report.motcua_hr.report_staff_list"
    _description = "Staff list of a unit"

    @api.model
    def _get_report_values(self, docids, data=None):
        units = self.env["motcua.unit"].browse(docids)
        staff = {}
        for unit in units:
            # the access rules of the printing user apply: an HR officer prints their units only
            staff[unit.id] = self.env["hr.employee"].search(
                [("motcua_unit_id", "child_of", unit.id)], order="motcua_unit_id, name"
            )
        paper_env = self.with_context(lang=self.env["ir.actions.report"]._motcua_paper_lang()).env
        categories = dict(self.env["hr.version"]._fields["motcua_category"]._description_selection(paper_env))
        return {
            "doc_ids": docids,
            "doc_model": "motcua.unit",
            "docs": units,
            "staff": staff,
            "categories": categories,
            "today": fields.Date.context_today(self),
        }
