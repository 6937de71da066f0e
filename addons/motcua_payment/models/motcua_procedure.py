from odoo import fields, models

REFUND_POLICIES = [
    ("never", "Never refunded"),
    ("before_processing", "Refunded if refused before the processing starts"),
    ("always", "Always refunded on refusal"),
]


class MotcuaProcedure(models.Model):
    """Whether the fees of a refused dossier go back to the applicant: rule data of the procedure
    (the fee-setting text says it), kept with the procedure's versions."""

    _inherit = "motcua.procedure"

    fee_refund_policy = fields.Selection(
        REFUND_POLICIES,
        string="Fees on refusal",
        default="before_processing",
        required=True,
        tracking=True,
        help="What happens to the paid fees and charges when the dossier is refused. The usual rule: a "
        "dossier refused before it is examined has its fees refunded; some procedures keep them once the "
        "examination was done (the fee pays for it).",
    )

    def _motcua_refunds_on_refusal(self, processing_started):
        self.ensure_one()
        if self.fee_refund_policy == "always":
            return True
        return self.fee_refund_policy == "before_processing" and not processing_started
