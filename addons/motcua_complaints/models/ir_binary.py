from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record(self, xmlid=None, res_model="ir.attachment", res_id=None, access_token=None, field=None):
        record = super()._find_record(
            xmlid=xmlid, res_model=res_model, res_id=res_id, access_token=access_token, field=field
        )
        # /web/content of a document that reveals a denouncer: the download is logged
        if record._name == "ir.attachment" and record.sudo().res_model == "motcua.complaint.identity":
            self.env["motcua.complaint.identity"].browse(record.sudo().res_id).exists()._log_access(
                "download", record.sudo().name
            )
        return record
