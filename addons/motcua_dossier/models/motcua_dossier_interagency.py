import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A dossier code or an agency code received from another system: printable, no spaces.
FOREIGN_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_/]{2,63}$")
LATE_TIMELINESS = ("late", "overdue")


class MotcuaDossier(models.Model):
    """Inter-agency dossiers (liên thông): one dossier, one code, several agencies.

    Each agency's part is its steps (measured for that agency, ``motcua.dossier.step.statistics``);
    the dossier is counted once, at its receiving unit. ``late_unit_ids`` names the units whose step
    was late. A dossier received by an agency outside this system (another province's, Decree
    118/2025) and handled here keeps the origin's code (``action_receive_interagency``): the origin
    counts it, this system measures its own steps only.
    """

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    origin_agency_code = fields.Char(
        string="Origin agency code",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="Electronic identifier of the agency outside this system that received the dossier and "
        "gave its code: the dossier is counted in that agency's totals, not in ours.",
    )
    late_unit_ids = fields.Many2many(
        "motcua.unit",
        "motcua_dossier_late_unit_rel",
        "dossier_id",
        "unit_id",
        string="Late at",
        compute="_compute_late_unit_ids",
        store=True,
        readonly=True,
        copy=False,
        help="The units whose processing step was late (or is overdue).",
    )

    @api.depends("step_ids.timeliness", "step_ids.unit_id")
    def _compute_late_unit_ids(self):
        for dossier in self:
            dossier.late_unit_ids = dossier.step_ids.filtered(lambda s: s.timeliness in LATE_TIMELINESS).unit_id

    # ------------------------------------------------------------------ inbound (another agency's dossier)
    def _motcua_next_code(self, received_at):
        """An inbound inter-agency dossier keeps the code its origin gave it."""
        if self.origin_agency_code:
            return self.name
        return super()._motcua_next_code(received_at)

    @api.private
    def _motcua_check_foreign_codes(self, code, origin_agency_code):
        """The origin's dossier code and agency code, cleaned; a translated error when they cannot be."""
        code, origin = (code or "").strip(), (origin_agency_code or "").strip()
        if not FOREIGN_CODE.match(code):
            raise ValidationError(
                self.env._("Give the dossier code the origin agency issued (letters, digits, dots or dashes).")
            )
        if not FOREIGN_CODE.match(origin):
            raise ValidationError(self.env._("Give the electronic identifier code of the origin agency."))
        own = (
            self.env["motcua.unit"]
            .sudo()
            .search([("identifier_code", "=", origin), ("motcua_external", "=", False)], limit=1)
        )
        if own:
            raise ValidationError(
                self.env._(
                    "%(agency)s is the code of %(unit)s, a unit of this system: receive its dossiers normally.",
                    agency=origin,
                    unit=own.display_name,
                )
            )
        taken = self.sudo().search([("name", "=", code), ("state", "!=", "draft")], limit=1)
        if taken:
            raise ValidationError(self.env._("Another dossier already has the code %(code)s.", code=code))
        return code, origin

    def action_receive_interagency(self, code, origin_agency_code, due_at=None):
        """Receive a draft as an inbound inter-agency dossier: it was received by the agency
        ``origin_agency_code`` outside this system under the code ``code``, and is handled here.

        The dossier keeps that code (no new code is issued), is excluded from this system's
        receiving totals (the origin counts it) and its steps are measured for our units as usual.
        ``due_at`` is the appointment the origin gave (naive UTC); without it, the procedure's time
        from now. Usable from the partner API: the checks are those of a receipt at the desk."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("receive a dossier"))
        self._check_state(["draft"], self.env._("Receiving"))
        self.ensure_one()
        code, origin = self._motcua_check_foreign_codes(code, origin_agency_code)
        try:
            due = fields.Datetime.to_datetime(due_at) if due_at else False
        except (TypeError, ValueError):
            due = False
        if due_at and not due:
            raise ValidationError(self.env._("The appointment of the origin agency is not a date and time."))
        if due and due <= self._now():
            raise ValidationError(self.env._("The appointment of %(code)s cannot be before its receipt.", code=code))
        self._motcua_workflow_write({"name": code, "origin_agency_code": origin})
        self.action_receive()
        if due:
            self._motcua_workflow_write({"due_at": due, "original_due_at": due, "legal_due_at": due})
            self._motcua_update_timeliness()
        self.message_post(
            body=self.env._(
                "Inter-agency dossier received from the agency %(agency)s under its code %(code)s: counted by "
                "that agency, processed here.",
                agency=origin,
                code=code,
            )
        )
        return True

    # ------------------------------------------------------------------ public lookup
    def _motcua_public_data(self):
        """The units where the dossier was late: their names only, never the staff."""
        data = super()._motcua_public_data()
        data["late_units"] = self.sudo().late_unit_ids.mapped("name")
        return data

    # ------------------------------------------------------------------ demo
    @api.model
    def _motcua_load_demo_interagency(self):
        """Two inter-agency dossiers for the demo, replayed at past moments of the ward's working time
        (as ``_motcua_load_demo``): one received at the ward, transferred to the Department of Justice
        and late there, returned; one received by another province's agency and handled at the ward."""
        ref = self.env.ref
        if ref("motcua_dossier.dossier_demo_interagency", raise_if_not_found=False):
            return self.browse()
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        ward = ref("motcua_base.unit_long_an_ward")
        justice = ref("motcua_base.unit_tay_ninh_justice")
        officer = ref("motcua_base.user_receiving_officer")
        office = self.with_context(lang=officer.lang).with_user(officer).sudo()
        days = self._motcua_demo_working_days(ward, now)

        def at(days_ago, share):
            return {"motcua_now": min(self._motcua_demo_moment(days, days_ago, share), now), "motcua_no_notify": True}

        def new(name, id_number, procedure):
            dossier = office.create(
                {
                    "procedure_id": procedure.id,
                    "unit_id": ward.id,
                    "applicant_name": name,
                    "applicant_id_number": id_number,
                    "applicant_address": f"25 đường Nguyễn Huệ, {ward.name}",
                    "channel": "desk",
                    "request_summary": procedure.name,
                }
            )
            dossier.paper_ids.write({"received": True})
            return dossier

        transferred = new("Lý Thị Ngọc", "080193004321", ref("motcua_dossier.procedure_marital_status"))
        transferred.with_context(**at(12, 0.1)).action_receive()
        transferred.with_context(**at(12, 0.2)).action_start()
        transferred.with_context(**at(12, 0.3)).action_transfer(justice, "Xác minh thông tin hộ tịch tại Sở Tư pháp")
        for days_ago, share in ((7, 0.5), (7, 0.8), (6, 0.5)):  # late at the department, then the ward
            transferred.with_context(**at(days_ago, share)).action_handover()
        transferred.with_context(**at(5, 0.3)).action_return()

        inbound = new("Tạ Văn Phúc", "072088001122", ref("motcua_dossier.procedure_marital_status"))
        received = at(1, 0.1)
        origin_day = ward._motcua_local(received["motcua_now"]).strftime("%y%m%d")
        inbound.with_context(**received).action_receive_interagency(f"000.00.00.H29-{origin_day}-0042", "000.00.00.H29")
        inbound.with_context(**at(1, 0.2)).action_start()
        inbound.with_context(**at(1, 0.35)).action_handover()
        for dossier, name in ((transferred, "dossier_demo_interagency"), (inbound, "dossier_demo_interagency_inbound")):
            dossier._motcua_update_timeliness(now)
            self.env["ir.model.data"].sudo().create(
                {"module": "motcua_dossier", "name": name, "model": self._name, "res_id": dossier.id, "noupdate": True}
            )
        return transferred | inbound
