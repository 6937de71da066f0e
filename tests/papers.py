"""Printed papers as a person reads them: the PDF's words (poppler's pdftotext, nothing
re-decoded) and its QR codes read from the rendered page (pdftoppm + zbarimg)."""

import subprocess
import tempfile
from pathlib import Path


def pdf_text(pdf):
    """The PDF's words as a reader copies them out (poppler's pdftotext), nothing re-decoded."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def qr_codes(pdf, page=1):
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", "-", str(png)],
            input=pdf,
            check=True,
            capture_output=True,
        )
        out = subprocess.run(["zbarimg", "--quiet", "--raw", f"{png}.png"], capture_output=True, check=False)
    return out.stdout.decode().split()
