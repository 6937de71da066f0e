from odoo import fields, models

OBLIGATION_KINDS = [
    ("tax", "Tax"),
    ("land_levy", "Land levy"),
    ("registration_fee", "Registration fee"),
    ("other", "Other financial obligation"),
]
OBLIGATION_STATES = [("waiting", "Waiting for payment"), ("paid", "Paid"), ("cancelled", "Cancelled")]


class MotcuaDossierObligation(models.Model):
    """A financial obligation (tax, land levy...) the applicant must settle before the dossier can
    go on: while it waits, the legal clock of the dossier is paused. Created and settled by the
    dossier's actions only."""

    _name = "motcua.dossier.obligation"
    _description = "Financial obligation of a dossier"
    _order = "requested_at desc, id desc"

    dossier_id = fields.Many2one("motcua.dossier", required=True, index=True, ondelete="cascade", readonly=True)
    unit_id = fields.Many2one(related="dossier_id.unit_id", string="Receiving unit")
    kind = fields.Selection(OBLIGATION_KINDS, required=True, readonly=True)
    notice = fields.Char(
        required=True, readonly=True, help="The notice the applicant received: its number, date and the authority."
    )
    amount = fields.Integer(string="Amount (VND)", required=True, readonly=True)
    state = fields.Selection(OBLIGATION_STATES, default="waiting", required=True, readonly=True, index=True)
    requested_at = fields.Datetime(readonly=True)
    requested_by_id = fields.Many2one("res.users", string="Recorded by", readonly=True)
    paid_at = fields.Datetime(readonly=True)
    transaction_ids = fields.One2many("payment.transaction", "motcua_obligation_id", string="Payments", readonly=True)

    _amount_positive = models.Constraint("CHECK(amount > 0)", "The amount of a financial obligation must be positive.")

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for obligation in self:
            obligation.display_name = f"{kinds.get(obligation.kind, '')} - {obligation.notice or ''}"
