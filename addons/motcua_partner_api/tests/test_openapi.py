from odoo.tests import tagged
from odoo.tools import file_open

from odoo.addons.motcua_base.tests.openapi import (
    documented_operations,
    load_spec,
    parameter_problems,
    registry_routes,
)

from .common import PREFIX, PartnerApiCase

SPEC = "motcua_partner_api/static/api/partner-openapi.yaml"


def documented(spec):
    """{(path, method): {status, ...}} of the OpenAPI file."""
    return {
        key: {int(status) for status in operation["responses"]}
        for key, operation in documented_operations(spec).items()
    }


@tagged("post_install", "-at_install")
class TestOpenApi(PartnerApiCase):
    """The OpenAPI file describes exactly the routes of the running registry, and each status it
    documents is the one a request in the situation it names obtains."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spec = load_spec(SPEC)

    def routes(self):
        """{(path, method)} of the registry's routes under the partner API's prefix."""
        return set(registry_routes(self.env, PREFIX))

    def test_file_is_openapi_3_1_with_this_prefix(self):
        self.assertEqual(self.spec["openapi"], "3.1.0")
        self.assertEqual(self.spec["servers"], [{"url": PREFIX}])

    def test_paths_and_methods_are_the_routes(self):
        self.assertEqual(set(documented(self.spec)), self.routes())

    def test_documented_parameters_are_the_routes_parameters(self):
        self.assertEqual(parameter_problems(documented_operations(self.spec), registry_routes(self.env, PREFIX)), [])

    def test_served_as_it_is_in_the_addon(self):
        response = self.url_open(f"{PREFIX}/openapi.yaml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        with file_open(SPEC, "rb") as spec:
            self.assertEqual(response.content, spec.read())

    # ------------------------------------------------------------------ each documented status
    def values(self):
        """Path parameters that exist and that do not."""
        return {
            "/procedures/{code}": (self.procedure.code, "NOPE.0001"),
            "/dossiers/{code}": (self.dossier.name, "000.20.01.T01-000000-9999"),
            "/civil-extracts/{code}": (self.event.verification_code, "ZZZZ-ZZZZ-ZZZZ"),
            "/eresults/{token}": (self.eresult.token, "Z" * 32),
        }

    def produce(self, path, status):
        """The answer to a request made in the situation in which ``path`` answers ``status``."""
        known, unknown = self.values().get(path, ("", ""))
        url = path.replace("{code}", unknown if status == 404 else known)
        url = url.replace("{token}", unknown if status == 404 else known)
        if path == "/openapi.yaml":
            return self.url_open(PREFIX + url)
        if status == 429:
            self.full.rate_limit = 1
            self.call(url, self.full_key)
        key = {401: None, 403: self.bare_key}.get(status, self.full_key)
        bad = {"sha256": "abc"} if path == "/eresults/{token}" else {"limit": "abc"}
        return self.call(url, key, **(bad if status == 400 else {}))

    def test_every_documented_status_is_produced(self):
        for (path, method), statuses in documented(self.spec).items():
            self.assertEqual(method, "GET")
            for status in sorted(statuses):
                with self.subTest(path=path, status=status):
                    self.env["motcua.rate.limit"].search([("bucket", "like", "partner_api")]).unlink()
                    self.full.rate_limit = 1000
                    response = self.produce(path, status)
                    self.assertEqual(response.status_code, status, response.text)
                    if path != "/openapi.yaml":
                        self.assertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
                        self.assertEqual(bool(response.json().get("error")), status != 200)
