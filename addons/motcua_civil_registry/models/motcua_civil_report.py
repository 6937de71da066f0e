from odoo import api, models


class ReportCivilExtract(models.AbstractModel):
    """Extracts (trích lục) of registered entries only."""

    _name = "report.motcua_civil_registry.report_civil_extract"
    _description = "Civil-status extract"
    _document_kind = "extract"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["motcua.civil.event"].browse(docids)
        docs._civil_check_printable()
        return {
            "doc_ids": docids,
            "doc_model": "motcua.civil.event",
            "docs": docs,
            "document_kind": self._document_kind,
        }


class ReportCivilCertificate(models.AbstractModel):
    """Certificates (giấy khai sinh, giấy chứng nhận kết hôn, …) of registered entries only."""

    _name = "report.motcua_civil_registry.report_civil_certificate"
    _inherit = "report.motcua_civil_registry.report_civil_extract"
    _description = "Civil-status certificate"
    _document_kind = "certificate"
