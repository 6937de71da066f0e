import base64
import json
import re
from datetime import timedelta
from xml.etree import ElementTree as ET

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.motcua_documents.tests import pki
from odoo.addons.motcua_dossier.tests.common import VIETNAMESE_BROWSER, enable_vietnamese

from .common import PortalCommon

ATOM = "{http://www.w3.org/2005/Atom}"


@tagged("post_install", "-at_install")
class TestPages(PortalCommon, HttpCase):
    """The light public pages: what a visitor sees, and what they must not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)
        cls.env["ir.module.module"]._load_module_terms(["motcua_portal"], ["vi_VN"])
        cls.news_a = cls._published_post(cls.editor_a, cls.blog_a, cls.leader_a, name="Lịch tiếp dân phường A")
        cls.news_b = cls._published_post(cls.editor_b, cls.blog_b, cls.leader_b, name="Tin triều cường xã B")
        cls.draft_a = cls._post(cls.editor_a, cls.blog_a, name="Bản nháp chưa duyệt")
        cls.commune_a.write(
            {
                "motcua_site_hours": "Thứ Hai – Thứ Sáu",
                "motcua_contact_ids": [
                    (0, 0, {"kind": "leader", "name": "Nguyễn Văn Chủ Tịch", "job_title": "Chủ tịch UBND"}),
                    (0, 0, {"kind": "contact", "name": "Bộ phận Một cửa A", "phone": "0272 000 111"}),
                ],
            }
        )
        cls.procedure = cls.env["motcua.procedure"].create(
            {
                "code": "T.PORTAL.1",
                "name": "Chứng thực bản sao",
                "level": "commune",
                "online_level": "full",
                "duration_days": 1,
            }
        )
        cls.offline_procedure = cls.env["motcua.procedure"].create(
            {
                "code": "T.PORTAL.2",
                "name": "Đăng ký kết hôn tại chỗ",
                "level": "commune",
                "unit_id": cls.commune_a.id,
                "duration_days": 5,
            }
        )
        cls.department_procedure = cls.env["motcua.procedure"].create(
            {
                "code": "T.PORTAL.3",
                "name": "Cấp phép xây dựng",
                "level": "province",
                "unit_id": cls.department.id,
                "duration_days": 15,
            }
        )

    def _get(self, path, status=200):
        response = self.url_open(path, allow_redirects=False, headers=VIETNAMESE_BROWSER)
        self.assertEqual(response.status_code, status, f"{path}: {response.text[:500]}")
        return response

    def _json_ld(self, html):
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertTrue(match, "structured data on the page")
        return json.loads(match.group(1))

    def test_unit_home_shows_the_units_site(self):
        html = self._get("/don-vi/commune-a").text
        self.assertIn("Lịch tiếp dân phường A", html)
        self.assertIn(self.news_a.motcua_public_url, html)
        self.assertNotIn("Bản nháp chưa duyệt", html)
        self.assertNotIn("Tin triều cường xã B", html)
        self.assertIn("Nguyễn Văn Chủ Tịch", html)
        self.assertIn("0272 000 111", html)
        self.assertIn("Thứ Hai – Thứ Sáu", html)
        # procedures received here, "Submit online" only where the procedure is online
        self.assertIn("Chứng thực bản sao", html)
        self.assertIn(f'href="/my/dossiers/new?procedure_id={self.procedure.id}"', html)
        self.assertIn("Đăng ký kết hôn tại chỗ", html)
        self.assertNotIn(f"procedure_id={self.offline_procedure.id}", html)
        self.assertNotIn("Cấp phép xây dựng", html)
        self.assertRegex(html, r'<form method="get" action="/tra-cuu-ho-so">')
        # light: no stylesheet, no script file, no Odoo bundle
        self.assertNotIn('<link rel="stylesheet"', html)
        self.assertNotIn("/web/assets", html)
        self.assertNotIn("<script src", html)
        self.assertEqual(len(re.findall("<script", html)), 1, "only the structured data")
        self.assertIn('<link rel="canonical" href="http', html)
        self.assertIn('/don-vi/commune-a"', html)
        data = self._json_ld(html)
        self.assertEqual(data["@type"], "GovernmentOrganization")
        self.assertEqual(data["name"], "Commune A")
        self.assertTrue(data["url"].endswith("/don-vi/commune-a"))

    def test_on_time_rate_and_reception_schedule(self):
        now = fields.Datetime.now()
        dossiers = self.env["motcua.dossier"]
        for index, timeliness in enumerate(("on_time", "early", "on_time", "late")):
            dossier = self.env["motcua.dossier"].create(
                {"procedure_id": self.procedure.id, "unit_id": self.desk_a.id, "applicant_name": "Nguyễn Văn An"}
            )
            dossier.write(
                {
                    "name": f"T-PORTAL-{index}",
                    "state": "returned",
                    "received_at": now,
                    "finished_at": now,
                    "timeliness": timeliness,
                }
            )
            dossiers |= dossier
        self.env["motcua.dossier"].flush_model()
        self.env["motcua.public.figures"]._motcua_refresh()  # as the cron does (the page reads the kept figures)
        html = self._get("/don-vi/commune-a").text
        self.assertEqual(len(re.findall(r"75[.,]0\s?%", html)), 3, "month, quarter and year")
        # commune B settled nothing: it has no rate, not 0 %
        html_b = self._get("/don-vi/commune-b").text
        self.assertNotRegex(html_b, r"\d[.,]\d\s?%")
        self.assertIn("—", html_b)
        Schedule = self.env["motcua.complaint.schedule"]
        Schedule.create(
            {
                "unit_id": self.commune_a.id,
                "leader_id": self.leader_a.id,
                "leader_title": "Chủ tịch UBND",
                "date_start": now + timedelta(days=2),
                "date_end": now + timedelta(days=2, hours=3),
                "location": "Phòng tiếp công dân A",
                "is_published": True,
            }
        )
        Schedule.create(
            {
                "unit_id": self.commune_a.id,
                "leader_id": self.leader_a.id,
                "date_start": now + timedelta(days=3),
                "date_end": now + timedelta(days=3, hours=3),
                "location": "Phòng họp chưa công bố",
            }
        )
        html = self._get("/don-vi/commune-a").text
        self.assertIn("Phòng tiếp công dân A", html)
        self.assertNotIn("Phòng họp chưa công bố", html)

    def _document(self, unit, name, **vals):
        pdf = pki.make_pdf()
        return (
            self.env["motcua.outgoing.document"]
            .sudo()
            .with_context(motcua_skip_verify=True)
            .create(
                {
                    "unit_id": unit.id,
                    "type_id": self.env.ref("motcua_documents.document_type_decision").id,
                    "summary": f"Quyết định {name}",
                    "name": name,
                    "state": "issued",
                    "issue_date": fields.Datetime.now(),
                    "file": base64.b64encode(pdf),
                    "file_name": f"{name}.pdf",
                    **vals,
                }
            )
        )

    def test_documents_published_for_the_public(self):
        public = self._document(self.commune_a, "12/QĐ-UBND", is_public=True)
        internal = self._document(self.commune_a, "13/QĐ-UBND")
        secret = self._document(self.commune_a, "14/QĐ-UBND", is_public=True, secrecy="secret")
        other = self._document(self.commune_b, "15/QĐ-UBND", is_public=True)
        html = self._get("/don-vi/commune-a").text
        self.assertIn("Văn bản công khai", html)
        self.assertIn(f'href="/don-vi/commune-a/van-ban/{public.id}"', html)
        self.assertIn("Quyết định 12/QĐ-UBND", html)
        for hidden in (internal, secret, other):
            self.assertNotIn(hidden.summary, html)
        response = self._get(f"/don-vi/commune-a/van-ban/{public.id}")
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"))
        for hidden in (internal, secret, other):
            response = self._get(f"/don-vi/commune-a/van-ban/{hidden.id}", status=404)
            self.assertIn("Văn bản không tồn tại hoặc chưa được công khai.", response.text)
            self.assertNotIn(b"%PDF", response.content)

    def test_news_item_page(self):
        html = self._get(self.news_a.motcua_public_url).text
        self.assertIn("<h1>Lịch tiếp dân phường A</h1>", html)
        self.assertIn("Nội dung thông báo.", html)
        data = self._json_ld(html)
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "Lịch tiếp dân phường A")
        self.assertEqual(data["publisher"]["@type"], "GovernmentOrganization")
        # a changed title keeps the address working: the old slug leads to the canonical one
        response = self._get(f"/don-vi/commune-a/tin/ten-cu-{self.news_a.id}", status=301)
        self.assertTrue(response.headers["Location"].endswith(self.news_a.motcua_public_url))

    def test_bad_addresses_are_404_with_a_message(self):
        for path in (
            "/don-vi/khong-ton-tai",
            "/don-vi/KHONG%20HOP%20LE",
            "/don-vi/%00",
            "/don-vi/commune-a/tin/abc",
            "/don-vi/commune-a/tin/tin-999999999",
            "/don-vi/commune-a/tin/99999999999999999999",
            f"/don-vi/commune-a/tin/x-{self.draft_a.id}",
            f"/don-vi/commune-a/tin/x-{self.news_b.id}",
            "/don-vi/khong-ton-tai/feed.atom",
        ):
            response = self._get(path, status=404)
            self.assertIn('class="msg"', response.text, path)
        self.commune_a.motcua_site_published = False
        self._get("/don-vi/commune-a", status=404)

    def test_ended_unit_points_to_its_successor(self):
        self.commune_b.write({"date_end": "2025-06-30", "motcua_successor_ids": [(6, 0, self.commune_a.ids)]})
        old_url = self.news_b.motcua_public_url
        self.commune_b.with_user(self.site_admin).action_motcua_transfer_to_successor()
        html = self._get("/don-vi/commune-b").text
        self.assertIn('href="/don-vi/commune-a"', html)
        self.assertIn('class="msg" role="status"', html)
        response = self._get(old_url, status=301)
        self.assertTrue(response.headers["Location"].endswith(self.news_b.motcua_public_url))
        self.assertIn("/don-vi/commune-a/tin/", self.news_b.motcua_public_url)
        portal = self._get("/cong-thong-tin").text
        directory = portal[portal.index('<ul class="tree">') :]
        self.assertRegex(
            directory, r'(?s)Commune B</a>\s*\(.*?<a href="/don-vi/commune-a">Commune A</a>', "successor shown"
        )

    def test_provincial_portal(self):
        html = self._get("/cong-thong-tin").text
        self.assertIn("Lịch tiếp dân phường A", html)
        self.assertIn("Tin triều cường xã B", html)
        self.assertNotIn("Bản nháp chưa duyệt", html)
        self.assertIn('href="/don-vi/commune-a"', html)
        self.assertIn('href="/don-vi/test-province"', html)
        self.assertNotIn("/web/assets", html)
        self.assertEqual(self._json_ld(html)["@type"], "WebSite")
        found = self._get("/cong-thong-tin?q=triều cường").text
        results = found[found.index("<h3>") :]
        self.assertIn("Tin triều cường xã B", results[: results.index("<h2>")])
        found = self._get("/cong-thong-tin?q=T.PORTAL.1").text
        self.assertIn(f'href="/thu-tuc/{self.procedure.id}"', found)

    def test_feeds_and_sitemap(self):
        feed = self._get("/don-vi/commune-a/feed.atom")
        self.assertIn("application/atom+xml", feed.headers["Content-Type"])
        root = ET.fromstring(feed.content)
        titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
        self.assertEqual(titles, ["Lịch tiếp dân phường A"])
        portal = ET.fromstring(self._get("/cong-thong-tin/feed.atom").content)
        titles = {entry.find(f"{ATOM}title").text for entry in portal.iter(f"{ATOM}entry")}
        self.assertTrue({"Lịch tiếp dân phường A", "Tin triều cường xã B"} <= titles)
        self.assertNotIn("Bản nháp chưa duyệt", titles)
        # the website caches its sitemap in attachments: start from a fresh one
        self.env["ir.attachment"].search([("url", "=like", "/sitemap%")]).unlink()
        sitemap = self._get("/sitemap.xml").text
        self.assertIn("/don-vi/commune-a</loc>", sitemap)
        self.assertIn(f"{self.news_a.motcua_public_url}</loc>", sitemap)
        self.assertNotIn(f"-{self.draft_a.id}</loc>", sitemap)
        self.assertIn("/cong-thong-tin</loc>", sitemap)

    def test_titles_cannot_break_out_of_the_structured_data(self):
        post = self._published_post(self.editor_a, self.blog_a, self.leader_a, name='</script><b id="x">Tin</b>')
        html = self._get(post.motcua_public_url).text
        self.assertNotIn('<b id="x">', html)
        self.assertEqual(self._json_ld(html)["headline"], '</script><b id="x">Tin</b>')


@tagged("post_install", "-at_install")
class TestEditorRpc(PortalCommon, HttpCase):
    """The calls the web client and the website editor make (JSON-RPC), as a hostile editor would."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_editor_of_ward_a_over_rpc(self):
        post_b = self._post(self.editor_b, self.blog_b, name="Tin của xã B")
        own = self._post(self.editor_a, self.blog_a, name="Tin của xã A")
        self.authenticate(self.editor_a.login, self.editor_a.login)
        attacks = [
            ("write", [[post_b.id], {"name": "Tin giả"}], None),
            ("web_save", [[post_b.id], {"content": "<p>Tin giả</p>"}], {"specification": {"name": {}}}),
            ("website_publish_button", [[post_b.id]], None),
            ("action_motcua_submit", [[post_b.id]], None),
            ("action_motcua_approve", [[own.id]], None),
            ("write", [[own.id], {"website_published": True}], None),
            ("write", [[own.id], {"blog_id": self.blog_b.id}], None),
            ("write", [[own.id], {"motcua_featured": True}], None),
            ("create", [{"blog_id": self.blog_b.id, "name": "Tin đăng hộ"}], None),
        ]
        for method, args, kwargs in attacks:
            with self.subTest(method=method, args=args), self.assertRaises(JsonRpcException) as cm:
                self._call("blog.post", method, args, kwargs)
            self.assertIn("AccessError", str(cm.exception))
        # approving needs an approved state first; the unit editor submits their own item fine
        self._call("blog.post", "action_motcua_submit", [[own.id]])
        with self.assertRaises(JsonRpcException):
            self._call("blog.post", "action_motcua_approve", [[own.id]])
        self.assertEqual((post_b.name, post_b.state, post_b.is_published), ("Tin của xã B", "draft", False))
        self.assertEqual((own.state, own.is_published, own.motcua_unit_id), ("to_approve", False, self.commune_a))
        self.assertFalse(self.env["blog.post"].search([("name", "=", "Tin đăng hộ")]))
