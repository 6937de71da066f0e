"""Verification and signing of PDF documents with pyHanko (pure functions, no ORM)."""

import contextlib
import io
import logging

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from odoo.addons.motcua_base.tools import strip_diacritics


class SignatureError(Exception):
    """A file that cannot be read, a key that cannot be loaded."""


@contextlib.contextmanager
def _quiet_pyhanko():
    """pyHanko logs a warning with a traceback for each untrusted chain: the result says it."""
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def load_certificate(data):
    """A cryptography certificate from PEM or DER bytes."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise SignatureError(str(exc)) from exc


def load_pkcs12(data, password):
    """(key, certificate, additional certificates) of a PKCS#12 archive."""
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, (password or "").encode() or None)
    except (ValueError, TypeError) as exc:
        raise SignatureError(str(exc)) from exc
    if key is None or cert is None:
        raise SignatureError("no key or certificate")
    return key, cert, others or []


def _to_asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _name(asn1_cert):
    subject = asn1_cert.subject.native
    return subject.get("common_name") or asn1_cert.subject.human_friendly


def verify_pdf(data, trust_roots=()):
    """Verify the signatures of a PDF.

    :param data: the PDF bytes
    :param trust_roots: cryptography certificates trusted as roots
    :return: dict with ``state`` in unsigned / valid / tampered / expired / untrusted /
        invalid, ``signer``, ``signing_time`` (aware datetime or None) and ``details`` (text)
    """
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:
        raise SignatureError(str(exc)) from exc
    if not signatures:
        return {"state": "unsigned", "signer": False, "signing_time": False, "details": ""}
    roots = [_to_asn1(c) for c in trust_roots]
    results = []
    for embedded in signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        try:
            with _quiet_pyhanko():
                status = validate_pdf_signature(embedded, context)
        except Exception as exc:
            results.append({"state": "tampered", "signer": False, "signing_time": False, "details": str(exc)})
            continue
        signer = _name(status.signing_cert)
        if not (status.intact and status.valid):
            state = "tampered"
        elif status.modification_level == ModificationLevel.OTHER or (
            status.modification_level is not None and status.docmdp_ok is False
        ):
            state = "tampered"
        elif status.trusted:
            state = "valid"
        elif status.trust_problem_indic in (
            AdESIndeterminate.EXPIRED,
            AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
            AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
            AdESIndeterminate.NOT_YET_VALID,
            AdESFailure.NOT_YET_VALID,
        ):
            state = "expired"
        elif status.revoked:
            state = "invalid"
        else:
            state = "untrusted"
        results.append(
            {
                "state": state,
                "signer": signer,
                "signing_time": status.signer_reported_dt or False,
                "details": status.pretty_print_details(),
            }
        )
    # the worst signature decides; the first (oldest) signer is the document's signer
    order = ["tampered", "invalid", "expired", "untrusted", "valid"]
    worst = min(results, key=lambda r: order.index(r["state"]))
    return {
        "state": worst["state"],
        "signer": results[0]["signer"] if worst["state"] == "valid" else worst["signer"],
        "signing_time": results[0]["signing_time"] if worst["state"] == "valid" else worst["signing_time"],
        "details": "\n\n".join(r["details"] for r in results),
    }


def sign_pdf(data, key, cert, other_certs=(), visible=False, stamp_text="", reason="", location=""):
    """Sign a PDF with a key and its certificate; return the signed bytes.

    A visible signature puts a stamp (``stamp_text``, without Vietnamese diacritics) in the
    bottom right corner of the first page.
    """
    from cryptography.hazmat.primitives.serialization import (  # noqa: PLC0415
        NoEncryption,
        PrivateFormat,
    )
    from pyhanko.keys import load_private_key_from_pemder_data  # noqa: PLC0415

    key_info = load_private_key_from_pemder_data(
        key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption()),
        passphrase=None,
    )
    registry = SimpleCertificateStore()
    registry.register_multiple([_to_asn1(c) for c in other_certs])
    signer = signers.SimpleSigner(signing_cert=_to_asn1(cert), signing_key=key_info, cert_registry=registry)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise SignatureError(str(exc)) from exc
    existing = len(list(sig_fields.enumerate_sig_fields(writer, filled_status=None)))
    field_name = "MotCuaSignature%d" % (existing + 1)
    meta = signers.PdfSignatureMetadata(field_name=field_name, reason=reason or None, location=location or None)
    field_spec = None
    style = None
    if visible:
        field_spec = sig_fields.SigFieldSpec(field_name, on_page=0, box=(330, 30, 570, 110))
        # the text is taken literally (pyHanko interpolates %-parameters)
        style = stamp.TextStampStyle(
            stamp_text=strip_diacritics(stamp_text).replace("%", "%%") or "%(ts)s",
            timestamp_format="%d/%m/%Y %H:%M:%S %z",
        )
    else:
        field_spec = sig_fields.SigFieldSpec(field_name)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=field_spec)
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()
