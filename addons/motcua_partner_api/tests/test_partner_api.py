import hashlib
import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PERSONAL, PartnerApiCase


@tagged("post_install", "-at_install")
class TestPartnerApi(PartnerApiCase):
    def assert_error(self, response, status, error):
        self.assertEqual(response.status_code, status, response.text)
        self.assertEqual(response.json()["error"], error)
        self.assertTrue(response.json()["message"])

    def assert_no_personal_data(self, response, *more):
        decoded = json.dumps(response.json(), ensure_ascii=False)
        for secret in (*PERSONAL, *more):
            self.assertNotIn(secret, response.text)
            self.assertNotIn(secret, decoded)

    # ------------------------------------------------------------------ answers
    def test_procedures_list_and_detail(self):
        response = self.call("/procedures", self.catalogue_key, q="T.0001")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual([p["code"] for p in body["procedures"]], ["T.0001"])
        self.assertEqual(body["count"], 1)
        procedure = body["procedures"][0]
        self.assertEqual(procedure["name"], "Test marital-status confirmation")
        self.assertEqual((procedure["level"], procedure["fee"], procedure["charge"]), ("commune", 15000, 5000))
        self.assertEqual(procedure["time_limit"]["working_days"], 2)
        self.assertEqual(
            [(p["name"], p["paper_type"], p["mandatory"]) for p in procedure["papers"]],
            [("Application form", "original", True), ("Divorce decision", "copy", False)],
        )
        detail = self.call("/procedures/T.0001", self.catalogue_key)
        self.assertEqual(detail.json(), procedure)
        self.assert_error(self.call("/procedures/NOPE.0001", self.catalogue_key), 404, "not_found")

    def test_procedures_bad_parameters_are_400(self):
        for params in ({"limit": "abc"}, {"limit": "0"}, {"limit": "100000"}, {"offset": "-1"}, {"level": "galaxy"}):
            self.assert_error(self.call("/procedures", self.full_key, **params), 400, "bad_request")

    def test_dossier_status_without_lookup_key_and_masked(self):
        response = self.call(f"/dossiers/{self.dossier.name}", self.full_key)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual((body["code"], body["status"]), (self.dossier.name, self.dossier.state))
        self.assertEqual(body["applicant"], "N*** V** A")
        self.assertTrue(body["due_at"])
        self.assertEqual(body["procedure"], "Test marital-status confirmation")
        self.assert_no_personal_data(response, "0912 345 678", self.dossier.sudo().lookup_key)

    def test_dossier_unknown_and_draft_get_one_neutral_404(self):
        draft = self.new_dossier()
        unknown = self.call("/dossiers/000.20.01.T01-000000-9999", self.full_key)
        self.assert_error(unknown, 404, "not_found")
        self.assertEqual(self.call(f"/dossiers/{draft.name}", self.full_key).json(), unknown.json())

    def test_civil_extract_minimal_data(self):
        response = self.call(f"/civil-extracts/{self.event.verification_code.lower()}", self.full_key)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["code"], self.event.verification_code)
        self.assertEqual((body["date"], body["unit"], body["name"]), ("10/03/2026", "Commune A", "N*** V** A"))
        self.assert_no_personal_data(response, "01/03/2026", "2026-03-01")
        for code in ("AAAA-BBBB-CCCC", "' OR 1=1 --", self.event.verification_code[:-1]):
            self.assert_error(self.call(f"/civil-extracts/{code}", self.full_key), 404, "not_found")

    def test_eresult_minimal_data_and_file_check(self):
        entry, issued = self.eresult, self.eresult_pdf
        response = self.call(f"/eresults/{entry.token}", self.full_key)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(
            body,
            {"code": self.dossier.name, "procedure": self.procedure.name, "unit": "Commune A", "date": "27/11/2026"},
        )
        self.assert_no_personal_data(response)
        self.assertIs(
            self.call(f"/eresults/{entry.token}", self.full_key, sha256=hashlib.sha256(issued).hexdigest()).json()[
                "matches"
            ],
            True,
        )
        tampered = hashlib.sha256(issued + b" ").hexdigest()
        self.assertIs(self.call(f"/eresults/{entry.token}", self.full_key, sha256=tampered).json()["matches"], False)
        self.assert_error(self.call(f"/eresults/{entry.token}", self.full_key, sha256="xyz"), 400, "bad_request")
        for token in ("U" * 32, "T" * 31, "' OR 1=1 --"):
            self.assert_error(self.call(f"/eresults/{token}", self.full_key), 404, "not_found")
        self.assert_error(self.call(f"/eresults/{entry.token}", self.catalogue_key), 403, "forbidden")

    # ------------------------------------------------------------------ keys and scopes
    def test_no_unknown_or_malformed_key_is_401(self):
        valid = self.full_key
        forged = valid[:-4] + ("AAAA" if not valid.endswith("AAAA") else "BBBB")  # right prefix, wrong secret
        for authorization in (None, "Bearer nope", f"Basic {valid}", f"Bearer {forged}", f"Bearer {valid}x", "Bearer"):
            response = self.call("/procedures", authorization=authorization)
            self.assert_error(response, 401, "unauthorized")
            self.assertIn("Bearer", response.headers["WWW-Authenticate"])
        self.assertEqual(self.call("/procedures", valid).status_code, 200)

    def test_revoked_key_and_archived_partner_are_401(self):
        self.assertEqual(self.call("/procedures", self.full_key).status_code, 200)
        key = self.full.key_ids
        key.with_user(self.admin_user).action_revoke()
        self.assertTrue(key.revoked_at)
        self.assert_error(self.call("/procedures", self.full_key), 401, "unauthorized")
        # un-archiving a revoked key does not bring it back
        key.sudo().active = True
        self.assert_error(self.call("/procedures", self.full_key), 401, "unauthorized")
        # a partner archived: its keys are refused
        self.assertEqual(self.call("/procedures", self.catalogue_key).status_code, 200)
        self.catalogue.with_user(self.admin_user).active = False
        self.assert_error(self.call("/procedures", self.catalogue_key), 401, "unauthorized")

    def test_scopes(self):
        code = self.event.verification_code
        self.assertEqual(self.call("/procedures", self.catalogue_key).status_code, 200)
        self.assert_error(self.call(f"/dossiers/{self.dossier.name}", self.catalogue_key), 403, "forbidden")
        self.assert_error(self.call(f"/civil-extracts/{code}", self.catalogue_key), 403, "forbidden")
        for path in ("/procedures", "/procedures/T.0001", f"/dossiers/{self.dossier.name}", f"/civil-extracts/{code}"):
            response = self.call(path, self.bare_key)
            self.assert_error(response, 403, "forbidden")
            self.assertNotIn("Commune A", response.text)
        # granting the scope opens the endpoint
        self.catalogue.scope_ids |= self.env.ref("motcua_partner_api.scope_dossiers_status")
        self.assertEqual(self.call(f"/dossiers/{self.dossier.name}", self.catalogue_key).status_code, 200)

    def test_rate_limit_per_partner(self):
        self.catalogue.rate_limit = 2
        for _i in range(2):
            self.assertEqual(self.call("/procedures", self.catalogue_key).status_code, 200)
        response = self.call("/procedures", self.catalogue_key)
        self.assert_error(response, 429, "too_many_requests")
        self.assertEqual(response.headers["Retry-After"], "60")
        # calls that are refused count too; another partner is not limited
        self.assert_error(self.call("/dossiers/X", self.catalogue_key), 429, "too_many_requests")
        self.assertEqual(self.call("/procedures", self.full_key).status_code, 200)

    def test_failed_authentications_are_limited_per_address(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.partner_api_auth.limit", "3")
        for _i in range(3):
            self.assert_error(self.call("/procedures", authorization="Bearer mcp_guess"), 401, "unauthorized")
        self.assert_error(self.call("/procedures", authorization="Bearer mcp_guess"), 429, "too_many_requests")

    def test_key_shown_once_and_only_its_hash_stored(self):
        action = self.full.with_user(self.admin_user).action_issue_key()
        secret = action["context"]["default_key"]
        self.assertEqual(action["res_model"], "motcua.api.key.show")
        key = self.full.key_ids.sorted("id")[-1]
        self.assertTrue(secret.startswith(f"mcp_{key.prefix}_"))
        self.assertEqual(key.sudo().key_hash, hashlib.sha256(secret.encode()).hexdigest())
        self.env.cr.execute("SELECT * FROM motcua_api_key WHERE id = %s", (key.id,))
        self.assertNotIn(secret, json.dumps(self.env.cr.dictfetchall(), default=str))
        # what the administrator can read of the key afterwards: no secret, no hash
        as_admin = key.with_user(self.admin_user)
        self.assertNotIn(secret, json.dumps(as_admin.read(), default=str))
        self.assertNotIn("key_hash", as_admin.read()[0])
        self.assertEqual(self.call("/procedures", secret).status_code, 200)
        self.assertTrue(key.last_used_at)
        # another key, another secret
        self.assertNotEqual(self._issue(self.full), secret)

    # ------------------------------------------------------------------ log and bad input
    def test_every_call_is_logged(self):
        Call = self.env["motcua.api.call"]
        before = Call.search([]).ids
        self.call(f"/dossiers/{self.dossier.name}", self.full_key)
        self.call(f"/dossiers/{self.dossier.name}", self.catalogue_key)
        self.call("/procedures")
        calls = Call.search([("id", "not in", before)], order="id")
        self.assertEqual(
            [(c.partner_id, c.endpoint, c.method, c.status) for c in calls],
            [
                (self.full, "/dossiers/{code}", "GET", 200),
                (self.catalogue, "/dossiers/{code}", "GET", 403),
                (self.env["motcua.api.partner"], "/procedures", "GET", 401),
            ],
        )
        self.assertEqual(calls[0].key_id, self.full.key_ids)
        self.assertEqual(self.full.call_count, 1)

    def test_old_calls_are_purged(self):
        Call = self.env["motcua.api.call"]
        old, recent = (
            Call.sudo().create({"endpoint": "/procedures", "method": "GET", "status": 200, "date": date})
            for date in (fields.Datetime.now() - timedelta(days=400), fields.Datetime.now() - timedelta(days=300))
        )
        Call._gc_calls()
        self.assertEqual((old.exists(), recent.exists()), (Call, recent))

    def test_bad_input_is_never_500(self):
        answers = {
            "/dossiers/%00": 404,
            "/dossiers/" + "9" * 5000: 404,
            "/dossiers/%E2%80%AE%F0%9F%98%80": 404,
            "/dossiers/'%3B%20DROP%20TABLE%20motcua_dossier%3B--": 404,
            "/procedures/%00%01": 404,
            "/civil-extracts/%00AAA-BBBB-CCCC": 404,
            "/procedures?limit=%00&offset=1e9": 400,
            "/procedures?q=%00" + "x" * 3000: 200,  # control characters dropped, the text cut
        }
        for path, status in answers.items():
            response = self.call(path, self.full_key)
            self.assertEqual(response.status_code, status, path[:80])
            self.assertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
        for authorization in ("Bearer " + "x" * 10000, "Bearer mcp_%00", "Bearer mcp_aaaaaaaaaa_", "bearer  x y"):
            self.assertEqual(self.call("/procedures", authorization=authorization).status_code, 401)
