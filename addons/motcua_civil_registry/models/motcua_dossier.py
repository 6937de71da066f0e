from odoo import fields, models
from odoo.exceptions import ValidationError

from .res_partner import CIVIL_GROUPS


class MotcuaDossier(models.Model):
    """Civil-status procedures received at the one-stop desk: the dossier carries the
    declaration; approving the dossier registers it and returns the extract as result paper."""

    _inherit = "motcua.dossier"

    civil_event_type = fields.Selection(related="procedure_id.civil_event_type")
    civil_event_id = fields.Many2one(
        "motcua.civil.event",
        "Civil-status declaration",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups=CIVIL_GROUPS,
    )

    def _civil_declaration_values(self):
        """A declaration prefilled from the dossier: the applicant declares (and is the person
        of a marital-status confirmation)."""
        self.ensure_one()
        values = {
            "event_type": self.procedure_id.civil_event_type,
            "unit_id": self.unit_id.id,
            "dossier_id": self.id,
            "declarant_name": self.applicant_name,
            "declarant_id_number": self.applicant_id_number or False,
        }
        if self.procedure_id.civil_event_type == "marital_status":
            person = self.env["res.partner"]._civil_find_person(
                self.applicant_id_number, self.applicant_name, self.applicant_birth_date
            )
            values.update(
                {
                    "marital_status": "married" if person.civil_spouse_id else "single",
                    "person_name": self.applicant_name,
                    "person_id_number": self.applicant_id_number or False,
                    "person_birth_date": self.applicant_birth_date,
                    "person_residence": self.applicant_address or False,
                    "purpose": self.request_summary or False,
                }
            )
        return values

    def action_civil_declaration(self):
        """Open the civil-status declaration of the dossier, created from its data on first use."""
        self.ensure_one()
        if not self.procedure_id.civil_event_type:
            raise ValidationError(
                self.env._("The procedure of %(code)s is not a civil-status procedure.", code=self.display_name)
            )
        if not self.civil_event_id:
            self.civil_event_id = self.env["motcua.civil.event"].create(self._civil_declaration_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.civil.event",
            "view_mode": "form",
            "res_id": self.civil_event_id.id,
        }

    def _motcua_result_ready(self, now):
        # The approval (last handover) was checked by the dossier's workflow; the registration
        # runs as the approver but with the rights of the registry.
        for dossier in self.filtered(lambda d: d.procedure_id.civil_event_type):
            dossier.sudo()._civil_register_from_dossier()
        return super()._motcua_result_ready(now)

    def _civil_register_from_dossier(self):
        self.ensure_one()
        event = self.civil_event_id
        if not event:
            if self.procedure_id.civil_event_type != "marital_status":
                raise ValidationError(
                    self.env._(
                        "Fill in the civil-status declaration of dossier %(code)s before approving it.", code=self.name
                    )
                )
            event = self.env["motcua.civil.event"].create(self._civil_declaration_values())
            self.civil_event_id = event
        if event.state == "draft":
            event.action_register()
        pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "motcua_civil_registry.action_report_civil_extract", event.ids
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"Trich luc {event.entry_ref.replace('/', '-')}.pdf",
                "raw": pdf,
                "mimetype": "application/pdf",
                "res_model": "motcua.dossier",
                "res_id": self.id,
            }
        )
        self.result_attachment_ids = [(4, attachment.id)]
        self.message_post(
            body=self.env._(
                "Civil-status event registered as %(entry)s; its extract is the result paper.", entry=event.name
            )
        )
