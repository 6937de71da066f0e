from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import content_disposition, request

KINDS = {
    "xlsx": ("_motcua_register_xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": ("_motcua_register_pdf", "pdf", "application/pdf"),
}


class MotcuaDossierRegister(http.Controller):
    """Downloads of the tracking register (XLSX, PDF) prepared in its wizard."""

    @http.route("/motcua/register/<int:wizard_id>/<string:kind>", type="http", auth="user", methods=["GET"])
    def register_download(self, wizard_id, kind, **kwargs):
        if kind not in KINDS:
            raise request.not_found()
        wizard = request.env["motcua.dossier.register.wizard"].browse(wizard_id).exists()
        try:
            wizard.check_access("read")
        except AccessError:
            wizard = None
        if not wizard or wizard.create_uid != request.env.user:  # a wizard is its creator's
            raise request.not_found()
        method, extension, mimetype = KINDS[kind]
        try:
            wizard._motcua_check_period()
            content = getattr(wizard, method)()
        except UserError as error:
            return request.make_response(error.args[0], [("Content-Type", "text/plain; charset=utf-8")], status=400)
        filename = f"So theo doi ho so {wizard.date_from:%Y-%m-%d} {wizard.date_to:%Y-%m-%d}.{extension}"
        return request.make_response(
            content,
            [
                ("Content-Type", mimetype),
                ("Content-Length", str(len(content))),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
