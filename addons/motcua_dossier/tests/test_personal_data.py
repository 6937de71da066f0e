from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DossierCase

SECRETS = ("080090001234", "0912 345 678", "0912345678", "1 Hùng Vương")


@tagged("post_install", "-at_install")
class TestPersonalData(DossierCase):
    """The applicant's ID number, phone and address: the handlers see them (and it is logged), the
    others (a province monitor) see "***" on every read path, not only in the web client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dossier = (
            cls.env["motcua.dossier"]
            .with_user(cls.officer_a)
            .create(
                {
                    "procedure_id": cls.procedure.id,
                    "unit_id": cls.commune_a.id,
                    "applicant_name": "Nguyễn Văn An",
                    "applicant_id_number": "080090001234",
                    "applicant_phone": "0912345678",
                    "applicant_address": "1 Hùng Vương",
                }
            )
        )
        cls.dossier.paper_ids.write({"received": True})
        cls.dossier.action_receive()

    def assertNoSecret(self, payload):
        text = str(payload)
        for secret in SECRETS:
            self.assertNotIn(secret, text)

    def test_every_read_path_is_masked_for_the_monitor(self):
        Dossier = self.env["motcua.dossier"].with_user(self.monitor)
        dossier = self.dossier.with_user(self.monitor)
        fields = ["applicant_id_number", "applicant_phone", "applicant_address", "applicant_birth_date"]
        self.assertEqual(dossier.applicant_id_number, "***")
        self.assertNoSecret(dossier.read(fields))
        self.assertNoSecret(Dossier.search_read([("id", "=", dossier.id)], fields))
        self.assertNoSecret(dossier.web_read({f: {} for f in fields}))
        export_group = self.env.ref("base.group_allow_export", raise_if_not_found=False)
        if export_group:
            self.monitor.group_ids += export_group
        exported = dossier.export_data(["name"] + fields)
        self.assertEqual(exported["datas"][0][0], self.dossier.name)
        self.assertNoSecret(exported)
        # search on the data is no oracle: nothing matches what one may not see
        for domain in (
            [("applicant_id_number", "=", "080090001234")],
            [("applicant_phone", "ilike", "345 678")],
            [("applicant_address", "ilike", "Hùng Vương")],
            [("applicant_id_number", "!=", False)],
        ):
            self.assertNotIn(self.dossier, Dossier.search(domain), domain)
        self.assertFalse(Dossier.name_search("080090001234"))
        # the stored data themselves are out of reach
        with self.assertRaises(AccessError):
            self.dossier.personal_id.with_user(self.monitor).read(["id_number"])
        self.assertFalse(self.env["motcua.dossier.personal"].with_user(self.monitor).search([]))
        # the handler sees and finds them
        own = self.dossier.with_user(self.specialist_a)
        self.assertEqual(own.applicant_id_number, "080090001234")
        self.assertIn(
            self.dossier,
            self.env["motcua.dossier"]
            .with_user(self.specialist_a)
            .search([("applicant_id_number", "=", "080090001234")]),
        )

    def test_grouping_by_personal_data_is_refused_with_a_message(self):
        for user in (self.monitor, self.specialist_a):  # a handler neither: counts tell too much
            Dossier = self.env["motcua.dossier"].with_user(user)
            for field in ("applicant_id_number", "applicant_phone", "personal_id"):
                with self.assertRaisesRegex(AccessError, "cannot be grouped or counted by the applicant's personal"):
                    Dossier.formatted_read_group([], [field], ["__count"])
        self.assertTrue(
            self.env["motcua.dossier"].with_user(self.monitor).formatted_read_group([], ["unit_id"], ["__count"])
        )

    def test_report_renders_the_masked_values(self):
        report = self.env.ref("motcua_dossier.action_report_dossier_receipt")
        html = str(report.with_user(self.monitor)._render_qweb_html(report.report_name, self.dossier.ids)[0])
        self.assertIn(self.dossier.name, html)
        self.assertNoSecret(html)
        own = str(report.with_user(self.officer_a)._render_qweb_html(report.report_name, self.dossier.ids)[0])
        self.assertIn("080090001234", own)

    def test_lookup_key_only_for_the_handlers(self):
        dossier = self.received_dossier()
        key = dossier.sudo().lookup_key
        self.assertEqual(len(key), 6)
        self.assertEqual(dossier.with_user(self.officer_a).lookup_key_display, key)
        self.assertEqual(dossier.with_user(self.monitor).lookup_key_display, "***")
        with self.assertRaises(AccessError):
            dossier.with_user(self.monitor).read(["lookup_key"])
        self.assertIn(f"key={key}", dossier.with_user(self.officer_a)._motcua_lookup_url())
        self.assertNotIn("key=", dossier.with_user(self.monitor)._motcua_lookup_url())
        report = self.env.ref("motcua_dossier.action_report_dossier_receipt")
        html = str(report.with_user(self.monitor)._render_qweb_html(report.report_name, dossier.ids)[0])
        self.assertNotIn(key, html)

    def test_contact_chatter_and_sms_hold_no_personal_data(self):
        partner = self.dossier.partner_id
        self.assertTrue(partner)
        self.assertFalse(partner.phone or partner.street)
        self.dossier.with_user(self.officer_a).write({"applicant_phone": "0987 000 111"})
        self.env.flush_all()
        messages = self.dossier.with_user(self.monitor).message_ids
        self.assertTrue(messages)
        self.assertNoSecret(messages.mapped("body"))
        values = messages.sudo().tracking_value_ids
        self.assertNotIn("0987 000 111", str(values.mapped("new_value_char")))
        self.assertNoSecret(values.mapped("old_value_char"))
        self.assertIn("Personal data of the applicant changed", str(messages.mapped("body")))
        sms = self.sms_of(self.dossier)
        self.assertTrue(sms)
        # the outgoing SMS (number, text with the lookup key) are for system administrators
        with self.assertRaises(AccessError):
            sms.with_user(self.monitor).read(["number"])
        with self.assertRaises(AccessError):
            sms.with_user(self.monitor).read(["body"])
        self.assertNotIn(self.dossier.sudo().lookup_key, str(messages.mapped("body")))

    def test_reads_of_the_handlers_are_logged(self):
        Log = self.env["motcua.access.log"]
        before = Log.search_count([("res_id", "=", self.dossier.id), ("res_model", "=", "motcua.dossier")])
        self.dossier.with_user(self.specialist_a).read(["applicant_id_number"])
        self.dossier.with_user(self.monitor).read(["applicant_id_number"])
        self.env.cr.precommit.run()
        logs = Log.search([("res_id", "=", self.dossier.id), ("res_model", "=", "motcua.dossier")])
        self.assertEqual(len(logs) - before, 1)
        self.assertEqual(logs[0].user_id, self.specialist_a)
        self.assertIn("applicant_id_number", logs[0].field_names)
        # the log is for the administrators, and written by the system only
        with self.assertRaises(AccessError):
            Log.with_user(self.leader_a).search([])
        with self.assertRaises(AccessError):
            logs[0].with_user(self.env.ref("base.user_admin")).write({"user_id": self.monitor.id})
        with self.assertRaises(AccessError):
            Log.with_user(self.env.ref("base.user_admin")).create(
                {"user_id": self.monitor.id, "res_model": "motcua.dossier", "res_id": 1}
            )

    def test_desk_dossier_is_not_linked_by_email(self):
        for email in ("victim_x@example.com", "victimyx@example.com"):
            self.env["res.partner"].create({"name": "Early bird", "email": email.replace("_x", "%")})
        citizen_partner = self.env["res.partner"].create({"name": "Registered first", "email": "victim_x@example.com"})
        dossier = self.received_dossier(applicant_email="victim_x@example.com")
        self.assertNotEqual(dossier.partner_id, citizen_partner)
        self.assertEqual(dossier.partner_id.email, "victim_x@example.com")
        # the citizen links it with the printed key
        self.portal.partner_id.email = "victim_x@example.com"
        Dossier = self.env["motcua.dossier"].with_user(self.portal)
        key = dossier.sudo().lookup_key
        self.assertFalse(Dossier._motcua_claim(dossier.name, "WRONG1", "080090001234"))
        # the key alone is not enough: a province monitor reads every key, not the ID numbers
        self.assertFalse(Dossier._motcua_claim(dossier.name, key))
        self.assertFalse(Dossier._motcua_claim(dossier.name, key, "080090001235"))
        self.assertFalse(Dossier.search([]))
        self.assertEqual(Dossier._motcua_claim(dossier.name, key, "0800 9000 1234"), dossier)
        self.assertEqual(Dossier.search([]), dossier)
        self.assertEqual(dossier.with_user(self.portal).applicant_phone, "0912 345 678")
        # once in an account, a dossier is not taken away by whoever sees the key later
        other = self.env["res.users"].create(
            {
                "name": "Other citizen",
                "login": "claim_other",
                "group_ids": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertFalse(
            self.env["motcua.dossier"]
            .with_user(other)
            ._motcua_claim(dossier.name, dossier.sudo().lookup_key, "080090001234")
        )
        self.assertEqual(dossier.partner_id, self.portal.partner_id)
        # staff cannot claim for someone
        self.assertFalse(
            self.env["motcua.dossier"]
            .with_user(self.officer_a)
            ._motcua_claim(dossier.name, dossier.sudo().lookup_key, "080090001234")
        )
