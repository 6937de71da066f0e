from odoo import api, fields, models

# The levels of the rating of a dossier, on Odoo's 1/3/5 scale (rating_data): 5 very satisfied,
# 3 satisfied, 1 not satisfied. "Satisfied" for Decision 766 means >= SATISFIED_MIN.
LEVELS = [("5", "Very satisfied"), ("3", "Satisfied"), ("1", "Not satisfied")]
SATISFIED_MIN = 3
RATING_CHANNELS = [
    ("portal", "Portal"),
    ("link", "Link or QR code"),
    ("sms", "SMS"),
    ("kiosk", "Kiosk at the desk"),
]


class RatingRating(models.Model):
    """Odoo's rating, with what a rating of a dossier needs: its dossier, unit, procedure and
    officer (stored, for the figures and the record rules), the channel and the reasons.

    The ratings of dossiers carry no customer (``partner_id`` stays empty) and are named after
    the dossier's code only: they hold no personal data of the applicant."""

    _inherit = "rating.rating"

    motcua_dossier_id = fields.Many2one(
        "motcua.dossier",
        string="Dossier",
        compute="_compute_motcua_dossier_id",
        store=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    motcua_unit_id = fields.Many2one(
        "motcua.unit",
        string="Receiving unit",
        related="motcua_dossier_id.unit_id",
        store=True,
        index="btree_not_null",
    )
    motcua_procedure_id = fields.Many2one(
        "motcua.procedure", string="Procedure", related="motcua_dossier_id.procedure_id", store=True
    )
    motcua_field_id = fields.Many2one(
        "motcua.procedure.field", string="Procedure field", related="motcua_dossier_id.field_id", store=True
    )
    motcua_officer_id = fields.Many2one(
        "res.users",
        string="Officer",
        readonly=True,
        help="The officer who handed the result over (or received the dossier).",
    )
    motcua_channel = fields.Selection(RATING_CHANNELS, string="Channel", readonly=True)
    motcua_level = fields.Selection(LEVELS, string="Level", compute="_compute_motcua_level", store=True)
    motcua_satisfied = fields.Boolean(string="Satisfied", compute="_compute_motcua_level", store=True)
    motcua_reason_ids = fields.Many2many(
        "motcua.rating.reason",
        "motcua_rating_reason_rating_rel",
        "rating_id",
        "reason_id",
        string="Reasons",
        readonly=True,
    )

    # one rating per dossier, whatever the channel (and two channels at the same moment)
    _motcua_dossier_uniq = models.UniqueIndex(
        "(res_id) WHERE res_model = 'motcua.dossier' AND consumed IS TRUE",
        "This dossier was already rated.",
    )

    @api.depends("res_model", "res_id")
    def _compute_motcua_dossier_id(self):
        for rating in self:
            is_dossier = rating.res_model == "motcua.dossier" and rating.res_id
            rating.motcua_dossier_id = rating.res_id if is_dossier else False

    @api.depends("rating", "res_model")
    def _compute_motcua_level(self):
        for rating in self:
            is_dossier = rating.res_model == "motcua.dossier" and rating.rating
            rating.motcua_level = str(int(rating.rating)) if is_dossier else False
            rating.motcua_satisfied = bool(is_dossier) and rating.rating >= SATISFIED_MIN

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        """A dossier's rating is named after the code only, never the applicant."""
        dossier_ratings = self.filtered(lambda r: r.res_model == "motcua.dossier" and r.res_id)
        for rating in dossier_ratings:
            rating.res_name = self.env["motcua.dossier"].sudo().browse(rating.res_id).name
        return super(RatingRating, self - dossier_ratings)._compute_res_name()
