from odoo import api, models

from .motcua_dvcqg_message import SERVICE_UPDATE


class MotcuaDvcqgMessage(models.Model):
    """Inter-agency dossiers are counted once nationally too.

    An inbound inter-agency dossier (received by an agency outside this system, which announced it
    to the national portal under its code) is never announced again as a new dossier: no
    ``DongBoHoSoMC`` "received" message; the progress of our steps goes as ``CapNhatTienDoHoSoMC``
    updates under the origin's code (``MaHoSo``), with the origin as the dossier's agency
    (``MaDonVi``) and our unit as the one processing (``MaDonViXuLy``). Their idempotency keys
    carry our agency code, so that they never collide with the origin's own messages.
    A dossier transferred between our units, or to an agency outside, is one dossier: announced
    once, then updated.
    """

    # one file per concern of the message: split on purpose
    _inherit = "motcua.dvcqg.message"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    @api.private
    def _motcua_enqueue(self, dossiers, event, **facts):
        inbound = dossiers.filtered("origin_agency_code")
        messages = super()._motcua_enqueue(dossiers - inbound, event, **facts)
        if event == "received" or not inbound:
            return messages  # the origin agency announced it
        updates = super()._motcua_enqueue(inbound, event, **facts)
        Agency = self.env["motcua.dvcqg.agency.map"]
        for message in updates.sudo():
            dossier = message.dossier_id
            ours = Agency._motcua_code_of(dossier.unit_id) or str(dossier.unit_id.id)
            message.write(
                {
                    "service": SERVICE_UPDATE,
                    "idempotency_key": f"{dossier.name}#{ours}#{message.sequence:03d}",
                }
            )
        return messages | updates

    @api.model
    def _motcua_codes(self, dossier, state):
        codes, problems = super()._motcua_codes(dossier, state)
        if dossier.origin_agency_code:
            codes["MaDonVi"] = dossier.origin_agency_code  # the dossier is the origin agency's
        return codes, problems

    @api.model
    def _motcua_payload(self, dossier, event, state, facts):
        data, problems = super()._motcua_payload(dossier, event, state, facts)
        if dossier.origin_agency_code and "MaDonViXuLy" not in data:
            unit = dossier.current_step_id.unit_id or dossier.handling_unit_id or dossier.unit_id
            data["MaDonViXuLy"] = self.env["motcua.dvcqg.agency.map"]._motcua_code_of(unit) or ""
        return data, problems
