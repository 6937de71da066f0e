from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_base.tools import local_day_start, random_code

from .rating_rating import LEVELS, RATING_CHANNELS

# Written by the rating and the return only (``_motcua_rate``, ``action_return``), never over RPC.
RATING_FIELDS = {"rated", "satisfied", "returned_by_id", "rating_token", "rating_ids", "rating_last_value"}
RATEABLE_STATES = ("returned",)
FEEDBACK_MAX = 1000


class MotcuaDossier(models.Model):
    """The citizen's rating of the service a dossier got: one rating per dossier, through the
    first channel used (portal, link or QR code of the rating slip, SMS, kiosk at the desk), once
    the result is handed over. The rating is final."""

    _name = "motcua.dossier"
    _inherit = ["rating.mixin", "motcua.dossier"]

    # the comments are read by the unit's leaders and the province monitors only (record rules of
    # rating.rating); the one2many and the last comment follow, on every read and search path
    rating_ids = fields.One2many(groups="motcua_base.group_unit_leader", bypass_search_access=False)
    rating_last_feedback = fields.Text(groups="motcua_base.group_unit_leader")
    rated = fields.Boolean(
        compute="_compute_rated",
        store=True,
        index=True,
        help="The citizen rated the service (Decision 766: satisfaction indicators).",
    )
    satisfied = fields.Boolean(
        compute="_compute_rated",
        store=True,
        help="The citizen's rating is 'very satisfied' or 'satisfied'.",
    )
    returned_by_id = fields.Many2one("res.users", string="Returned by", readonly=True, copy=False)
    rating_token = fields.Char(readonly=True, copy=False, groups="base.group_system", index="btree_not_null")

    @api.depends("rating_ids.consumed", "rating_ids.rating")
    def _compute_rated(self):
        for dossier in self:
            rating = dossier.sudo().rating_ids.filtered("consumed")[:1]
            dossier.rated = bool(rating)
            dossier.satisfied = bool(rating) and rating.motcua_satisfied

    # ------------------------------------------------------------------ guards
    def _motcua_check_vals(self, vals):
        forged = sorted(set(vals) & RATING_FIELDS)
        if forged and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of a dossier change only when the citizen rates the service.",
                    fields=", ".join(self._fields[f]._description_string(self.env) for f in forged),
                )
            )
        return super()._motcua_check_vals(vals)

    def rating_apply(self, rate, token=None, rating=None, feedback=None, subtype_xmlid=None, notify_delay_send=False):
        """Odoo's generic rating route (``/rate/<token>``) does not rate dossiers: the rating pages
        of this addon do, with their rules (one rating, returned dossiers, channel)."""
        raise AccessError(self.env._("A dossier is rated through the rating pages of the one-stop desk only."))

    def message_post(self, **kwargs):
        if kwargs.get("rating_value") or kwargs.get("rating_id"):
            raise AccessError(self.env._("A dossier is rated through the rating pages of the one-stop desk only."))
        return super().message_post(**kwargs)

    def _message_update_content(self, message, /, *, body, rating_value=None, **kwargs):
        if rating_value is not None:
            raise AccessError(self.env._("A dossier is rated through the rating pages of the one-stop desk only."))
        return super()._message_update_content(message, body=body, **kwargs)

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        dossiers._motcua_ensure_rating_token()
        return dossiers

    @api.private
    def _motcua_ensure_rating_token(self):
        for dossier in self.sudo().filtered(lambda d: not d.rating_token):
            dossier.rating_token = random_code(24)

    # ------------------------------------------------------------------ workflow
    def action_return(self):
        result = super().action_return()
        if self.env.user._is_internal():
            self._motcua_workflow_write({"returned_by_id": self.env.user.id})
        return result

    def _motcua_rating_officer(self):
        """Whom the rating is about: the officer who handed the result over, else who received it."""
        self.ensure_one()
        return self.returned_by_id or self.received_by_id

    # ------------------------------------------------------------------ rating
    @api.model
    def _motcua_rating_levels(self):
        """{level: label} in the user's language, best first."""
        return dict(self.env["rating.rating"]._fields["motcua_level"]._description_selection(self.env))

    @api.private
    def _motcua_rate(self, channel, level, reason_ids=(), feedback=""):
        """Record the citizen's rating (called by the rating pages after their own check of who
        may rate: ownership, token, code and key). Returns the rating."""
        self.ensure_one()
        dossier = self.sudo()
        env = self.env
        channels = dict(RATING_CHANNELS)
        if channel not in channels:
            raise ValidationError(env._("Unknown rating channel."))
        if str(level) not in dict(LEVELS):
            raise ValidationError(env._("Choose very satisfied, satisfied or not satisfied."))
        previous = dossier.rating_ids.filtered("consumed")[:1]
        if previous:
            channel_labels = dict(self.env["rating.rating"]._fields["motcua_channel"]._description_selection(env))
            raise UserError(
                env._(
                    "Dossier %(code)s was already rated on %(date)s (%(channel)s): a dossier is rated once.",
                    code=dossier.name,
                    date=dossier._motcua_format_date(previous.create_date),
                    channel=channel_labels.get(previous.motcua_channel, ""),
                )
            )
        if dossier.state not in RATEABLE_STATES:
            raise UserError(env._("Dossier %(code)s can be rated once its result is handed over.", code=dossier.name))
        reasons = env["motcua.rating.reason"].sudo().browse([int(r) for r in reason_ids]).exists()
        rating = (
            env["rating.rating"]
            .sudo()
            .create(
                {
                    "res_model_id": env["ir.model"]._get_id(self._name),
                    "res_id": dossier.id,
                    "rating": float(level),
                    "feedback": (feedback or "").strip()[:FEEDBACK_MAX] or False,
                    "consumed": True,
                    "is_internal": True,
                    "motcua_channel": channel,
                    "motcua_officer_id": dossier._motcua_rating_officer().id,
                    "motcua_reason_ids": [(6, 0, reasons.filtered("active").ids)],
                }
            )
        )
        # the chatter is read by every handler: the channel only, no level and no comment
        dossier.message_post(
            body=env._("The citizen rated the service (%(channel)s).", channel=channels[channel]),
            subtype_xmlid="mail.mt_note",
        )
        return rating

    def _motcua_rating_url(self):
        """The tokenised rating link of the slip's QR code: for the staff who handle the dossier."""
        self.ensure_one()
        if self not in self._motcua_handled():
            raise AccessError(self.env._("Only the staff who handle the dossier print its rating slip."))
        self._motcua_ensure_rating_token()
        return f"{self.get_base_url()}/danh-gia/{self.sudo().rating_token}"

    def action_motcua_print_rating_slip(self):
        """The rating slip handed over with the result."""
        return self.env.ref("motcua_rating.action_report_rating_slip").report_action(self)

    def action_motcua_request_rating(self):
        """On request at the desk: send the applicant the rating link (e-mail) or the SMS keyword."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("request a rating"))
        for dossier in self:
            if dossier.state not in RATEABLE_STATES or dossier.rated:
                raise UserError(
                    self.env._(
                        "Dossier %(code)s cannot be rated now: only a returned dossier not rated yet.",
                        code=dossier.name,
                    )
                )
            dossier._motcua_send_rating_request()
        return True

    def _motcua_send_rating_request(self):
        self.ensure_one()
        dossier = self.sudo()
        if dossier.applicant_email:
            template = self.env.ref("motcua_rating.mail_template_rating_request")
            # sent without a copy in the chatter: the link is the citizen's
            template.with_context(lang=dossier._motcua_citizen_lang()).send_mail(dossier.id, force_send=False)
            dossier.message_post(body=self.env._("Rating request e-mailed to the applicant."))
        elif dossier.applicant_phone and dossier.channel != "online":
            citizen = dossier._motcua_citizen_env()
            text = dossier._motcua_sms(
                citizen._(
                    "Rate the service for dossier %(code)s: text DG %(code)s %(key)s 5, 3 or 1 "
                    "(very satisfied, satisfied, not satisfied)."
                ),
                code=dossier.name,
                key=dossier.lookup_key,
            )
            self.env["sms.sms"]._motcua_queue(dossier, dossier.applicant_phone, text)
        else:
            raise UserError(self.env._("The applicant left no e-mail or phone number to send the request to."))

    # ------------------------------------------------------------------ public figures
    @api.model
    def _motcua_satisfaction_by_unit(self, date_from, date_to):
        """{unit id: satisfaction rate in %} of the dossiers settled in the local days
        [date_from, date_to) and rated: satisfied / rated, read with the user's rights. One grouped
        read over the stored, indexed ``rated`` and ``satisfied``: no per-dossier work per request."""
        lo, hi = local_day_start(date_from), local_day_start(date_to)
        counts = {}
        for unit, satisfied, count in self._read_group(
            [("rated", "=", True), ("finished_at", ">=", lo), ("finished_at", "<", hi)],
            ["unit_id", "satisfied"],
            ["__count"],
        ):
            rated, happy = counts.get(unit.id, (0, 0))
            counts[unit.id] = (rated + count, happy + (count if satisfied else 0))
        return {unit_id: happy * 100.0 / rated for unit_id, (rated, happy) in counts.items()}
