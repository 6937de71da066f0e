from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.motcua_base.tools import random_code

from .motcua_dossier_states import FINISHED_STATES, OPEN_STATES, timeliness_of
from .motcua_unit import DEFAULT_CODE_PATTERN


class MotcuaDossier(models.Model):
    """The state machine of a dossier: receipt, processing steps, supplements, result, return,
    refusal, withdrawal, transfer, apologies and appointment changes, and the timeliness they give."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ codes, deadlines, timeliness
    @api.model
    def _motcua_new_lookup_key(self):
        return random_code(6)

    def _motcua_next_code(self, received_at):
        self.ensure_one()
        id_unit = self.unit_id._motcua_identifier_unit()
        pattern = self.unit_id._motcua_setting("motcua_dossier_code_pattern", DEFAULT_CODE_PATTERN)
        local = self.unit_id._motcua_local(received_at)
        yymmdd = local.strftime("%y%m%d")
        seq = self.env["motcua.sequence.counter"].next_number("motcua.dossier", id_unit, yymmdd)
        identifier = id_unit.identifier_code or id_unit.code or str(id_unit.id)
        return pattern.format(identifier=identifier, yymmdd=yymmdd, yyyy=local.strftime("%Y"), seq=seq)

    def _motcua_compute_due(self, start):
        self.ensure_one()
        return self.unit_id.add_working_time(start, days=self.duration_days, hours=self.duration_hours)

    def _motcua_legal_due(self):
        """What timeliness is measured against: the legal due date of the procedure as received,
        moved by the supplement pauses only (a new appointment or an apology does not move it)."""
        self.ensure_one()
        return self.legal_due_at or self.original_due_at or self.due_at

    def _motcua_update_timeliness(self, now=None):
        now = now or self._now()
        for dossier in self:
            deadline = dossier._motcua_legal_due()
            if dossier.state in FINISHED_STATES:
                value = timeliness_of(dossier.finished_at, deadline, dossier._local)
            elif dossier.state in OPEN_STATES and deadline:
                # a paused clock (supplement, financial obligation) stops at the pause
                moment = dossier.paused_at or now
                value = "overdue" if moment > deadline else "within"
            else:
                value = False
            if dossier.timeliness != value:
                dossier._motcua_workflow_write({"timeliness": value})
            dossier.step_ids._motcua_update_timeliness(now)

    @api.model
    def _cron_refresh_timeliness(self, batch=5000):
        """Refresh the stored timeliness of open dossiers (within time -> overdue)."""
        now = fields.Datetime.now()
        overdue = self.search(
            [
                ("state", "in", ["received", "in_progress"]),
                ("legal_due_at", "<", now),
                ("timeliness", "!=", "overdue"),
            ],
            limit=batch,
        )
        overdue._motcua_update_timeliness(now)
        steps = self.env["motcua.dossier.step"].search(
            [
                ("state", "=", "open"),
                ("deadline", "<", now),
                ("timeliness", "!=", "overdue"),
                ("dossier_id.state", "=", "in_progress"),
            ],
            limit=batch,
        )
        steps._motcua_update_timeliness(now)
        return len(overdue)

    def _motcua_partner(self):
        """A contact of the applicant to write to: name and e-mail only (contacts are readable by
        every internal user; the phone and address stay in the dossier's personal data).

        Never an existing contact found by its e-mail: whoever registered that address first would
        see the dossier. Citizens link a desk dossier to their account with the printed key
        (``_motcua_claim``)."""
        self.ensure_one()
        return (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": self.applicant_name,
                    "email": self.applicant_email or False,
                    "is_company": self.applicant_type == "organisation",
                }
            )
        )

    # ------------------------------------------------------------------ intake
    def action_receive(self):
        """Receive the dossier at the desk: code, lookup key, clock start and appointment."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("receive a dossier"))
        self._check_state(["draft"], self.env._("Receiving"))
        for dossier in self:
            dossier.unit_id._ensure_usable()
            missing = dossier.paper_ids.filtered(lambda p: p.mandatory and not p.received)
            if missing and not (dossier.missing_papers_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Mandatory papers are missing: %(papers)s. Tick them as received or record why the dossier "
                        "is received without them.",
                        papers=", ".join(missing.mapped("name")),
                    )
                )
            if not dossier.applicant_phone and not dossier.applicant_email and dossier.channel != "desk":
                raise ValidationError(self.env._("Give a phone number or an e-mail to reach the applicant."))
            now = dossier._now()
            procedure = dossier.procedure_id
            start = dossier.unit_id._motcua_effective_start(now)
            dossier._motcua_workflow_write(
                {
                    "duration_days": procedure.duration_days,
                    "duration_hours": procedure.duration_hours,
                }
            )
            due = dossier._motcua_compute_due(start)
            vals = {
                "name": dossier._motcua_next_code(now),
                "lookup_key": dossier._motcua_new_lookup_key(),
                "received_at": now,
                "received_by_id": self.env.user.id if self.env.user._is_internal() else False,
                "start_at": start,
                "due_at": due,
                "original_due_at": due,
                "legal_due_at": due,
                "handling_unit_id": dossier.unit_id.id,
                "access_unit_ids": [(4, dossier.unit_id.id)],
            }
            if not dossier.partner_id:
                vals["partner_id"] = dossier._motcua_partner().id
            dossier._motcua_set_state("received", vals)
            dossier._motcua_update_timeliness(now)
            if missing:
                dossier.message_post(
                    body=self.env._(
                        "Received without the mandatory papers %(papers)s: %(reason)s",
                        papers=", ".join(missing.mapped("name")),
                        reason=dossier.missing_papers_reason,
                    )
                )
            dossier._motcua_notify_receipt(
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._(
                        "Dossier %(code)s was received. Result due: %(due)s. Lookup key: %(key)s"
                    ),
                    code=dossier.name,
                    due=dossier._motcua_format_dt(dossier.due_at),
                    key=dossier.sudo().lookup_key,
                ),
            )
        return True

    def action_print_receipt(self):
        self._check_state(list(OPEN_STATES) + list(FINISHED_STATES), self.env._("Printing the receipt"))
        for dossier in self:
            dossier._motcua_workflow_write({"receipt_print_count": dossier.receipt_print_count + 1})
        return self.env.ref("motcua_dossier.action_report_dossier_receipt").report_action(self)

    def _motcua_change_due(self, new_due, reason, apology=False):
        """Give the applicant a new appointment, recorded with who and why. The legal due date,
        which timeliness is measured against, does not move."""
        self.ensure_one()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason for the new appointment."))
        new_due = fields.Datetime.to_datetime(new_due)
        if not new_due or new_due <= self.received_at:
            raise ValidationError(
                self.env._("The appointment of %(code)s cannot be before its receipt.", code=self.name)
            )
        old = self.due_at
        self._motcua_workflow_write({"due_at": new_due})
        self.env["motcua.dossier.due.change"].sudo().create(
            {
                "dossier_id": self.id,
                "user_id": self.env.uid,
                "changed_at": self._now(),
                "old_due_at": old,
                "new_due_at": new_due,
                "reason": reason,
                "kind": "apology" if apology else "change",
            }
        )
        self.message_post(
            body=self.env._(
                "Appointment changed from %(old)s to %(new)s. Reason: %(reason)s",
                old=self._motcua_format_dt(old),
                new=self._motcua_format_dt(new_due),
                reason=reason,
            )
        )
        self._motcua_update_timeliness()
        return old

    def action_change_due(self, new_due, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("change the appointment"))
        self._check_state(OPEN_STATES, self.env._("Changing the appointment"))
        for dossier in self:
            dossier._motcua_change_due(new_due, reason)
        return True

    # ------------------------------------------------------------------ processing
    def action_start(self):
        """Hand the received dossier over to processing: create its steps and start the first."""
        self._check_group("motcua_base.group_specialist", self.env._("start processing"))
        self._check_state(["received"], self.env._("Starting the processing"))
        Step = self.env["motcua.dossier.step"]
        for dossier in self:
            now = dossier._now()
            templates = dossier.procedure_id.step_ids
            vals_list = [
                {
                    "dossier_id": dossier.id,
                    "sequence": tpl.sequence,
                    "name": tpl.name,
                    "unit_id": (tpl.unit_id or dossier.unit_id).id,
                    "role": tpl.role,
                    "share": tpl.share,
                }
                for tpl in templates
            ] or [
                {
                    "dossier_id": dossier.id,
                    "sequence": 10,
                    "name": self.env._("Processing"),
                    "unit_id": dossier.unit_id.id,
                    "role": "specialist",
                    "share": 100.0,
                }
            ]
            steps = Step.sudo().create(vals_list)
            dossier._motcua_set_state("in_progress")
            steps[0]._motcua_open(now, dossier.unit_id)
            steps[0]._motcua_notify_handlers()
        return True

    def action_handover(self, note=False):
        """Finish the current step and hand the dossier over to the next (or mark the result ready).

        Only a user of the step's role in the step's unit completes it; the handlers of the next
        step get an activity."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("hand a dossier over"))
        self._check_state(["in_progress"], self.env._("Handing over"))
        for dossier in self:
            now = dossier._now()
            step = dossier.current_step_id
            if not step:
                raise UserError(self.env._("The dossier %(code)s has no open step.", code=dossier.name))
            step._motcua_check_handler()
            step._motcua_close(now, note)
            following = dossier.step_ids.filtered(lambda s: s.state == "todo").sorted("sequence")[:1]
            if following:
                following._motcua_open(now, step.unit_id)
                dossier._motcua_workflow_write(
                    {"handling_unit_id": following.unit_id.id, "access_unit_ids": [(4, following.unit_id.id)]}
                )
                following._motcua_notify_handlers()
            else:
                dossier._motcua_result_ready(now)
        return True

    def _motcua_result_ready(self, now):
        for dossier in self:
            dossier._motcua_set_state(
                "result_ready", {"result_ready_at": now, "finished_at": now, "handling_unit_id": dossier.unit_id.id}
            )
            dossier._motcua_update_timeliness(now)
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_result_ready",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Dossier %(code)s has a result. Please come and collect it."),
                    code=dossier.name,
                ),
            )

    def action_return(self):
        """The result is handed to the applicant."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("return a result"))
        self._check_state(["result_ready"], self.env._("Returning the result"))
        for dossier in self:
            now = dossier._now()
            dossier._motcua_set_state("returned", {"returned_at": now, "closed_at": now})
        return True

    def action_request_supplement(self, request, contact=False):
        """Ask the applicant for missing papers: the clock stops until they resubmit."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("request a supplement"))
        self._check_state(["received", "in_progress"], self.env._("Requesting a supplement"))
        if not (request or "").strip():
            raise ValidationError(self.env._("Say what is missing and why."))
        for dossier in self:
            now = dossier._now()
            dossier._motcua_set_state(
                "supplement",
                {
                    "state_before_pause": dossier.state,
                    "paused_at": now,
                    "supplement_request": request,
                    "supplement_contact": contact or False,
                    "supplement_count": dossier.supplement_count + 1,
                },
            )
            dossier._motcua_update_timeliness(now)
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_supplement",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Dossier %(code)s must be supplemented: %(request)s"),
                    code=dossier.name,
                    request=request,
                ),
            )
        return True

    def action_resubmit(self):
        """The applicant brought the missing papers: the clock runs again and the deadlines move."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("record a resubmission"))
        self._check_state(["supplement"], self.env._("Resubmitting"))
        for dossier in self:
            now = dossier._now()
            vals, paused = dossier._motcua_resume_vals(now)
            vals["state_before_pause"] = False
            dossier._motcua_set_state(dossier.state_before_pause or "received", vals)
            dossier.message_post(
                body=self.env._(
                    "The applicant completed the dossier; the clock was paused for %(hours)s working hours.",
                    hours=round(paused, 2),
                )
            )
            dossier._motcua_update_timeliness(now)
        return True

    def _motcua_resume_vals(self, now):
        """End the lawful pause that started at ``paused_at`` (a supplement, a financial obligation):
        the paused working time moves the appointment, the legal due date and the open step's
        deadline. Returns the dossier's values to write and the paused working hours."""
        self.ensure_one()
        unit = self.handling_unit_id or self.unit_id
        paused = max(unit.working_time_between(self.paused_at, now), 0.0) if self.paused_at else 0.0
        vals = {"paused_at": False, "paused_hours": self.paused_hours + paused}
        if paused:
            # a lawful pause: the appointment and the legal due date both move
            vals["due_at"] = self.unit_id.add_working_time(self.due_at, hours=paused)
            vals["legal_due_at"] = self.unit_id.add_working_time(self._motcua_legal_due(), hours=paused)
            step = self.current_step_id
            if step and step.deadline:
                step.sudo().deadline = step.unit_id.add_working_time(step.deadline, hours=paused)
        return vals, paused

    def action_refuse(self, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("refuse a dossier"))
        self._check_state(["draft", "received", "in_progress", "supplement"], self.env._("Refusing"))
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the refusal."))
        for dossier in self:
            now = dossier._now()
            if dossier.state == "draft":
                dossier._motcua_workflow_write(
                    {
                        "name": dossier._motcua_next_code(now),
                        "lookup_key": dossier._motcua_new_lookup_key(),
                        "received_at": now,
                        "received_by_id": self.env.user.id,
                        "handling_unit_id": dossier.unit_id.id,
                    }
                )
            dossier.step_ids.filtered(lambda s: s.state in ("open", "todo")).sudo().write({"state": "cancelled"})
            dossier._motcua_set_state("refused", {"refusal_reason": reason, "closed_at": now, "paused_at": False})
            dossier._motcua_update_timeliness(now)
        return True

    def action_withdraw(self, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("withdraw a dossier"))
        self._check_state(OPEN_STATES, self.env._("Withdrawing"))
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the withdrawal."))
        for dossier in self:
            now = dossier._now()
            dossier.step_ids.filtered(lambda s: s.state in ("open", "todo")).sudo().write({"state": "cancelled"})
            dossier._motcua_set_state("withdrawn", {"withdraw_reason": reason, "closed_at": now, "paused_at": False})
            dossier._motcua_update_timeliness(now)
        return True

    def action_transfer(self, unit, reason):
        """Transfer the dossier to another unit; the history stays, the unit can now see it."""
        self._check_group("motcua_base.group_specialist", self.env._("transfer a dossier"))
        self._check_state(["received", "in_progress"], self.env._("Transferring"))
        if not unit:
            raise ValidationError(self.env._("Choose the unit to transfer the dossier to."))
        unit._ensure_usable()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the transfer."))
        Step = self.env["motcua.dossier.step"]
        for dossier in self:
            if unit == dossier.handling_unit_id:
                raise ValidationError(self.env._("The dossier is already handled by %(unit)s.", unit=unit.display_name))
            now = dossier._now()
            source = dossier.handling_unit_id or dossier.unit_id
            if dossier.state == "received":
                dossier.action_start()
            step = dossier.current_step_id
            step._motcua_check_handler()  # a transfer closes the step: only its handler may
            remaining = 0.0
            if step and step.deadline:
                remaining = max(source.working_time_between(now, step.deadline), 0.0)
            if step:
                step._motcua_close(
                    now, self.env._("Transferred to %(unit)s: %(reason)s", unit=unit.display_name, reason=reason)
                )
            new_step = Step.sudo().create(
                {
                    "dossier_id": dossier.id,
                    "sequence": (step.sequence if step else 10) + 1,
                    "name": self.env._("Transferred: %(reason)s", reason=reason),
                    "unit_id": unit.id,
                    "role": "specialist",
                    "share": step.share if step else 100.0,
                    "is_transfer": True,
                }
            )
            new_step._motcua_open(now, source, hours=remaining or None)
            dossier._motcua_workflow_write({"handling_unit_id": unit.id, "access_unit_ids": [(4, unit.id)]})
            new_step._motcua_notify_handlers()
            dossier.message_post(
                body=self.env._(
                    "Transferred from %(origin)s to %(unit)s. Reason: %(reason)s",
                    origin=source.display_name,
                    unit=unit.display_name,
                    reason=reason,
                )
            )
        return True

    def action_apologize(self, reason, new_due):
        """Late dossier: record the reason and the new appointment, notify the applicant."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("issue an apology"))
        self._check_state(["received", "in_progress"], self.env._("Issuing an apology"))
        for dossier in self:
            now = dossier._now()
            if now >= dossier.due_at:
                raise UserError(
                    self.env._(
                        "The appointment of %(code)s has passed: an apology must be issued before the deadline.",
                        code=dossier.name,
                    )
                )
            limit = dossier.unit_id._motcua_setting("motcua_apology_limit", 1)
            if len(dossier.apology_ids) >= limit:
                raise UserError(
                    self.env._(
                        "The dossier %(code)s already had %(count)s apology(ies), the most allowed by its unit.",
                        code=dossier.name,
                        count=len(dossier.apology_ids),
                    )
                )
            new_due = fields.Datetime.to_datetime(new_due)
            if not new_due or new_due <= dossier.due_at:
                raise ValidationError(self.env._("The new appointment must come after the current one."))
            old = dossier._motcua_change_due(new_due, reason, apology=True)
            self.env["motcua.dossier.apology"].sudo().create(
                {
                    "dossier_id": dossier.id,
                    "reason": reason,
                    "old_due_at": old,
                    "new_due_at": new_due,
                    "issued_at": now,
                    "unit_id": (dossier.handling_unit_id or dossier.unit_id).id,
                }
            )
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_apology",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Apologies: dossier %(code)s is late. New appointment: %(due)s"),
                    code=dossier.name,
                    due=dossier._motcua_format_dt(new_due),
                ),
            )
        return True

    # ------------------------------------------------------------------ wizards
    def _open_wizard(self, action):
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.dossier.action.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, "default_action": action},
        }

    def action_open_supplement(self):
        return self._open_wizard("supplement")

    def action_open_refuse(self):
        return self._open_wizard("refuse")

    def action_open_withdraw(self):
        return self._open_wizard("withdraw")

    def action_open_transfer(self):
        return self._open_wizard("transfer")

    def action_open_apology(self):
        return self._open_wizard("apology")

    def action_open_change_due(self):
        return self._open_wizard("change_due")

    def action_open_handover(self):
        return self._open_wizard("handover")
