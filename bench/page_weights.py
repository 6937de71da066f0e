"""Figure 11: what a first visit to the public pages (and the staff's login page) downloads.

    python3 bench/page_weights.py --base http://127.0.0.1:8260 --lookup-paths page_paths.txt --out page_weights.json

For each page: the HTML, then every stylesheet, script, image and icon it references and
/favicon.ico, fetched as a browser with an empty cache would (``portal_page_weight.measure``),
without compression and gzipped as the deployment's nginx sends them (``deploy/nginx.conf``).
The value is the lookup page's weight in KB (uncompressed, as issue 15 quotes it), the page a citizen opens most; the others are
in ``extra``. A page whose route is missing on the server is reported as such.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portal_page_weight import measure

PAGES = [  # (key, path or None for the lookup page, what it is)
    ("lookup_page", None, "dossier lookup result /tra-cuu-ho-so?code=&key="),
    ("lookup_form", "/tra-cuu-ho-so", "dossier lookup form"),
    ("catalogue", "/thu-tuc", "procedure catalogue"),
    ("public_figures", "/cong-khai", "published figures"),
    ("unit_site", "/don-vi/phuong-long-an", "a unit's site home (motcua_portal)"),
    ("login", "/web/login", "the staff's login page"),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--lookup-paths", help="file of lookup page paths (the first one is weighed)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    lookup = None
    if args.lookup_paths and os.path.exists(args.lookup_paths):
        with open(args.lookup_paths, encoding="utf-8") as handle:
            lookup = next((line.strip() for line in handle if line.strip()), None)
    extra = {}
    for key, path, label in PAGES:
        path = path or lookup
        if not path:
            extra[key] = {"page": label, "available": False, "reason": "no dossier to look up"}
            continue
        try:
            result = measure(args.base.rstrip("/") + path)
        except AssertionError as error:  # not 200: the addon serving it is not installed
            extra[key] = {"page": label, "path": path.split("?")[0], "available": False, "reason": str(error)}
            continue
        extra[key] = {
            "page": label,
            "path": path.split("?")[0],
            "kb": round(result["bytes_identity"] / 1024, 1),
            "kb_gzip": round(result["bytes_gzip"] / 1024, 1),
            "html_kb": round(result["html_bytes"] / 1024, 1),
            "files": len(result["resources"]),
            "css_js_files": sum(1 for r in result["resources"] if r.split("?")[0].endswith((".css", ".js"))),
        }
    section = {
        "id": 11,
        "key": "page_weights",
        "name": "Page weights of a first visit (lookup page; the others in extra)",
        "metric": "KB",
        "higher_is_better": False,
        "baseline": None,
        "ratio": None,
        "target": None,
    }
    if extra.get("lookup_page", {}).get("kb") is None:
        section.update(available=False, reason="not available: " + extra.get("lookup_page", {}).get("reason", "?"))
    else:
        section.update(value=extra["lookup_page"]["kb"], extra=extra)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(section, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
