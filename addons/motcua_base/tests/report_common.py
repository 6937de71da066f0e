"""What a person sees on a printed MotCua paper: the PDF's text, its pages, its QR codes.

The text comes from poppler's ``pdftotext`` exactly as a reader would copy it out of the PDF:
nothing is re-decoded, so a paper printed as mojibake fails the test that reads it. QR codes are
read the way a phone reads them, from the page rendered as a picture (``pdftoppm`` + ``zbarimg``).
Both tools are Debian packages that ``scripts/bootstrap.sh`` installs (poppler-utils, zbar-tools).
"""

import re
import subprocess
import tempfile
from pathlib import Path

from odoo.tests import HttpCase


def pdf_text(pdf, page=None):
    """The words of the PDF (or of one page, counted from 1), separated by single spaces."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    text = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(text.split())


def pdf_info(pdf):
    """``pdfinfo``'s fields: {'Pages': '2', 'Page size': '595 x 842 pts (A4)', …}."""
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pdf_page_count(pdf):
    return int(pdf_info(pdf)["Pages"].strip())


def pdf_qr_codes(pdf, page=1, dpi=150):
    """The texts of the QR codes on a page, read from the page rendered as a PNG."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-", str(base)],
            input=pdf,
            check=True,
            capture_output=True,
        )
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{base}.png"],
            capture_output=True,
            check=False,
        )
    return [line for line in result.stdout.decode("utf-8").splitlines() if line]


class MotcuaReportCase(HttpCase):
    """Render MotCua papers as PDF, with Vietnamese installed as in a real office.

    An HttpCase: wkhtmltopdf fetches the report's style sheets from the server (web.base.url),
    and only the test server in test mode answers inside the test's transaction. From a plain
    TransactionCase that request waits for the test's locks while the test waits for the PDF.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        modules = cls.env["ir.module.module"].search([("name", "=like", "motcua_%"), ("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["vi_VN"], overwrite=True)

    def render_pdf(self, report, records, user=None):
        """The PDF of `report` (an xmlid) for `records`, printed by `user` (default: the test env's)."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            Report = Report.with_user(user)
        pdf, kind = Report._render_qweb_pdf(report, records.ids)
        self.assertEqual(kind, "pdf")
        return pdf

    def assertPrinted(self, pdf, *texts, page=None):
        """Each text is on the paper (or on that page), as a reader sees it."""
        text = pdf_text(pdf, page)
        for expected in texts:
            self.assertIn(" ".join(expected.split()), text)

    def assertA4(self, pdf, landscape=False):
        size = pdf_info(pdf)["Page size"]
        width, height = (float(n) for n in re.findall(r"[\d.]+", size)[:2])
        expected = (842, 595) if landscape else (595, 842)
        self.assertAlmostEqual(width, expected[0], delta=2, msg=size)
        self.assertAlmostEqual(height, expected[1], delta=2, msg=size)

    NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
