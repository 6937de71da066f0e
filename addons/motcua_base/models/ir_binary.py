from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record(self, xmlid=None, res_model="ir.attachment", res_id=None, access_token=None, field=None):
        """A download (``/web/content``, ``/web/image``) of protected data is logged like a read:
        a binary field of a record with an access log, or a file attached to such a record."""
        record = super()._find_record(
            xmlid=xmlid, res_model=res_model, res_id=res_id, access_token=access_token, field=field
        )
        if self.env.su:
            return record
        Mixin = self.pool["motcua.access.log.mixin"]
        if isinstance(record, Mixin):
            record._motcua_log_read([field or "raw"], "download")
        elif record._name == "ir.attachment":
            attachment = record.sudo()
            if attachment.res_model in self.env and isinstance(self.env[attachment.res_model], Mixin):
                owner = self.env[attachment.res_model].browse(attachment.res_id).exists()
                owner._motcua_log_read([attachment.res_field or "attachment_ids"], "download")
        return record
