from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # a printed petition shows the identity to whoever may see it: the print is logged
        if report.model == "motcua.complaint.petition" and docids:
            petitions = self.env["motcua.complaint.petition"].browse(docids).exists()
            petitions._log_identity_read("report", petitions._fields)
        return super()._get_rendering_context(report, docids, data)
