"""Verification and signing of PDF documents with pyHanko (pure functions, no ORM)."""

import contextlib
import io
import logging
import os

from asn1crypto import crl as asn1_crl
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from pyhanko import stamp
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError, ValidationInfoReadingError
from pyhanko.sign.validation.ltv import retrieve_adobe_revocation_info
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathValidationError
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend
from pyhanko_certvalidator.registry import SimpleCertificateStore

from odoo.addons.motcua_base.tools import strip_diacritics

# the order in which the worst signature of a document decides its state
STATE_ORDER = ["tampered", "revoked", "expired", "untrusted", "revocation_unknown", "valid"]
EXPIRY_INDICATIONS = (
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
    AdESIndeterminate.NOT_YET_VALID,
    AdESFailure.NOT_YET_VALID,
)
# what pyhanko-certvalidator reports when revocation data is missing or stale
REVOCATION_INDICATIONS = (AdESIndeterminate.TRY_LATER, AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE)
EMPTY_RESULT = {
    "state": "unsigned",
    "signer": False,
    "signing_time": False,
    "revocation_date": False,
    "timestamp_state": "none",
    "timestamp_time": False,
    "details": "",
}


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


def _validation_kwargs(reader, trust_roots, allow_fetching, timeout):
    """The arguments of a validation context: the trusted roots, the certificates, OCSP responses
    and CRLs embedded in the document (DSS, PAdES B-LT), and online fetching if allowed."""
    kwargs = {
        "trust_roots": [_to_asn1(c) for c in trust_roots],
        "allow_fetching": allow_fetching,
        "fetcher_backend": RequestsFetcherBackend(per_request_timeout=timeout),
        "revocation_mode": "hard-fail",
        "other_certs": [],
        "ocsps": [],
        "crls": [],
    }
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return kwargs
    kwargs["other_certs"] = list(dss.load_certs())
    kwargs["ocsps"] = [asn1_ocsp.OCSPResponse.load(ref.get_object().data) for ref in dss.ocsps]
    kwargs["crls"] = [asn1_crl.CertificateList.load(ref.get_object().data) for ref in dss.crls]
    return kwargs


def _signature_kwargs(embedded, kwargs):
    """``kwargs`` with the revocation data the signer put in the signature itself (Adobe style)."""
    try:
        ocsps, crls = retrieve_adobe_revocation_info(embedded.signer_info)
    except ValidationInfoReadingError:
        return kwargs
    return dict(kwargs, ocsps=kwargs["ocsps"] + ocsps, crls=kwargs["crls"] + crls)


def _timestamp_of(status):
    """(state, time) of the signature timestamp: none / valid / invalid."""
    token = status.timestamp_validity
    if token is None:
        return "none", False
    if token.intact and token.valid and token.trusted:
        return "valid", token.timestamp
    return "invalid", token.timestamp or False


def _validate(embedded, kwargs, moment):
    """Validate one signature; the signer's certificate is judged at the time a valid timestamp
    proves (so a certificate that expired or was revoked later does not spoil it), else at ``moment``."""
    ts_context = ValidationContext(moment=moment, **kwargs)
    with _quiet_pyhanko():
        status = validate_pdf_signature(embedded, ValidationContext(moment=moment, **kwargs), ts_context)
        ts_state, ts_time = _timestamp_of(status)
        if ts_state == "valid":
            # revocation data fetched after the timestamp still tells the status at its time
            signer_context = ValidationContext(moment=ts_time, retroactive_revinfo=True, **kwargs)
            status = validate_pdf_signature(embedded, signer_context, ts_context)
    return status, ts_state, ts_time


def _revocation_unknown(embedded, kwargs, moment):
    """Whether the chain is good at ``moment`` apart from revocation data nobody could provide."""
    soft = dict(kwargs, allow_fetching=False, revocation_mode="soft-fail")
    with _quiet_pyhanko():
        status = validate_pdf_signature(embedded, ValidationContext(moment=moment, retroactive_revinfo=True, **soft))
    return bool(status.trusted)


def _state_of(status, embedded, kwargs, moment):
    if not (status.intact and status.valid):
        return "tampered"
    if status.modification_level == ModificationLevel.OTHER or (
        status.modification_level is not None and status.docmdp_ok is False
    ):
        return "tampered"
    if status.trusted:
        return "valid"
    if status.revoked:
        return "revoked"
    if status.trust_problem_indic in EXPIRY_INDICATIONS:
        return "expired"
    if status.trust_problem_indic in REVOCATION_INDICATIONS and _revocation_unknown(embedded, kwargs, moment):
        return "revocation_unknown"
    return "untrusted"


def _check_one(embedded, kwargs, moment):
    kwargs = _signature_kwargs(embedded, kwargs)
    try:
        # the validation data embedded in the document first (PAdES B-LT), then the responders
        status, ts_state, ts_time = _validate(embedded, dict(kwargs, allow_fetching=False), moment)
        if kwargs["allow_fetching"] and status.intact and status.valid and not (status.trusted or status.revoked):
            status, ts_state, ts_time = _validate(embedded, kwargs, moment)
    except Exception as exc:
        return dict(EMPTY_RESULT, state="tampered", details=str(exc))
    details = status.revocation_details
    reference = ts_time if ts_state == "valid" else moment
    return {
        "state": _state_of(status, embedded, kwargs, reference),
        "signer": _name(status.signing_cert),
        "signing_time": ts_time or status.signer_reported_dt or False,
        "revocation_date": (details.revocation_date if details else None) or False,
        "timestamp_state": ts_state,
        "timestamp_time": ts_time,
        "details": status.pretty_print_details(),
    }


def verify_pdf(data, trust_roots=(), allow_fetching=False, timeout=10, moment=None):
    """Verify the signatures of a PDF, as a court would: integrity, chain to a trusted root,
    revocation (OCSP, then CRL: embedded in the document, else fetched online when allowed) and
    the signature timestamp.

    :param data: the PDF bytes
    :param trust_roots: cryptography certificates trusted as roots (also for the TSA)
    :param allow_fetching: ask the OCSP responders and CRL distribution points online
    :param timeout: seconds to wait for each responder
    :param moment: the time of the verification (aware datetime; now by default)
    :return: dict with ``state`` in unsigned / valid / tampered / revoked / revocation_unknown /
        expired / untrusted, ``signer``, ``signing_time`` (aware datetime or False: the time the
        timestamp proves, else the time the signer claims), ``revocation_date``,
        ``timestamp_state`` (none / valid / invalid), ``timestamp_time`` and ``details`` (text)
    """
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:
        raise SignatureError(str(exc)) from exc
    if not signatures:
        return dict(EMPTY_RESULT, state="unsigned")
    kwargs = _validation_kwargs(reader, trust_roots, allow_fetching, timeout)
    results = [_check_one(embedded, kwargs, moment) for embedded in signatures]
    # the worst signature decides; the first (oldest) signer is the document's signer
    worst = min(results, key=lambda r: STATE_ORDER.index(r["state"]))
    result = dict(results[0] if worst["state"] == "valid" else worst)
    result["details"] = "\n\n".join(r["details"] for r in results)
    return result


def _simple_signer(key, cert, other_certs):
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
    return signers.SimpleSigner(signing_cert=_to_asn1(cert), signing_key=key_info, cert_registry=registry)


# The stamp is written in a TrueType font with Vietnamese glyphs (Debian's fonts-noto-core, which
# scripts/bootstrap.sh installs; pyHanko embeds the subset it uses, with fontTools and uharfbuzz
# of requirements.txt). Without one, pyHanko's built-in Courier has no Vietnamese letters: the text
# is then written without its marks.
STAMP_FONTS = (
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def _stamp_style(stamp_text):
    """pyHanko's stamp style for ``stamp_text`` (taken literally: pyHanko interpolates %-parameters)."""
    font = next((path for path in STAMP_FONTS if os.path.exists(path)), None)
    options = {"timestamp_format": "%d/%m/%Y %H:%M:%S %z"}
    if font:
        options["text_box_style"] = TextBoxStyle(font=GlyphAccumulatorFactory(font, font_size=10), font_size=10)
    else:
        stamp_text = strip_diacritics(stamp_text)
    return stamp.TextStampStyle(stamp_text=stamp_text.replace("%", "%%") or "%(ts)s", **options)


def _new_field(writer, visible, stamp_text):
    """(name, spec, stamp style) of the signature field to add."""
    existing = len(list(sig_fields.enumerate_sig_fields(writer, filled_status=None)))
    field_name = "MotCuaSignature%d" % (existing + 1)
    if not visible:
        return field_name, sig_fields.SigFieldSpec(field_name), None
    style = _stamp_style(stamp_text)
    return field_name, sig_fields.SigFieldSpec(field_name, on_page=0, box=(330, 30, 570, 110)), style


def sign_pdf(data, key, cert, other_certs=(), visible=False, stamp_text="", reason="", location="", long_term=None):
    """Sign a PDF with a key and its certificate; return the signed bytes.

    A visible signature puts a stamp (``stamp_text``, in a font with Vietnamese letters: see
    ``STAMP_FONTS``) in the bottom right corner of the first page.

    :param long_term: None for a basic signature, or a dict making it PAdES B-LT: ``trust_roots``
        (cryptography certificates), ``allow_fetching``, ``timeout`` (seconds) and ``tsa_url``
        (an RFC 3161 time-stamping authority, optional). The signer's chain is validated at
        signing time, and its certificates, OCSP responses and CRLs are embedded in the
        document security store, so that the document still verifies offline and after the
        certificate expired. A revoked certificate, or one whose status no responder can tell,
        does not sign.
    """
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise SignatureError(str(exc)) from exc
    field_name, field_spec, style = _new_field(writer, visible, stamp_text)
    meta = {"field_name": field_name, "reason": reason or None, "location": location or None}
    timestamper = None
    if long_term:
        timeout = long_term.get("timeout") or 10
        meta["subfilter"] = SigSeedSubFilter.PADES
        meta["embed_validation_info"] = True
        meta["validation_context"] = ValidationContext(
            trust_roots=[_to_asn1(c) for c in long_term.get("trust_roots", ())],
            other_certs=[_to_asn1(c) for c in other_certs],
            allow_fetching=long_term.get("allow_fetching", True),
            fetcher_backend=RequestsFetcherBackend(per_request_timeout=timeout),
            revocation_mode="hard-fail",
        )
        if long_term.get("tsa_url"):
            timestamper = HTTPTimeStamper(long_term["tsa_url"], timeout=timeout)
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(**meta),
        signer=_simple_signer(key, cert, other_certs),
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=field_spec,
    )
    out = io.BytesIO()
    try:
        with _quiet_pyhanko():
            pdf_signer.sign_pdf(writer, output=out)
    except (SigningError, PathValidationError, TimestampRequestError, PdfError) as exc:
        raise SignatureError(str(exc)) from exc
    return out.getvalue()
