from odoo import api, models

from ..tools import VN_TZ, amount_to_words_vi, qr_data_uri


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        """Give every QWeb report the MotCua helpers: ``motcua_amount_words(2025)``,
        ``motcua_qr(url)`` (a data URI for ``<img t-att-src>``) and ``motcua_lang``, the language
        of official papers (see ``motcua_base.report_article``)."""
        if docids and report.model in self.env:
            records = self.env[report.model].browse(docids)
            if isinstance(records, self.pool["motcua.access.log.mixin"]) and not self.env.su:
                # a printed paper hands its data to whoever prints it: logged like a read
                records.exists()._motcua_log_read(list(records._fields), "report")
        values = super()._get_rendering_context(report, docids, data)
        values.setdefault("motcua_amount_words", amount_to_words_vi)
        values.setdefault("motcua_qr", qr_data_uri)
        values.setdefault("motcua_lang", self._motcua_paper_lang())
        return values

    @api.model
    def _motcua_paper_lang(self):
        """Official papers are Vietnamese (Circular 01/2018/TT-VPCP, Decree 30/2020/NĐ-CP) whatever
        the language of the person printing them, once Vietnamese is installed."""
        return "vi_VN" if self.env["res.lang"]._get_data(code="vi_VN") else self.env.lang

    def _render_template(self, template, values=None):
        """MotCua papers show dates and times in Viet Nam time, whatever the printing user's zone."""
        report = self.with_context(tz=VN_TZ) if template.startswith("motcua_") else self
        return super(IrActionsReport, report)._render_template(template, values)
