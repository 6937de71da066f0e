from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from odoo.addons.motcua_base.tests.openapi import (
    documented_operations,
    load_spec,
    parameter_problems,
    registry_routes,
    route_module,
)

from .common import DossierCase

SPEC = "motcua_dossier/static/api/openapi.yaml"


def public_json_route(rule):
    """A route of this addon that answers machines without a login: its /api/ routes, its JSON-RPC."""
    public = rule.endpoint.routing.get("auth") in ("public", "none")
    machine = rule.rule.startswith("/api/") or rule.endpoint.routing.get("type") == "jsonrpc"
    return public and machine and route_module(rule) == "motcua_dossier"


@tagged("post_install", "-at_install")
class TestOpenApi(HttpCase, DossierCase):
    """static/api/openapi.yaml describes the public routes as they are: each documented operation is a
    route with the documented parameters and answers each documented status; each public JSON route
    is documented."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spec = load_spec(SPEC)
        cls.operations = documented_operations(cls.spec)
        cls.env.company.motcua_sms_inbound_secret = "gateway-secret-7"

    def setUp(self):
        super().setUp()
        self.dossier = self.received_dossier()
        self.key = self.dossier.sudo().lookup_key

    def test_every_public_json_route_is_documented_and_nothing_else(self):
        self.assertEqual(set(self.operations), set(registry_routes(self.env, keep=public_json_route)))
        self.assertEqual(
            set(self.operations),
            {
                ("/api/v1/dossiers/{code}", "GET"),
                ("/api/v1/ivr/dossiers/{code}", "GET"),
                ("/api/v1/sms/inbound", "POST"),
            },
        )

    def test_documented_parameters_are_the_routes_parameters(self):
        self.assertEqual(parameter_problems(self.operations, registry_routes(self.env)), [])
        header = [
            p["name"] for p in self.operations["/api/v1/sms/inbound", "POST"]["parameters"] if p["in"] == "header"
        ]
        self.assertEqual(header, ["X-MotCua-Secret"])

    def test_served_as_it_is_in_the_addon(self):
        response = self.url_open("/motcua_dossier/static/api/openapi.yaml")
        self.assertEqual(response.status_code, 200)
        with file_open(SPEC, "rb") as spec:
            self.assertEqual(response.content, spec.read())

    def produce(self, path, status):
        """The answer to a request made in the situation in which ``path`` answers ``status``."""
        if path == "/api/v1/sms/inbound":
            secret = {"X-MotCua-Secret": "gateway-secret-7"} if status == 200 else {}
            text = f"TRA {self.dossier.name} {self.key}"
            return self.url_open(path, data={"from": "0912345678", "text": text}, headers=secret)
        url = path.replace("{code}", self.dossier.name)
        if status == 429:
            self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.dossier_lookup.limit", 1)
            self.url_open(url, params={"key": "WRONG1"})
        return self.url_open(url, params={"key": "WRONG1" if status == 404 else self.key})

    def resolve(self, node):
        """``node``, or what its ``$ref`` points to in this file."""
        while "$ref" in node:
            ref, node = node["$ref"], self.spec
            for part in ref.removeprefix("#/").split("/"):
                node = node[part]
        return node

    def test_every_documented_status_is_produced(self):
        for (path, _method), operation in self.operations.items():
            for status in sorted(int(s) for s in operation["responses"]):
                with self.subTest(path=path, status=status):
                    self.env["motcua.rate.limit"].sudo().search([]).unlink()
                    self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.dossier_lookup.limit", 10)
                    response = self.produce(path, status)
                    self.assertEqual(response.status_code, status, response.text)
                    content = self.resolve(operation["responses"][str(status)]).get("content", {})
                    media = response.headers["Content-Type"].split(";")[0]
                    self.assertEqual(set(content), {media}, f"{path} {status} answers {media}")
                    schema = self.resolve(content[media].get("schema", {}))
                    if "properties" in schema:
                        # every key answered is documented; every key documented is answered, but for
                        # those a schema leaves out of "required" (they come with an optional addon)
                        keys = set(response.json())
                        self.assertLessEqual(keys, set(schema["properties"]), f"{path} {status}")
                        self.assertLessEqual(
                            set(schema.get("required", schema["properties"])), keys, f"{path} {status}"
                        )
