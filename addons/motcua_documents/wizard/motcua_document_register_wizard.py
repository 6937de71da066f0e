import csv
import io
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import local_day_start


class MotcuaDocumentRegisterWizard(models.TransientModel):
    """Print or export the incoming or outgoing register of a unit for a period."""

    _name = "motcua.document.register.wizard"
    _description = "Document register"

    register = fields.Selection(
        [("incoming", "Incoming register"), ("outgoing", "Outgoing register")], default="incoming", required=True
    )
    unit_id = fields.Many2one("motcua.unit", required=True, default=lambda self: self.env.user.motcua_default_unit_id)
    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(month=1, day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The period must start before it ends."))

    def _bounds(self):
        """The period's local days as naive UTC bounds [start, end)."""
        return local_day_start(self.date_from), local_day_start(self.date_to + timedelta(days=1))

    def _get_documents(self):
        self.ensure_one()
        start, end = self._bounds()
        if self.register == "incoming":
            return self.env["motcua.incoming.document"].search(
                [
                    ("unit_id", "=", self.unit_id.id),
                    ("incoming_number", "!=", False),
                    ("register_date", ">=", start),
                    ("register_date", "<", end),
                ],
                order="register_year, secret_series, incoming_number",
            )
        return self.env["motcua.outgoing.document"].search(
            [
                ("unit_id", "=", self.unit_id.id),
                ("number", "!=", False),
                ("issue_date", ">=", start),
                ("issue_date", "<", end),
            ],
            order="register_year, secret_series, number",
        )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("motcua_documents.action_report_document_register").report_action(self)

    def _csv_rows(self):
        docs = self._get_documents()
        if self.register == "incoming":
            header = [
                self.env._("Date received"),
                self.env._("Incoming number"),
                self.env._("Sender"),
                self.env._("Number and symbol"),
                self.env._("Document date"),
                self.env._("Document type"),
                self.env._("Summary"),
                self.env._("Lead handler"),
                self.env._("Deadline"),
                self.env._("Status"),
            ]
            states = dict(docs._fields["state"]._description_selection(self.env))
            rows = [
                [
                    fields.Datetime.to_string(d.date_received),
                    d.name,
                    d.sender_id.name or "",
                    d.reference or "",
                    fields.Date.to_string(d.document_date) or "",
                    d.type_id.name or "",
                    d.summary if not d.secrecy_level else "***",
                    d.lead_user_id.name or d.lead_unit_id.complete_name or "",
                    fields.Datetime.to_string(d.deadline) or "",
                    states[d.state],
                ]
                for d in docs
            ]
        else:
            header = [
                self.env._("Issue date"),
                self.env._("Number and symbol"),
                self.env._("Document type"),
                self.env._("Summary"),
                self.env._("Signer"),
                self.env._("Recipients"),
            ]
            rows = [
                [
                    fields.Datetime.to_string(d.issue_date),
                    d.name,
                    d.type_id.name or "",
                    d.summary if not d.secrecy_level else "***",
                    d.signer_id.name or "",
                    "; ".join(d.recipient_ids.mapped("display_name")),
                ]
                for d in docs
            ]
        return header, rows

    def action_export(self):
        self.ensure_one()
        header, rows = self._csv_rows()
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        writer.writerows(rows)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "%s-%s-%s-%s.csv"
                % (self.register, self.unit_id.abbreviation or self.unit_id.id, self.date_from, self.date_to),
                "raw": buf.getvalue().encode("utf-8-sig"),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {"type": "ir.actions.act_url", "url": "/web/content/%s?download=true" % attachment.id, "target": "self"}
