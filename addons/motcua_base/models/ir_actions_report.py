from odoo import models

from ..tools import amount_to_words_vi, qr_data_uri


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        """Give every QWeb report the MotCua helpers: ``motcua_amount_words(2025)`` and
        ``motcua_qr(url)`` (a data URI for ``<img t-att-src>``)."""
        values = super()._get_rendering_context(report, docids, data)
        values.setdefault("motcua_amount_words", amount_to_words_vi)
        values.setdefault("motcua_qr", qr_data_uri)
        return values
