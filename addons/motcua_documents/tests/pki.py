"""Throw-away PKIs generated at test run time (a bare root CA with signing certificates, and a
local certification authority with OCSP, CRL and TSA services), and PDFs."""

import datetime
import io
import os
import tempfile
import threading

from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from reportlab.pdfgen import canvas
from werkzeug.serving import make_server


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


class LocalPki:
    """A real certification authority for the tests, built by certomancer (from the author of
    pyHanko): a root CA with an OCSP responder, a CRL and a time-stamping authority (TSA), served
    over HTTP on 127.0.0.1 by certomancer's Animator in a thread of the test process.

    Certificates: ``signer`` (valid 30 days, OCSP and CRL declared), ``revoked`` (the same, revoked
    ten days ago for key compromise), ``tsa``. ``stop_responders()`` makes OCSP and CRL answer
    503 (the TSA keeps answering), ``down`` lists the paths that fail; ``start_responders()``
    brings them back. ``requests`` records the paths asked.
    """

    KEYS = ("root", "ocsp", "tsa", "signer", "revoked")
    SIGNER_DAYS = 30
    REVOKED_DAYS_AGO = datetime.timedelta(days=10)

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="motcua-pki-")
        self.keys = {}
        for label in self.KEYS:
            self.keys[label] = make_key()
            with open(os.path.join(self._dir.name, f"{label}.key.pem"), "wb") as out:
                out.write(
                    self.keys[label].private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    )
                )
        self.server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.now = datetime.datetime.now(datetime.UTC)
        config = CertomancerConfig(self._config(), key_search_dir=self._dir.name)
        self.arch = config.get_pki_arch(ArchLabel("motcua"))
        self.animator = Animator(AnimatorArchStore({self.arch.arch_label: self.arch}), with_web_ui=False)
        self.down = ()
        self.requests = []
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def _wsgi(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        self.requests.append(path)
        if any(fragment in path for fragment in self.down):
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"down"]
        return self.animator(environ, start_response)

    def stop_responders(self):
        self.down = ("/ocsp/", "/crls/")

    def start_responders(self):
        self.down = ()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)
        self._dir.cleanup()

    @property
    def tsa_url(self):
        return f"{self.url}/motcua/tsa/tsa"

    def cert(self, label):
        """The certificate ``label`` as a cryptography certificate."""
        return x509.load_der_x509_certificate(self.arch.get_cert(CertLabel(label)).dump())

    def pkcs12(self, label, password):
        return make_pkcs12(self.keys[label], self.cert(label), self.cert("root"), password)

    def _config(self):
        def iso(delta):
            return (self.now + delta).strftime("%Y-%m-%dT%H:%M:%S+0000")

        ten_years = {"valid-from": iso(-datetime.timedelta(days=365)), "valid-to": iso(datetime.timedelta(days=3650))}
        short = {
            "valid-from": iso(-datetime.timedelta(days=1)),
            "valid-to": iso(datetime.timedelta(days=self.SIGNER_DAYS)),
        }
        return {
            "external-url-prefix": self.url,
            "keysets": {"motcua": {"keys": {label: {"path": f"{label}.key.pem"} for label in self.KEYS}}},
            "pki-architectures": {
                "motcua": {
                    "keyset": "motcua",
                    "entity-defaults": {"country-name": "VN", "organization-name": "MotCua Local PKI"},
                    "entities": {
                        "root": {"common-name": "MotCua Local Root CA"},
                        "ocsp": {"common-name": "MotCua Local OCSP"},
                        "tsa": {"common-name": "MotCua Local TSA"},
                        "signer": {"common-name": "UBND xa Thu nghiem"},
                        "revoked": {"common-name": "Revoked signer"},
                    },
                    "certs": {
                        "root": {
                            "issuer": "root",
                            "validity": ten_years,
                            "profiles": [
                                {"id": "simple-ca", "params": {"crl-repo": "root", "ocsp-service": "root-ocsp"}}
                            ],
                        },
                        "ocsp": {"issuer": "root", "validity": ten_years, "profiles": ["ocsp-responder"]},
                        "tsa": {
                            "issuer": "root",
                            "validity": ten_years,
                            "extensions": [
                                {
                                    "id": "key_usage",
                                    "critical": True,
                                    "smart-value": {"schema": "key-usage", "params": ["digital_signature"]},
                                },
                                {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]},
                            ],
                        },
                        "signer": {"issuer": "root", "validity": short, "profiles": ["digsig-commitment"]},
                        "revoked": {
                            "template": "signer",
                            "subject": "revoked",
                            "validity": {
                                "valid-from": iso(-datetime.timedelta(days=20)),
                                "valid-to": iso(datetime.timedelta(days=self.SIGNER_DAYS)),
                            },
                            "revocation": {
                                # before the start of the current CRL period (90 days from the root's)
                                "revoked-since": iso(-self.REVOKED_DAYS_AGO),
                                "reason": "key_compromise",
                            },
                        },
                    },
                    "services": {
                        "ocsp": {
                            "root-ocsp": {
                                "for-issuer": "root",
                                "responder-cert": "ocsp",
                                "signing-key": "ocsp",
                                "validity-period": {"days": 90},
                            }
                        },
                        "crl-repo": {
                            "root": {"for-issuer": "root", "signing-key": "root", "simulated-update-schedule": "P90D"}
                        },
                        "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
                    },
                }
            },
        }
