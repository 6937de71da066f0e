"""A throw-away PKI generated at test run time: a root CA, signing certificates, PDFs."""

import datetime
import io

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from reportlab.pdfgen import canvas


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MotCua Test"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def make_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(common_name="MotCua Test Root CA"):
    key = make_key()
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=3650))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_signer(ca_key, ca_cert, common_name, expired=False):
    key = make_key()
    now = datetime.datetime.now(datetime.UTC)
    if expired:
        start, end = now - datetime.timedelta(days=800), now - datetime.timedelta(days=400)
    else:
        start, end = now - datetime.timedelta(days=1), now + datetime.timedelta(days=365)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def make_pkcs12(key, cert, ca_cert, password):
    return pkcs12.serialize_key_and_certificates(
        b"signer",
        key,
        cert,
        [ca_cert],
        serialization.BestAvailableEncryption(password.encode()),
    )


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def make_pdf(text="Quyet dinh so 01 ve viec thu nghiem"):
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pageCompression=0)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def tamper(data, old=b"thu nghiem", new=b"thu nghiex"):
    """Change the text of the signed page without touching the file's structure."""
    assert old in data
    return data.replace(old, new, 1)
