"""The online payment, digitisation and satisfaction indicators (over the dossier fields of
motcua_payment, motcua_digitisation and motcua_rating), on the hand-made dossiers of
tests/common.py with real payments and ratings."""

from odoo.tests import tagged

from odoo.addons.motcua_payment.tests.common import PaymentCase

from .common import IndicatorCase


@tagged("post_install", "-at_install")
class TestServiceQualityIndicators(IndicatorCase, PaymentCase):
    """On top of IndicatorCase's dossiers of commune A (fee 15,000 + charge 5,000 under the
    published procedure, none under the unpublished one of dossier 6):

    payments: dossier 2 and 4 online (demo provider), 1 in cash at the desk, 5 online but refused
    by the provider (failed), 3 unpaid;
    ratings: dossier 1 very satisfied (portal), 2 not satisfied (link), 8 satisfied (kiosk);
    dossier 9 (November) not rated;
    digitisation (papers "Application form" and "Divorce decision"): dossier 1 both received and
    scanned, 2 both received and one scanned, 3 one received and scanned, 4 nothing received;
    e-results issued for dossiers 1 and 2.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        d = dict(enumerate(cls.dossiers, 1))
        for index in (1, 2, 4, 5, 8, 9):
            d[index].sudo().partner_id = cls.citizen.partner_id
        cls.pay_online(cls, d[2])
        cls.pay_online(cls, d[4])
        cls.pay_online(cls, d[5], simulated_state="error")
        cls._pay_at_desk(d[1])
        d[1]._motcua_rate("portal", "5")
        d[2]._motcua_rate("link", "1")
        d[8]._motcua_rate("kiosk", "3")
        cls._digitise(d[1], received=2, scanned=2)
        cls._digitise(d[2], received=2, scanned=1)
        cls._digitise(d[3], received=1, scanned=1)
        for index in (1, 2):
            cls._issue_eresult(d[index])
        cls.env["motcua.indicator.value"]._motcua_refresh(today=cls.november.replace(day=20))

    @classmethod
    def _pay_at_desk(cls, dossier):
        """A cash payment as the desk records it (the dossier is forced to a settled state by
        the hand-made data: the desk's provider takes it as any done transaction)."""
        Transaction = cls.env["payment.transaction"].sudo()
        desk = cls.env.ref("motcua_payment.payment_provider_desk")
        tx = Transaction.create(
            {
                "provider_id": desk.id,
                "payment_method_id": cls.env.ref("motcua_payment.payment_method_cash").id,
                "reference": Transaction._compute_reference(desk.code, prefix=dossier.name),
                "amount": 20000,
                "currency_id": cls.vnd.id,
                "partner_id": dossier.partner_id.id,
                "operation": "offline",
                "motcua_dossier_ids": [(6, 0, dossier.ids)],
            }
        )
        tx._set_done()
        tx._post_process()

    @classmethod
    def _digitise(cls, dossier, received, scanned):
        """The paper lines as the desk leaves them (the hand-made dossiers are settled already:
        the lines are written as the scan action writes them)."""
        lines = dossier.paper_ids.sorted("sequence")
        lines[:received].write({"received": True})
        lines[:scanned].write(
            {"digitised": True, "digitised_by": cls.officer_a.id, "digitised_at": dossier.received_at}
        )

    @classmethod
    def _issue_eresult(cls, dossier):
        entry = cls.env["motcua.citizen.paper"].create(
            {"name": f"Result of {dossier.name}", "kind": "result", "dossier_id": dossier.id}
        )
        dossier.eresult_id = entry

    def test_contract_fields_follow_the_payments_and_ratings(self):
        d = dict(enumerate(self.dossiers, 1))
        self.assertEqual(
            [(d[i].fee_due, d[i].payment_state, d[i].paid_online) for i in (1, 2, 3, 5, 6)],
            [
                (True, "paid", False),
                (True, "paid", True),
                (True, "to_pay", False),
                (True, "to_pay", False),
                (False, "none", False),
            ],
        )
        self.assertEqual(
            [(d[i].rated, d[i].satisfied) for i in (1, 2, 3, 8)],
            [(True, True), (True, False), (False, False), (True, True)],
        )

    def test_paid_online(self):
        # received in October with fees: 1-5 (6 has none); paid online: 2 and 4 (1 at the desk,
        # 5 failed) -> 2 / 5 of 10 points
        self.assertFigure(self.figure(self.commune_a, self.october, "TTTT.1"), 2, 5, 4.0)
        # September: dossier 8 has fees, unpaid
        self.assertFigure(self.figure(self.commune_a, self.september, "TTTT.1"), 0, 1, 0.0)

    def test_papers_digitised(self):
        # received in October: 1-6; every received paper scanned: 1 and 3 (2 has one paper not
        # scanned, 4-6 received no paper on paper) -> 2 / 6 of 12 points
        self.assertFigure(self.figure(self.commune_a, self.october, "SHHS.1"), 2, 6, 4.0)

    def test_eresult_issued(self):
        # settled in October: 1, 2, 3, 8; e-result: 1, 2 -> 2 / 4 of 10 points
        self.assertFigure(self.figure(self.commune_a, self.october, "SHHS.2"), 2, 4, 5.0)
        # the group: 4 + 5 of its 22 points
        Value = self.env["motcua.indicator.value"].with_user(self.monitor)
        [(score, score_max)] = Value._read_group(
            [("unit_id", "=", self.commune_a.id), ("period", "=", self.october), ("group_id.code", "=", "SHHS")],
            [],
            ["score:sum", "score_max:sum"],
        )
        self.assertAlmostEqual(score, 9.0)
        self.assertAlmostEqual(score_max, 22.0)

    def test_satisfied(self):
        # settled in October: 1, 2, 3, 8; rated: 1, 2, 8; satisfied or better: 1, 8 -> 2 / 3 of 18
        self.assertFigure(self.figure(self.commune_a, self.october, "MDHL.1"), 2, 3, 12.0)
        # November: dossier 9 settled, nobody rated it: no value (not 0, not 18)
        self.assertFalse(self.figure(self.commune_a, self.november, "MDHL.1").has_value)

    def test_drill_down_to_the_unsatisfied(self):
        value = self.figure(self.commune_a, self.october, "MDHL.1")
        action = value.with_user(self.leader_a).action_open_denominator()
        rated = self.env["motcua.dossier"].with_user(self.leader_a).search(action["domain"])
        self.assertEqual(sorted(rated.mapped("name")), ["IND-1", "IND-2", "IND-8"])
