from odoo import api, fields, models

BUCKET = "partner_api"  # rate-limit bucket of a partner: "partner_api:<id>", its limit per minute


class MotcuaApiPartner(models.Model):
    """A partner system (the province's data platform, the national portal, a bank) that calls the
    partner API with its keys, within its scopes and its rate limit."""

    _name = "motcua.api.partner"
    _description = "Partner system of the API"
    _order = "name"

    name = fields.Char(required=True)
    contact_name = fields.Char(string="Contact")
    contact_email = fields.Char(string="Contact e-mail")
    contact_phone = fields.Char(string="Contact phone")
    active = fields.Boolean(default=True, help="An archived partner's keys are refused.")
    scope_ids = fields.Many2many("motcua.api.scope", string="Scopes")
    rate_limit = fields.Integer(
        string="Requests per minute", default=60, required=True, help="Calls over this number in a minute get 429."
    )
    key_ids = fields.One2many("motcua.api.key", "partner_id", string="Keys", context={"active_test": False})
    call_ids = fields.One2many("motcua.api.call", "partner_id", string="Calls")
    call_count = fields.Integer(compute="_compute_call_count")
    note = fields.Text()

    _rate_limit_positive = models.Constraint(
        "CHECK(rate_limit > 0 AND rate_limit <= 100000)", "The rate limit must be between 1 and 100,000 per minute."
    )

    def _compute_call_count(self):
        counts = dict(
            self.env["motcua.api.call"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.call_count = counts.get(partner, 0)

    @api.private
    def _motcua_bucket(self):
        self.ensure_one()
        return f"{BUCKET}:{self.id}"

    @api.private
    def _motcua_has_scope(self, scope):
        self.ensure_one()
        return scope in self.sudo().scope_ids.mapped("code")

    def action_issue_key(self):
        """Issue a new key: its secret is shown once, in the dialog this returns; only its hash is kept."""
        self.ensure_one()
        self.check_access("write")
        secret = self.env["motcua.api.key"]._motcua_issue(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.api.key.show",
            "name": self.env._("API key issued"),
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_key": secret},
        }

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_partner_api.action_motcua_api_call")
        action["domain"] = [("partner_id", "=", self.id)]
        return action
