"""A QR code and a few lines of text stamped on the first page of a PDF (before it is signed)."""

import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from odoo.tools.misc import file_path
from odoo.tools.pdf import PdfReader, PdfReadError, PdfWriter

from odoo.addons.motcua_base.tools import qr_png

QR_SIZE = 72  # points: 2.54 cm, read by a phone at arm's length
MARGIN = 28
FONT = "MotcuaOpenSans"


def _font():
    """A font with the Vietnamese letters (reportlab's standard fonts have no diacritics)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, file_path("web/static/fonts/google/Open_Sans/Open_Sans-Regular.ttf")))
    return FONT


def stamp_qr(data, url, lines=()):
    """``data`` (PDF bytes) with a QR code of ``url`` and ``lines`` of text in the bottom left
    corner of its first page (the signature's stamp goes bottom right). Raises ``ValueError``
    when ``data`` is not a readable PDF."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        first = reader.pages[0]
    except (PdfReadError, IndexError, KeyError, ValueError, TypeError) as exc:
        raise ValueError(str(exc)) from exc
    box = first.mediabox
    width, height = float(box.width), float(box.height)
    overlay = io.BytesIO()
    pdf = canvas.Canvas(overlay, pagesize=(width, height))
    x, y = float(box.left) + MARGIN, float(box.bottom) + MARGIN
    pdf.drawImage(ImageReader(io.BytesIO(qr_png(url, box_size=6, border=1))), x, y, QR_SIZE, QR_SIZE)
    pdf.setFont(_font(), 7)
    for index, line in enumerate(lines):
        pdf.drawString(x + QR_SIZE + 6, y + QR_SIZE - 9 - index * 9, line)
    pdf.showPage()
    pdf.save()
    first.merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
