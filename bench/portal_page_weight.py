"""Page weight of a unit site's home page (motcua_portal), as a visitor's first load fetches it.

Two uses, on a database with motcua_portal and its demo:

1. Inside ``odoo shell -d <db>`` (reads ``env``): gives the unit site ``BENCH_SLUG`` (default
   phuong-long-an) at least 10 published news items and commits::

       odoo shell -d motcua < bench/portal_page_weight.py

2. As a plain script against a running server: fetches the page, then every resource the page
   references (stylesheets, scripts, images, icons) and /favicon.ico as a browser would, without and
   with gzip, and prints the totals in bytes (a JSON line)::

       python3 bench/portal_page_weight.py http://127.0.0.1:8069/don-vi/phuong-long-an

Not a test: the figure goes to the addon's readme (budget: 150 KB with thumbnails).
"""

import gzip
import json
import os
import re
import sys
import urllib.error
import urllib.request
from urllib.parse import urljoin

RESOURCE = re.compile(
    r"<(?:img|script|source)\b[^>]*?\bsrc=\"([^\"]+)\"|<link\b[^>]*?\brel=\"(?:stylesheet|icon|shortcut icon|preload)\"[^>]*?\bhref=\"([^\"]+)\"",
    re.I,
)


def seed(env):
    slug = os.environ.get("BENCH_SLUG", "phuong-long-an")
    unit = env["motcua.unit"].search([("motcua_site_slug", "=", slug)], limit=1)
    assert unit.motcua_blog_id, f"no unit site at /don-vi/{slug}"
    Post = env["blog.post"]
    count = Post.search_count([("motcua_unit_id", "=", unit.id), ("state", "=", "published")])
    for index in range(count, 10):
        Post.create(
            {
                "blog_id": unit.motcua_blog_id.id,
                "name": f"Thông báo số {index + 1} của {unit.name} về lịch tiếp nhận hồ sơ",
                "subtitle": "Bộ phận Một cửa tiếp nhận hồ sơ trong giờ hành chính và trực tuyến cả ngoài giờ.",
                "content": "<p>Nội dung thông báo chi tiết của đơn vị.</p>" * 5,
                "state": "published",
                "is_published": True,
            }
        )
    env.cr.commit()
    print(f"/don-vi/{slug}: {max(count, 10)} published news items")


def fetch(url, encoding):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding, "Accept-Language": "vi-VN,vi;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return response.status, body, response.headers.get("Content-Encoding") == "gzip"
    except urllib.error.HTTPError as error:
        return error.code, error.read(), False


def measure(url):
    result = {"url": url}
    status, body, _gzipped = fetch(url, "identity")
    assert status == 200, f"{url}: HTTP {status}"
    html = body.decode()
    resources = sorted({a or b for a, b in RESOURCE.findall(html)} | {"/favicon.ico"})
    result["resources"] = resources
    for encoding in ("identity", "gzip"):
        total = 0
        for target in [url, *(urljoin(url, r) for r in resources)]:
            status, payload, gzipped = fetch(target, encoding)
            # gzip as the server sends it; without server compression, what a gzip proxy would send
            if encoding == "gzip" and not gzipped:
                payload = gzip.compress(payload)
            total += len(payload) if status == 200 else 0
        result[f"bytes_{encoding}"] = total
    result["html_bytes"] = len(body)
    result["news_items"] = html.count("/tin/")
    return result


if "env" in globals():
    seed(globals()["env"])
elif __name__ == "__main__":
    print(
        json.dumps(
            measure(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069/don-vi/phuong-long-an"),
            ensure_ascii=False,
        )
    )
