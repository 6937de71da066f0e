from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MotcuaComplaintSchedule(models.Model):
    """A session of a leader receiving citizens, published on the website."""

    _name = "motcua.complaint.schedule"
    _description = "Citizen reception schedule"
    _inherit = ["motcua.unit.mixin", "motcua.monitor.readonly.mixin"]
    _order = "date_start"

    leader_id = fields.Many2one("res.users", required=True)
    leader_title = fields.Char(string="Title", help="e.g. Chairman of the People's Committee.")
    date_start = fields.Datetime(string="Start", required=True)
    date_end = fields.Datetime(string="End", required=True)
    location = fields.Char(required=True)
    note = fields.Text()
    is_published = fields.Boolean(string="Published on the website")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end <= session.date_start:
                raise ValidationError(self.env._("A reception session must end after it starts."))

    def _compute_display_name(self):
        for session in self:
            start = fields.Datetime.context_timestamp(session, session.date_start) if session.date_start else None
            session.display_name = "%s – %s" % (
                session.leader_id.name or "",
                start.strftime("%d/%m/%Y %H:%M") if start else "",
            )
