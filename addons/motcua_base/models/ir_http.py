from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _match(cls, path):
        """Public pages speak the website's default language (Vietnamese) to every visitor,
        whatever language their browser asks for first: a visitor switches to another one with
        the language switch (the URL prefix, then the ``frontend_lang`` cookie). Signed-in users
        keep their own language."""
        if (
            not hasattr(request, "is_frontend")
            and not request.session.uid
            and not request.cookies.get("frontend_lang")
            and request.httprequest.accept_languages
        ):
            website = request.env["website"].sudo().get_current_website()
            if website.default_lang_id:
                request.update_context(lang=website.default_lang_id.code)
        return super()._match(path)
