"""Uploads from citizens and staff are checked by their content, not by their name."""

import mimetypes

from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

# The kinds whose content is checked against their name (others have no reliable signature).
CHECKED_EXTENSIONS = {"pdf", "png", "jpg", "jpeg", "gif", "docx", "xlsx", "pptx", "odt", "ods", "zip"}
# Office formats are ZIP containers: their sniffed type may be the container's.
ZIP_CONTAINERS = {"docx", "xlsx", "pptx", "odt", "ods"}


def sniff_mimetype(raw):
    """The type of a file from its first bytes (Odoo's sniffer, libmagic when installed)."""
    return guess_mimetype(raw or b"")


def check_file_content(env, raw, name, allowed=None):
    """Raise a translated ValidationError when the file `name` is not what its extension claims,
    or (with `allowed`, a set of extensions) is not one of the allowed kinds."""
    extension = name.rsplit(".", 1)[-1].lower() if name and "." in name else ""
    if allowed is not None and extension not in allowed:
        raise ValidationError(
            env._(
                "The file %(name)s is not accepted: send one of %(kinds)s.",
                name=name or "?",
                kinds=", ".join(sorted(ext.upper() for ext in allowed)),
            )
        )
    if extension not in CHECKED_EXTENSIONS:
        return
    claimed = mimetypes.guess_type("x." + extension)[0]
    actual = sniff_mimetype(raw)
    if extension in ZIP_CONTAINERS and actual in (claimed, "application/zip"):
        return
    if claimed != actual and not (extension == "zip" and actual.startswith("application/")):
        raise ValidationError(
            env._(
                "The file %(name)s is not a %(ext)s file: its content is %(actual)s.",
                name=name,
                ext=extension.upper(),
                actual=actual,
            )
        )
