"""Throw-away material of the demo database: a certificate to sign with, scanned papers."""

import datetime
import io

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from reportlab.pdfgen import canvas

DEMO_PASSWORD = "demo"  # a throw-away certificate of the demo database


def demo_certificate(common_name):
    """A demo root and a signing certificate of ``common_name`` issued by it (no OCSP nor CRL:
    nothing to ask), as (root PEM, PKCS#12 bytes)."""
    now = datetime.datetime.now(datetime.UTC)

    def build(subject, issuer, key, issuer_key, ca):
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650 if ca else 730))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=not ca,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=ca,
                    crl_sign=ca,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(issuer_key, hashes.SHA256())
        )

    def name(cn):
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MotCua demo"),
                x509.NameAttribute(NameOID.COMMON_NAME, cn),
            ]
        )

    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = build(name("MotCua demo root CA"), name("MotCua demo root CA"), root_key, root_key, True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = build(name(common_name), root.subject, key, root_key, False)
    archive = pkcs12.serialize_key_and_certificates(
        b"demo", key, cert, [root], serialization.BestAvailableEncryption(DEMO_PASSWORD.encode())
    )
    return root.public_bytes(serialization.Encoding.PEM), archive


def demo_scan(title):
    """A one-page PDF standing for a scanned paper."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 16)
    pdf.drawString(72, 760, title)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 740, "Ban sao (du lieu mau)")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
