import hashlib
import hmac
import re
import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

KEY_RE = re.compile(r"^mcp_([0-9a-f]{10})_([A-Za-z0-9_-]{43})$")
BEARER_RE = re.compile(r"^Bearer\s+(\S{1,128})$", re.IGNORECASE)
# fields only the system writes: the secret's hash, its visible prefix, the workflow dates
SYSTEM_FIELDS = {"partner_id", "prefix", "key_hash", "revoked_at", "last_used_at", "active"}


def _digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class MotcuaApiKey(models.Model):
    """A key of a partner system. The secret (``mcp_<prefix>_<random>``) is shown once when the key
    is issued; only its SHA-256 hash is stored, readable by nobody but the system group and shown in
    no view. A revoked key stays revoked (it is archived and dated)."""

    _name = "motcua.api.key"
    _description = "Partner API key"
    _order = "id desc"

    partner_id = fields.Many2one("motcua.api.partner", required=True, readonly=True, index=True, ondelete="cascade")
    name = fields.Char(required=True, default=lambda self: self.env._("Key"))
    prefix = fields.Char(required=True, readonly=True, index=True, help="The visible start of the key.")
    key_hash = fields.Char(required=True, readonly=True, copy=False, groups="base.group_system")
    active = fields.Boolean(default=True, readonly=True)
    revoked_at = fields.Datetime(string="Revoked on", readonly=True, copy=False)
    last_used_at = fields.Datetime(string="Last used", readonly=True, copy=False)

    _prefix_uniq = models.Constraint("UNIQUE(prefix)", "A key prefix must be unique.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Keys are issued with the button Issue a key of the partner."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and SYSTEM_FIELDS & set(vals):
            raise UserError(
                self.env._("A key's secret, partner and dates cannot be changed: revoke it and issue another.")
            )
        return super().write(vals)

    @api.model
    @api.private
    def _motcua_issue(self, partner):
        """Create a key of ``partner``; returns its secret, which is not stored."""
        prefix = secrets.token_hex(5)
        secret = f"mcp_{prefix}_{secrets.token_urlsafe(32)}"
        self.sudo().create({"partner_id": partner.id, "prefix": prefix, "key_hash": _digest(secret)})
        return secret

    def action_revoke(self):
        self.check_access("write")
        self.sudo().filtered("active").write({"active": False, "revoked_at": fields.Datetime.now()})

    @api.model
    @api.private
    def _motcua_authenticate(self, authorization):
        """The active key of an active partner that ``authorization`` (an ``Authorization``
        header, ``Bearer <key>``) carries, else an empty recordset. Its last use is dated."""
        match = BEARER_RE.match((authorization or "").strip())
        parts = KEY_RE.match(match.group(1)) if match else None
        if not parts:
            return self.browse()
        key = self.sudo().search([("prefix", "=", parts.group(1)), ("revoked_at", "=", False)], limit=1)
        if not key or not key.partner_id.active or not hmac.compare_digest(key.key_hash, _digest(match.group(1))):
            return self.browse()
        self.env.cr.execute(
            "UPDATE motcua_api_key SET last_used_at = now() AT TIME ZONE 'UTC' WHERE id = %s"
            " AND (last_used_at IS NULL OR last_used_at < now() AT TIME ZONE 'UTC' - interval '1 minute')",
            (key.id,),
        )
        key.invalidate_recordset(["last_used_at"])
        return key


class MotcuaApiKeyShow(models.AbstractModel):
    """The dialog that shows a new key's secret once (as Odoo's res.users.apikeys.show): nothing
    of it is stored."""

    _name = "motcua.api.key.show"
    _description = "Show a new partner API key"

    # the field 'id' is necessary for the onchange that returns the value of 'key'
    id = fields.Id()
    key = fields.Char(readonly=True)
