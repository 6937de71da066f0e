from odoo import api, fields, models
from odoo.tools import consteq

from odoo.addons.motcua_base.tools import mask_name, strip_diacritics

from .motcua_dossier import MASK
from .motcua_dossier_states import OPEN_STATES, STATUS_DIGITS, public_states, public_timeliness


class MotcuaDossier(models.Model):
    """The public channel of a dossier: found by its code and printed key (lookup page, API, SMS,
    switchboard), what a citizen may see of it, its lookup URL, and a portal user's claim."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    @api.private
    def _motcua_public_find(self, code, key):
        """The dossier with this code whose second factor matches, else an empty recordset.

        The second factor is the lookup key printed on the receipt (6 characters of 32: a guesser
        cannot enumerate it under the rate limit). Digits of the applicant's phone are not accepted:
        codes are sequential and 4 digits are 10,000 tries. Callers must not tell a wrong code from a
        wrong key.
        """
        code = (code or "").strip()
        key = (key or "").strip().upper()
        empty = self.browse()
        if not code or not key or len(code) > 64 or len(key) > 16 or "\x00" in code + key:
            return empty
        # one query for the dossier and what its public answer shows (the code is unique among
        # received dossiers: no order needed, and none that would make the planner walk another index)
        dossier = self.sudo().search_fetch(
            [("name", "in", list({code, code.upper()})), ("state", "!=", "draft")],
            self._motcua_public_fields(),
            limit=1,
            order="id",
        )
        if not dossier:
            return empty
        if dossier.lookup_key and consteq(dossier.lookup_key.encode(), key.encode()):
            return dossier
        return empty

    @api.model
    @api.private
    def _motcua_public_fields(self):
        """The fields of the dossier that its public answer reads, fetched with the lookup."""
        return [
            "name",
            "lookup_key",
            "state",
            "procedure_id",
            "unit_id",
            "handling_unit_id",
            "applicant_name",
            "received_at",
            "due_at",
            "finished_at",
            "returned_at",
            "timeliness",
            "supplement_request",
        ]

    def _motcua_public_data(self):
        """What a citizen may see about the dossier: no ID number, phone or address."""
        self.ensure_one()
        dossier = self.sudo()

        timeliness_labels = public_timeliness(self.env)
        # the zone of the dossier's dates (``_local``), looked up once for all of them
        calendar = (dossier.handling_unit_id or dossier.unit_id).sudo()._get_calendar()

        def iso(moment):
            return calendar._motcua_localize(moment).isoformat() if moment else None

        # the steps in their order (that of ``step_ids``) with the fields shown, in one query;
        # the units they name read together with the dossier's
        all_steps = (
            self.env["motcua.dossier.step"]
            .sudo()
            .search_fetch(
                [("dossier_id", "=", dossier.id)],
                ["name", "unit_id", "state", "start_at", "deadline", "done_at", "timeliness"],
                order="sequence, id",
            )
        )
        (dossier.unit_id | dossier.handling_unit_id | all_steps.unit_id).fetch(["name"])
        current_step = all_steps.filtered(lambda s: s.state == "open")[:1]  # as _compute_current_step
        steps = [
            {
                "name": step.name,
                "unit": step.unit_id.name,
                "started_at": iso(step.start_at),
                "deadline": iso(step.deadline),
                "finished_at": iso(step.done_at),
                "timeliness": step.timeliness or None,
                "timeliness_label": timeliness_labels.get(step.timeliness, ""),
            }
            for step in all_steps.filtered(lambda s: s.state in ("open", "done")).sorted(
                lambda s: (s.start_at or fields.Datetime.now(), s.id)
            )
        ]
        return {
            "code": dossier.name,
            "procedure": dossier.procedure_id.name,
            "unit": dossier.unit_id.name,
            "handling_unit": (dossier.handling_unit_id or dossier.unit_id).name,
            "applicant": mask_name(dossier.applicant_name),
            "status": dossier.state,
            "status_label": public_states(self.env).get(dossier.state, ""),
            "status_code": STATUS_DIGITS.get(dossier.state, 0),
            "received_at": iso(dossier.received_at),
            "due_at": iso(dossier.due_at),
            "finished_at": iso(dossier.finished_at),
            "returned_at": iso(dossier.returned_at),
            "timeliness": dossier.timeliness or None,
            "timeliness_label": timeliness_labels.get(dossier.timeliness, ""),
            "current_step": current_step.name or None,
            "supplement_request": dossier.supplement_request if dossier.state == "supplement" else None,
            "steps": steps,
        }

    def _motcua_public_sentence(self, ascii_only=False, limit=None):
        """One short sentence about the dossier in the context language (SMS replies, switchboard)."""
        self.ensure_one()
        dossier = self.sudo()
        env = self.env
        state = public_states(env).get(dossier.state, "")
        parts = [env._("Dossier %(code)s: %(state)s.", code=dossier.name, state=state.lower())]
        if dossier.state == "supplement":
            parts.append(env._("Papers must be supplemented."))
        elif dossier.state in OPEN_STATES and dossier.due_at:
            parts.append(env._("Result due on %(date)s.", date=dossier._motcua_format_date(dossier.due_at)))
        elif dossier.state == "result_ready":
            parts.append(env._("Please come and collect the result."))
        text = " ".join(parts)
        if ascii_only:
            text = strip_diacritics(text)
        if limit and len(text) > limit:
            text = text[: limit - 1] + "…" if not ascii_only else text[: limit - 3] + "..."
        return text

    def _motcua_lookup_url(self):
        """The public lookup of this dossier; with its key for the system (e-mails, SMS) and for the
        staff who handle it (the receipt's QR code), without it for the other readers."""
        self.ensure_one()
        key = self.sudo().lookup_key if self in self._motcua_handled() else ""
        return f"{self.get_base_url()}/tra-cuu-ho-so?code={self.name}" + (f"&key={key}" if key else "")

    def _motcua_handled(self):
        """The dossiers of ``self`` that the current user handles: those of their units or that went
        to their units (as the record rule of motcua.dossier.personal says), all for the system and
        administrators."""
        if self.env.su or self.env.user.has_group("motcua_base.group_administrator"):
            return self
        units = self.env.user.motcua_unit_ids.ids
        if not units:
            return self.browse()
        return self.filtered_domain(["|", ("unit_id", "child_of", units), ("access_unit_ids", "child_of", units)])

    @api.depends_context("uid")
    def _compute_lookup_key_display(self):
        handled = self._motcua_handled()
        for dossier in self:
            key = dossier.sudo().lookup_key
            dossier.lookup_key_display = key if dossier in handled or not key else MASK

    @api.model
    @api.private
    def _motcua_claim(self, code, key, id_number=""):
        """The portal user proves with the code, the printed key and the applicant's ID number (or
        tax code; asked when the dossier has one) that the dossier is theirs: it joins their
        dossiers. The ID number is a factor that staff who can read the key (a province monitor
        sees every dossier) do not see. The dossier, or an empty recordset when a factor is wrong."""
        dossier = self._motcua_public_find(code, key)
        user = self.env.user
        if not dossier or not user._is_portal():
            return self.browse()
        dossier = dossier.sudo()
        expected = "".join((dossier.personal_id.id_number or "").split())
        given = "".join(str(id_number or "").split())[:32]
        if expected and not consteq(expected.encode(), given.encode()):
            return self.browse()
        if dossier.partner_id.user_ids and dossier.partner_id != user.partner_id:
            return self.browse()  # already in someone's account: a key seen later does not move it
        if dossier.partner_id != user.partner_id:
            old = dossier.partner_id
            dossier.partner_id = user.partner_id
            dossier.message_post(
                body=self.env._("Linked to the portal account of %(user)s with the printed lookup key.", user=user.name)
            )
            if old and not old.user_ids:
                dossier.message_unsubscribe(old.ids)
        return dossier
