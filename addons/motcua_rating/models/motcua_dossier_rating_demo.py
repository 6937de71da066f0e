from odoo import api, models

# (demo dossier, channel, level, reasons, comment); the citizen's dossiers: 6 (left to rate) and 7
DEMO_RATINGS = [
    ("dossier_demo_7", "portal", "5", ["reason_good_service"], "Cán bộ hướng dẫn tận tình, trả kết quả sớm."),
    ("dossier_demo_13", "kiosk", "3", ["reason_waited_too_long"], ""),
    (
        "dossier_demo_17",
        "link",
        "1",
        ["reason_extra_papers", "reason_travelled_several_times"],
        "Phải đi lại hai lần vì được yêu cầu thêm bản sao không có trong thủ tục.",
    ),
]
CITIZEN_DOSSIERS = ["dossier_demo_6", "dossier_demo_7"]


class MotcuaDossier(models.Model):
    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _motcua_load_rating_demo(self):
        ref = self.env.ref
        citizen = ref("motcua_rating.user_citizen")
        for xmlid in CITIZEN_DOSSIERS:
            dossier = ref(f"motcua_dossier.{xmlid}", raise_if_not_found=False)
            if dossier:
                dossier.sudo().write(
                    {
                        "partner_id": citizen.partner_id.id,
                        "applicant_email": citizen.email,
                        "applicant_name": citizen.name,
                    }
                )
        for xmlid, channel, level, reasons, comment in DEMO_RATINGS:
            dossier = ref(f"motcua_dossier.{xmlid}", raise_if_not_found=False)
            if dossier and dossier.state == "returned" and not dossier.rated:
                reason_ids = [ref(f"motcua_rating.{reason}").id for reason in reasons]
                dossier._motcua_rate(channel, level, reason_ids, comment)
