import hashlib
from datetime import date

from odoo.tests import HttpCase

from odoo.addons.motcua_dossier.tests.common import DossierCase

PREFIX = "/api/partner/v1"
PERSONAL = ("080090001234", "0912345678", "1 Hùng Vương", "Nguyễn Văn An", "079198005555", "Trần Thị Bích")


class PartnerApiCase(HttpCase, DossierCase):
    """The shared ground, a received dossier, a registered birth, and three partner systems:
    ``full`` (every scope), ``catalogue`` (procedures:read only) and ``bare`` (no scope), each with
    a key (``full_key``...); an electronic result of the dossier (``eresult``)."""

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
        cls.event = cls.env["motcua.civil.event"].create(
            {
                "event_type": "birth",
                "unit_id": cls.commune_a.id,
                "person_name": "Nguyễn Văn An",
                "person_sex": "male",
                "person_birth_date": date(2026, 3, 1),
                "mother_name": "Trần Thị Bích",
                "mother_id_number": "079198005555",
                "mother_birth_date": date(1998, 5, 5),
                "registration_date": date(2026, 3, 10),
            }
        )
        cls.event.action_register()
        # an electronic result of the dossier as motcua_digitisation keeps it (the signed file's
        # fingerprint; signing itself is motcua_digitisation's test)
        cls.eresult_pdf = b"%PDF-1.7 the signed result as issued"
        cls.eresult = cls.env["motcua.citizen.paper"].create(
            {
                "name": "Result",
                "kind": "result",
                "dossier_id": cls.dossier.id,
                "unit_id": cls.commune_a.id,
                "digitised_at": "2026-11-27 03:00:00",
                "token": "T" * 32,
                "digest": hashlib.sha256(cls.eresult_pdf).hexdigest(),
            }
        )
        Scope = cls.env["motcua.api.scope"]
        cls.full = cls._partner("Provincial data platform", Scope.search([]))
        cls.catalogue = cls._partner("Catalogue reader", Scope.search([("code", "=", "procedures:read")]))
        cls.bare = cls._partner("Bank without scope", Scope)
        cls.full_key, cls.catalogue_key, cls.bare_key = (cls._issue(p) for p in (cls.full, cls.catalogue, cls.bare))

    @classmethod
    def _partner(cls, name, scopes, rate_limit=1000):
        return cls.env["motcua.api.partner"].create({"name": name, "scope_ids": scopes.ids, "rate_limit": rate_limit})

    @classmethod
    def _issue(cls, partner):
        return partner.with_user(cls.admin_user).action_issue_key()["context"]["default_key"]

    def setUp(self):
        super().setUp()
        self.env["motcua.rate.limit"].search([("bucket", "like", "partner_api")]).unlink()

    def call(self, path, key=None, authorization=None, **params):
        """GET ``PREFIX + path`` with the key; every answer must say no-store."""
        headers = {"Authorization": authorization or f"Bearer {key}"} if key or authorization else {}
        response = self.url_open(PREFIX + path, headers=headers, params=params or None)
        self.assertEqual(response.headers.get("Cache-Control"), "no-store", path)
        self.assertNotEqual(response.status_code, 500, response.text)
        return response
