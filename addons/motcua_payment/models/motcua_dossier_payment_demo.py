from datetime import timedelta

from odoo import api, fields, models


class MotcuaDossier(models.Model):
    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _motcua_load_payment_demo(self):
        """Dossiers of the demo citizen (login ``portal``): fees to pay, fees paid online with the
        demo provider, fees paid in cash at the desk, and a land transfer waiting for its tax."""
        ref = self.env.ref
        portal = ref("base.demo_user0", raise_if_not_found=False)
        if not portal or ref("motcua_payment.dossier_payment_demo_to_pay", raise_if_not_found=False):
            return self.browse()
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        ward = ref("motcua_base.unit_long_an_ward")
        centre = ref("motcua_base.unit_tay_ninh_service_centre")
        officer = ref("motcua_base.user_receiving_officer")
        office = self.with_user(officer).with_context(lang=officer.lang, motcua_no_notify=True).sudo()
        plans = [
            ("to_pay", "procedure_marital_status", ward, 3),
            ("paid_online", "procedure_marital_status", ward, 6),
            ("paid_desk", "procedure_civil_change", ward, 5),
            ("obligation", "procedure_land_transfer", centre, 4),
        ]
        dossiers = self.browse()
        days = self._motcua_demo_working_days(ward, now)
        for key, procedure_xmlid, unit, days_ago in plans:
            # a morning of a working day of the last week, as the other demo dossiers
            received = self._motcua_demo_moment(days, days_ago, 0.1)
            dossier = office.with_context(motcua_now=received).create(
                {
                    "procedure_id": ref(f"motcua_dossier.{procedure_xmlid}").id,
                    "unit_id": unit.id,
                    "applicant_name": portal.partner_id.name,
                    "applicant_id_number": "079090004321",
                    "applicant_phone": "0912000111",
                    "applicant_email": portal.partner_id.email,
                    "partner_id": portal.partner_id.id,
                    "channel": "online",
                    "request_summary": ref(f"motcua_dossier.{procedure_xmlid}").name,
                }
            )
            dossier.paper_ids.write({"received": True})
            dossier.with_context(motcua_now=received).action_receive()
            later = dossier.with_context(motcua_now=min(received + timedelta(hours=2), now))
            if key == "paid_online":
                later._motcua_demo_pay_online()
            elif key == "paid_desk":
                later.action_record_payment("cash", note="BL-0001234")
            elif key == "obligation":
                later.action_record_payment("transfer", note="UNC 20261201-01")
                later.action_start()
                later.action_request_obligation(
                    "tax", 2500000, "Thông báo nộp thuế thu nhập cá nhân số 1234/TB-CCT, Chi cục Thuế khu vực"
                )
            self.env["ir.model.data"].sudo().create(
                {
                    "module": "motcua_payment",
                    "name": f"dossier_payment_demo_{key}",
                    "model": self._name,
                    "res_id": dossier.id,
                    "noupdate": True,
                }
            )
            dossiers |= dossier
        return dossiers

    def _motcua_demo_pay_online(self):
        provider = self.env.ref("payment.payment_provider_demo").sudo()
        Transaction = self.env["payment.transaction"].sudo()
        tx = Transaction.create(
            {
                "provider_id": provider.id,
                "payment_method_id": self.env.ref("payment_demo.payment_method_demo").id,
                "reference": Transaction._compute_reference("demo", prefix=self.name),
                "amount": self.amount_total,
                "currency_id": self._motcua_currency().id,
                "partner_id": self.partner_id.id,
                "operation": "online_direct",
                "motcua_dossier_ids": [fields.Command.set(self.ids)],
            }
        )
        tx._process("demo", {"reference": tx.reference, "simulated_state": "done"})
        tx._post_process()
        return tx
