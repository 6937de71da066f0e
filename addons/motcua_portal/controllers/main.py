import json
import re
from xml.etree import ElementTree as ET

from markupsafe import Markup

from odoo import fields, http
from odoo.http import request

from ..models.motcua_unit import SITE_PATH, SLUG_PATTERN

PORTAL_PATH = "/cong-thong-tin"
POST_ID = re.compile(r"(?:^|-)(\d{1,9})$")
ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 20


def _clean(text, size):
    return re.sub(r"[\x00-\x1f\x7f]", "", str(text or ""))[:size].strip()


def _json_ld(data):
    """Structured data as a script element's content: no ``</script>`` can close it early."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _iso(moment):
    return fields.Datetime.to_datetime(moment).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def sitemap_units(env, rule, qs):
    for unit in env["motcua.unit"]._motcua_site_units():
        if not qs or qs.lower() in unit.motcua_site_url:
            yield {"loc": unit.motcua_site_url}


def sitemap_posts(env, rule, qs):
    for post in env["blog.post"]._motcua_published(limit=None):
        if post.motcua_public_url and (not qs or qs.lower() in post.motcua_public_url):
            yield {"loc": post.motcua_public_url, "lastmod": post.write_date.date()}


class MotcuaPortal(http.Controller):
    """The provincial portal and the unit sites: light pages (no Odoo bundles, no script),
    an Atom feed each, sitemap entries, canonical addresses and schema.org data."""

    # ------------------------------------------------------------------ helpers
    def _base_url(self):
        return request.website.get_base_url()

    def _render(self, template, values, status=200):
        base = self._base_url()
        values.setdefault("canonical", base + values.get("path", request.httprequest.path))
        values["json_ld"] = _json_ld(values["json_ld"]) if values.get("json_ld") else None
        response = request.render(template, values, status=status)
        response.headers["Cache-Control"] = "public, max-age=300" if status == 200 else "no-store"
        return response

    def _not_found(self, message):
        return self._render(
            "motcua_portal.not_found_page", {"message": message, "canonical": None, "title": message}, status=404
        )

    def _site_unit(self, slug):
        slug = _clean(slug, 80)
        if not SLUG_PATTERN.match(slug):
            return request.env["motcua.unit"]
        return (
            request.env["motcua.unit"]
            .sudo()
            .with_context(active_test=False)
            .search([("motcua_site_slug", "=", slug), ("motcua_site_published", "=", True)], limit=1)
        )

    def _organisation_ld(self, unit):
        base = self._base_url()
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": unit.name,
            "url": base + unit.motcua_site_url,
        }
        if unit.parent_id:
            data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": unit.parent_id.name}
        if unit.street:
            data["address"] = {"@type": "PostalAddress", "streetAddress": unit.street, "addressCountry": "VN"}
        if unit.phone:
            data["telephone"] = unit.phone
        if unit.email:
            data["email"] = unit.email
        if unit.date_end:
            data["dissolutionDate"] = fields.Date.to_string(unit.date_end)
        return data

    def _feed(self, title, path, posts):
        base = self._base_url()
        ET.register_namespace("", ATOM)
        feed = ET.Element(f"{{{ATOM}}}feed")
        ET.SubElement(feed, f"{{{ATOM}}}title").text = title
        ET.SubElement(feed, f"{{{ATOM}}}id").text = base + path
        ET.SubElement(feed, f"{{{ATOM}}}link", href=base + path)
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + path + "/feed.atom")
        updated = max((post.write_date for post in posts), default=fields.Datetime.now())
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _iso(updated)
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = title
        for post in posts:
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            url = base + post.motcua_public_url
            ET.SubElement(entry, f"{{{ATOM}}}title").text = post.name
            ET.SubElement(entry, f"{{{ATOM}}}id").text = url
            ET.SubElement(entry, f"{{{ATOM}}}link", href=url)
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _iso(post.post_date)
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _iso(post.write_date)
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = post._motcua_summary()
            ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = post.motcua_unit_id.name
        body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")
        return request.make_response(
            body,
            headers=[("Content-Type", "application/atom+xml; charset=utf-8"), ("Cache-Control", "public, max-age=300")],
        )

    # ------------------------------------------------------------------ provincial portal
    @http.route(PORTAL_PATH, type="http", auth="public", methods=["GET"], website=True, sitemap=True)
    def portal_home(self, q="", **kwargs):
        q = _clean(q, 100)
        Unit = request.env["motcua.unit"]
        units = Unit._motcua_site_units()
        site_ids = set(units.ids)
        directory = [
            {"unit": unit, "depth": sum(1 for ancestor in unit._motcua_lineage()[1:] if ancestor.id in site_ids)}
            for unit in units.sorted("complete_name")
        ]
        values = {
            "title": request.env._("Provincial portal"),
            "path": PORTAL_PATH,
            "q": q,
            "news": request.env["blog.post"]._motcua_portal_news(limit=10),
            "directory": directory,
            "rates": request.env["motcua.public.figures"]._motcua_site_rates(),
            "found_news": request.env["blog.post"]._motcua_search_news(q) if q else None,
            "found_procedures": (
                request.env["motcua.procedure"]
                .sudo()
                .search(
                    [("current_id", "=", False), "|", ("name", "ilike", q), ("code", "ilike", q)],
                    order="name",
                    limit=20,
                )
                if q
                else None
            ),
            "json_ld": {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": request.env._("Provincial portal"),
                "url": self._base_url() + PORTAL_PATH,
            },
        }
        return self._render("motcua_portal.portal_page", values)

    @http.route(f"{PORTAL_PATH}/feed.atom", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def portal_feed(self, **kwargs):
        posts = request.env["blog.post"]._motcua_published(limit=FEED_SIZE)
        return self._feed(request.env._("Provincial portal"), PORTAL_PATH, posts)

    # ------------------------------------------------------------------ unit sites
    @http.route(
        f"{SITE_PATH}<string:slug>", type="http", auth="public", methods=["GET"], website=True, sitemap=sitemap_units
    )
    def unit_home(self, slug, **kwargs):
        unit = self._site_unit(slug)
        if not unit:
            return self._not_found(request.env._("There is no unit site at this address."))
        values = {
            "title": unit.name,
            "path": unit.motcua_site_url,
            "unit": unit,
            "successors": unit._motcua_current_successors() if unit.is_historical else unit.browse(),
            "news": unit._motcua_site_news(limit=10),
            "leaders": unit.motcua_contact_ids.filtered(lambda c: c.kind == "leader"),
            "contacts": unit.motcua_contact_ids.filtered(lambda c: c.kind == "contact"),
            "procedures": unit._motcua_site_procedures() if not unit.is_historical else [],
            "rates": unit._motcua_site_rates(),
            "schedule": unit._motcua_site_schedule(),
            "documents": request.env["motcua.outgoing.document"]._motcua_public_documents(unit),
            "json_ld": self._organisation_ld(unit),
        }
        return self._render("motcua_portal.unit_page", values)

    @http.route(
        f"{SITE_PATH}<string:slug>/van-ban/<int:document_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def unit_document(self, slug, document_id, **kwargs):
        """The file of a document the unit published for the public (and nothing else)."""
        unit = self._site_unit(slug)
        documents = request.env["motcua.outgoing.document"]
        document = unit and documents._motcua_public_documents(unit, document_id=document_id)
        if not document or not document.file:
            return self._not_found(request.env._("This document does not exist or is not published."))
        stream = request.env["ir.binary"]._get_stream_from(document, "file", filename=document.file_name)
        return stream.get_response(as_attachment=False)

    @http.route(
        f"{SITE_PATH}<string:slug>/feed.atom", type="http", auth="public", methods=["GET"], website=True, sitemap=False
    )
    def unit_feed(self, slug, **kwargs):
        unit = self._site_unit(slug)
        if not unit:
            return self._not_found(request.env._("There is no unit site at this address."))
        return self._feed(unit.name, unit.motcua_site_url, unit._motcua_site_news(limit=FEED_SIZE))

    @http.route(
        f"{SITE_PATH}<string:slug>/tin/<string:post_slug>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=sitemap_posts,
    )
    def unit_post(self, slug, post_slug, **kwargs):
        unit = self._site_unit(slug)
        if not unit:
            return self._not_found(request.env._("There is no unit site at this address."))
        match = POST_ID.search(_clean(post_slug, 200))
        post = match and request.env["blog.post"]._motcua_published([("id", "=", int(match.group(1)))], limit=1)
        if not post:
            return self._not_found(request.env._("This news item does not exist or is no longer published."))
        if post.motcua_unit_id != unit:
            # the news of an ended unit moved to its successor: its old address leads there
            if unit not in post.motcua_unit_id._motcua_all_predecessors():
                return self._not_found(request.env._("This news item does not exist or is no longer published."))
            return request.redirect(post.motcua_public_url, code=301)
        if request.httprequest.path.rsplit("/", 1)[-1] != post.motcua_public_url.rsplit("/", 1)[-1]:
            return request.redirect(post.motcua_public_url, code=301)
        base = self._base_url()
        values = {
            "title": post.name,
            "path": post.motcua_public_url,
            "unit": unit,
            "post": post,
            "json_ld": {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": post.name,
                "url": base + post.motcua_public_url,
                "datePublished": _iso(post.post_date),
                "dateModified": _iso(post.write_date),
                "publisher": self._organisation_ld(unit),
                "author": {"@type": "GovernmentOrganization", "name": unit.name},
                "description": post._motcua_summary(),
            },
        }
        return self._render("motcua_portal.post_page", values)
