import re

from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.motcua_base.tools import strip_diacritics
from odoo.addons.motcua_dossier.controllers.main import _citizen_env, _limited, _neutral
from odoo.addons.motcua_dossier.controllers.sms import MotcuaSmsInbound

# DG <dossier code> <lookup key> <5|3|1>
RATING_PATTERN = re.compile(r"^\s*DG\s+(\S+)\s+(\S+)\s+(\S+)\s*$", re.IGNORECASE)


class MotcuaRatingSms(MotcuaSmsInbound):
    """The SMS keyword DG rates a dossier: "DG <code> <key> 5" (5 very satisfied, 3 satisfied,
    1 not satisfied). The code and key are checked as for a lookup (same rate limit)."""

    def _sms_answer(self, text, sender, company):
        match = RATING_PATTERN.match(text)
        if not match:
            return super()._sms_answer(text, sender, company)
        env = _citizen_env(request.env)
        dossier, status = self._lookup(match.group(1), match.group(2), "sms", client=f"sms:{sender}")
        if status == "limited":
            return None, "limited", strip_diacritics(_limited(env))[:160]
        if not dossier:
            return None, "not_found", strip_diacritics(_neutral(env))[:160]
        try:
            dossier.with_env(env)._motcua_rate("sms", match.group(3))
        except (UserError, ValidationError) as exc:
            return dossier, "rating_refused", strip_diacritics(exc.args[0])[:160]
        reply = env._("Thank you: your rating of dossier %(code)s was recorded.", code=dossier.name)
        return dossier, "rated", strip_diacritics(reply)[:160]
