import base64
import io

import qrcode


def qr_png(text, box_size=4, border=2):
    """PNG bytes of a QR code holding ``text`` (medium error correction)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def qr_data_uri(text, box_size=4, border=2):
    """A ``data:image/png;base64,…`` URI for ``<img src>`` in QWeb reports (no HTTP round-trip
    from wkhtmltopdf)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(text, box_size, border)).decode()
