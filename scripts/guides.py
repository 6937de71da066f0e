#!/usr/bin/env python3
"""Build the backend's help pages from the role guides (docs/guides/*.md).

Each guide is Markdown (headings, paragraphs, lists, images, **bold**, `code`, links); this
writes it as a static HTML page into the addon that opens it from its "Help" menu, with the
screenshots it shows copied next to it:

    python3 scripts/guides.py        # docs/guides/<name>.md -> addons/<addon>/static/guides/<name>.html

Run it after editing a guide or retaking a screenshot, and commit the result.
"""

import html
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {  # guide -> addon whose Help menu opens it
    "tiep-nhan": "motcua_dossier",
    "chuyen-vien": "motcua_dossier",
    "lanh-dao": "motcua_dossier",
    "ho-tich": "motcua_civil_registry",
    "khieu-nai": "motcua_complaints",
}
PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#222}}
img{{max-width:100%;border:1px solid #ccc;margin:.5rem 0}}h1{{color:#7a1f1f}}code{{background:#f3f3f3;padding:0 .2rem}}</style>
</head><body>
{body}
</body></html>
"""


def inline(text, images):
    text = html.escape(text, quote=False)

    def image(match):
        source = Path(match.group(2))
        images.append(source)
        return f'<img src="img/{source.name}" alt="{match.group(1)}">'

    text = re.sub(r"!\[([^\]]*)\]\(([^)]+)\)", image, text)
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def convert(markdown):
    """(title, HTML body, image paths relative to the guide) of a small Markdown text."""
    out, images, paragraph, list_tag, title = [], [], [], None, ""

    def flush():
        nonlocal list_tag
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph), images)}</p>")
            paragraph.clear()
        if list_tag:
            out.append(f"</{list_tag}>")
            list_tag = None

    for line in markdown.splitlines():
        heading = re.match(r"(#{1,3}) (.*)", line)
        item = re.match(r"\s*(?:([-*])|\d+\.) (.*)", line)
        if heading:
            flush()
            level = len(heading.group(1))
            title = title or heading.group(2)
            out.append(f"<h{level}>{inline(heading.group(2), images)}</h{level}>")
        elif item:
            tag = "ul" if item.group(1) else "ol"
            if paragraph or list_tag != tag:
                flush()
                out.append(f"<{tag}>")
                list_tag = tag
            out.append(f"<li>{inline(item.group(2), images)}</li>")
        elif not line.strip():
            flush()
        else:
            if list_tag:
                flush()
            paragraph.append(line.strip())
    flush()
    return title, "\n".join(out), images


def main():
    for name, addon in GUIDES.items():
        source = ROOT / "docs" / "guides" / f"{name}.md"
        title, body, images = convert(source.read_text(encoding="utf-8"))
        target = ROOT / "addons" / addon / "static" / "guides"
        (target / "img").mkdir(parents=True, exist_ok=True)
        for image in images:
            shutil.copyfile((source.parent / image).resolve(), target / "img" / image.name)
        (target / f"{name}.html").write_text(PAGE.format(title=html.escape(title), body=body), encoding="utf-8")
        print(f"{source.relative_to(ROOT)} -> {(target / f'{name}.html').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
