from datetime import date

from odoo.addons.motcua_dossier.tests.common import DossierCase, utc

__all__ = ["IndicatorCase", "utc"]


class IndicatorCase(DossierCase):
    """Hand-made dossiers of commune A (and one of commune B) whose counts are written in the
    tests. Months are local (Viet Nam) months; received and settled moments are given in local
    time through ``utc``.

    commune A, October 2026 (received in October unless said):
      1 desk,   returned,     settled in October, early
      2 online, returned,     settled in October, on time
      3 post,   result ready, settled in October, late
      4 online, in progress,  within time
      5 desk,   in progress,  overdue
      6 desk,   supplement,   within time, under a procedure with no published papers
      7 draft (never received)
      8 desk,   returned, received 30 September, settled 1 October, late
    commune A, November 2026:
      9 post,   returned, received 3 November, settled 5 November, on time
    commune B, October 2026:
     10 desk,   returned,     settled in October, early
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure.result_paper = "Marital-status certificate"
        cls.unpublished = cls.env["motcua.procedure"].create(
            {"code": "T.0002", "name": "Procedure without published papers", "duration_days": 3}
        )
        rows = [
            ("desk", "returned", utc(2026, 10, 5, 9), utc(2026, 10, 6, 9), "early", cls.procedure),
            ("online", "returned", utc(2026, 10, 6, 9), utc(2026, 10, 8, 9), "on_time", cls.procedure),
            ("post", "result_ready", utc(2026, 10, 7, 9), utc(2026, 10, 20, 9), "late", cls.procedure),
            ("online", "in_progress", utc(2026, 10, 28, 9), False, "within", cls.procedure),
            ("desk", "in_progress", utc(2026, 10, 1, 0, 30), False, "overdue", cls.procedure),
            ("desk", "supplement", utc(2026, 10, 31, 23, 30), False, "within", cls.unpublished),
            ("desk", "draft", False, False, False, cls.procedure),
            ("desk", "returned", utc(2026, 9, 30, 16), utc(2026, 10, 1, 8), "late", cls.procedure),
            ("post", "returned", utc(2026, 11, 3, 9), utc(2026, 11, 5, 9), "on_time", cls.procedure),
        ]
        cls.dossiers = [cls._hand_made(cls.commune_a, *row, index=index) for index, row in enumerate(rows, 1)]
        cls.dossier_b = cls._hand_made(
            cls.commune_b,
            "desk",
            "returned",
            utc(2026, 10, 5, 9),
            utc(2026, 10, 6, 9),
            "early",
            cls.procedure,
            index=10,
        )
        cls.october, cls.september, cls.november = date(2026, 10, 1), date(2026, 9, 1), date(2026, 11, 1)
        cls.env["motcua.indicator.value"]._motcua_refresh(today=date(2026, 11, 20))

    @classmethod
    def _hand_made(cls, unit, channel, state, received_at, finished_at, timeliness, procedure, index):
        dossier = cls.env["motcua.dossier"].create(
            {
                "procedure_id": procedure.id,
                "unit_id": unit.id,
                "applicant_name": f"Người nộp {index}",
                "channel": channel,
            }
        )
        if state != "draft":
            dossier.write(
                {
                    "name": f"IND-{index}",
                    "state": state,
                    "received_at": received_at,
                    "finished_at": finished_at,
                    "timeliness": timeliness,
                }
            )
        return dossier

    def figure(self, unit, month, code, user=None):
        """(numerator, denominator, has_value, value, score, score_max) of a stored figure."""
        value = (
            self.env["motcua.indicator.value"]
            .with_user(user or self.monitor)
            .search([("unit_id", "=", unit.id), ("period", "=", month), ("indicator_id.code", "=", code)])
        )
        self.assertEqual(len(value), 1, f"one figure of {code} for {unit.name} in {month}")
        return value

    def assertFigure(self, value, numerator, denominator, points):
        self.assertEqual((value.numerator, value.denominator), (numerator, denominator))
        self.assertTrue(value.has_value)
        self.assertAlmostEqual(value.value, points, places=4)
