from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import days_label


class MotcuaComplaintExtension(models.Model):
    """An extension of the resolution time of a denunciation (once or twice, by up to 30 days)."""

    _name = "motcua.complaint.extension"
    _description = "Extension of the resolution time"
    _inherit = ["motcua.monitor.readonly.mixin"]
    _order = "id"

    petition_id = fields.Many2one("motcua.complaint.petition", required=True, index=True, ondelete="cascade")
    days = fields.Integer(required=True)
    reason = fields.Text(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="Decided by", default=lambda self: self.env.user, readonly=True)

    @api.constrains("days", "reason", "petition_id")
    def _check_extension(self):
        for extension in self:
            petition = extension.petition_id
            if petition.petition_type != "denunciation":
                raise ValidationError(self.env._("Only the resolution time of a denunciation can be extended."))
            if petition.state not in ("accepted", "verification"):
                raise ValidationError(self.env._("Only a petition being handled can be extended."))
            if not (extension.reason or "").strip():
                raise ValidationError(self.env._("Give the reason for the extension."))
            if extension.days <= 0 or extension.days > petition.extension_days_max:
                raise ValidationError(
                    self.env._("An extension lasts between 1 and %(days)s days.", days=petition.extension_days_max)
                )
            if len(petition.extension_ids) > petition.max_extensions:
                raise ValidationError(
                    self.env._(
                        "%(code)s can be extended at most %(count)s times.",
                        code=petition.code,
                        count=petition.max_extensions,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        extensions = super().create(vals_list)
        for extension in extensions:
            extension.petition_id.sudo().overdue_notified = False
            extension.petition_id.message_post(
                body=self.env._(
                    "Resolution time extended by %(duration)s: %(reason)s",
                    duration=days_label(self.env, extension.days),
                    reason=extension.reason,
                )
            )
        return extensions

    def write(self, vals):
        if not self.env.su:
            raise ValidationError(self.env._("An extension cannot be changed once decided."))
        return super().write(vals)
