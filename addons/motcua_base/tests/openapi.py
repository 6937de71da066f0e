"""Checks of an OpenAPI description against the routes of the running registry, shared by the
addons that publish one (motcua_dossier's public API, motcua_partner_api)."""

import inspect
import re

import yaml

from odoo.tools import file_open

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def load_spec(path):
    """The OpenAPI description at ``path`` (addon-relative, e.g. "motcua_x/static/api/openapi.yaml")."""
    with file_open(path) as spec:
        return yaml.safe_load(spec)


def documented_operations(spec):
    """{(path, METHOD): operation} of an OpenAPI description, each operation with the parameters of
    its path item and its own."""
    operations = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
                operations[path, method.upper()] = {**operation, "parameters": parameters}
    return operations


def route_module(rule):
    """The addon that declares the route of ``rule`` (not one that only extends it)."""
    method = rule.endpoint.func
    for cls in reversed(type(method.__self__).mro()):
        declared = cls.__dict__.get(method.__name__)
        if declared is not None and getattr(declared, "original_routing", None) is not None:
            return cls.__module__.split(".")[2]
    return None


def registry_routes(env, prefix="", keep=None):
    """{(path, METHOD): rule} of the registry's routes under ``prefix`` (paths relative to it, with
    OpenAPI's {name} for werkzeug's <converter:name>), those ``keep(rule)`` accepts."""
    routes = {}
    for rule in env["ir.http"].routing_map().iter_rules():
        if not rule.rule.startswith(prefix + "/") or (keep and not keep(rule)):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule[len(prefix) :])
        for method in (rule.methods or {"GET", "POST"}) - {"HEAD", "OPTIONS"}:
            routes[path, method] = rule
    return routes


def parameter_problems(operations, routes):
    """What the documented parameters of each operation say that its route does not do: path
    parameters are the route's arguments, query parameters are the endpoint's named arguments (and
    each named argument is documented). Empty when they agree."""
    problems = []
    for key, operation in sorted(operations.items()):
        rule = routes.get(key)
        if rule is None:
            continue
        documented = {(p["in"], p["name"]) for p in operation["parameters"]}
        path = {name for where, name in documented if where == "path"}
        if path != set(rule.arguments):
            problems.append(f"{key}: path parameters {sorted(path)} but the route has {sorted(rule.arguments)}")
        signature = inspect.signature(rule.endpoint).parameters.values()
        named = {p.name for p in signature if p.kind is p.POSITIONAL_OR_KEYWORD} - set(rule.arguments)
        query = {name for where, name in documented if where == "query"}
        if query != named:
            problems.append(f"{key}: query parameters {sorted(query)} but the endpoint reads {sorted(named)}")
    return problems
