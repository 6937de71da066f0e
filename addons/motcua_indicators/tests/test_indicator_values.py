"""Each shipped indicator's arithmetic on the hand-made dossiers of tests/common.py."""

from datetime import date

from odoo.tests import tagged

from .common import IndicatorCase


@tagged("post_install", "-at_install")
class TestIndicatorValues(IndicatorCase):
    def test_public_information(self):
        # October: 6 received (1-6), 5 under the fully published procedure (not 6)
        self.assertFigure(self.figure(self.commune_a, self.october, "CKMB.1"), 5, 6, 15.0)
        # September: dossier 8 only
        self.assertFigure(self.figure(self.commune_a, self.september, "CKMB.1"), 1, 1, 18.0)

    def test_settled_on_time(self):
        # settled in October: 1, 2, 3 and 8 (received in September); early or on time: 1, 2
        self.assertFigure(self.figure(self.commune_a, self.october, "TDGQ.1"), 2, 4, 7.0)
        self.assertFigure(self.figure(self.commune_a, self.november, "TDGQ.1"), 1, 1, 14.0)

    def test_open_within_time(self):
        # received in October and still open: 4, 5, 6; not overdue: 4, 6
        self.assertFigure(self.figure(self.commune_a, self.october, "TDGQ.2"), 2, 3, 4.0)

    def test_received_online(self):
        # received in October: 6, online: 2 and 4 (3 came by post)
        self.assertFigure(self.figure(self.commune_a, self.october, "DVTT.1"), 2, 6, 4.0)
        self.assertFigure(self.figure(self.commune_a, self.september, "DVTT.1"), 0, 1, 0.0)

    def test_group_scores_and_total(self):
        Value = self.env["motcua.indicator.value"].with_user(self.monitor)
        scores = {
            group.code: (score, score_max)
            for group, score, score_max in Value._read_group(
                [("unit_id", "=", self.commune_a.id), ("period", "=", self.october)],
                ["group_id"],
                ["score:sum", "score_max:sum"],
            )
        }
        self.assertAlmostEqual(scores["CKMB"][0], 15.0)
        self.assertAlmostEqual(scores["TDGQ"][0], 11.0, msg="7 + 4 of the progress group's 20 points")
        self.assertAlmostEqual(scores["DVTT"][0], 4.0)
        self.assertAlmostEqual(scores["TDGQ"][1], 20.0)
        [(total, total_max)] = Value._read_group(
            [("unit_id", "=", self.commune_a.id), ("period", "=", self.october)], [], ["score:sum", "score_max:sum"]
        )
        self.assertAlmostEqual(total, 30.0)
        # 18 + 20 + 12, and the groups with a value but no points here: online payment (10: dossiers
        # 1-5 have fees, none paid online) and digitisation (22: nothing scanned, no e-result);
        # satisfaction has none (nobody rated)
        self.assertAlmostEqual(total_max, 82.0)

    def test_empty_denominator_has_no_value(self):
        # September: nothing settled, nothing open: no value (not 0, not the full points)
        for code in ("TDGQ.1", "TDGQ.2"):
            value = self.figure(self.commune_a, self.september, code)
            self.assertEqual((value.numerator, value.denominator, value.has_value), (0, 0, False))
            self.assertEqual((value.value, value.score, value.score_max), (0.0, 0.0, 0.0))
        table = self.env["motcua.indicator.value"]._motcua_public_table(self.september)
        line = next(line for line in table["lines"] if line["unit_name"] == "Commune A")
        progress = self.env.ref("motcua_indicators.group_progress")
        self.assertNotIn(progress.id, line["groups"], "the progress group shows —")
        self.assertAlmostEqual(line["total"], 18.0)
        # the groups that have a value: 18 + 12, online payment 10 (dossier 8 has fees, unpaid) and
        # digitisation 22 (its points on SHHS.1 alone: nothing settled in September for SHHS.2)
        self.assertAlmostEqual(line["max"], 62.0)

    def test_a_group_with_one_empty_indicator_keeps_its_points(self):
        # November: 1 settled on time (14 points of 14), no open dossier received: the progress
        # group's 20 points go to the indicator that has a value
        settled = self.figure(self.commune_a, self.november, "TDGQ.1")
        self.assertAlmostEqual(settled.score, 20.0)
        self.assertAlmostEqual(settled.score_max, 20.0)
        self.assertFalse(self.figure(self.commune_a, self.november, "TDGQ.2").has_value)

    def test_units_are_counted_apart(self):
        self.assertFigure(self.figure(self.commune_b, self.october, "TDGQ.1"), 1, 1, 14.0)
        self.assertFigure(self.figure(self.commune_b, self.october, "DVTT.1"), 0, 1, 0.0)

    def test_refresh_keeps_one_figure_per_cell_and_older_months(self):
        Value = self.env["motcua.indicator.value"]
        Value._motcua_refresh(today=date(2026, 11, 20))
        self.figure(self.commune_a, self.october, "TDGQ.1")  # one, not two
        # a year later October 2026 is out of the 12 months recomputed: it stays as it was, even
        # if a dossier of it changes
        self.dossiers[2].write({"timeliness": "on_time"})
        Value._motcua_refresh(today=date(2027, 11, 5))
        self.assertEqual(self.figure(self.commune_a, self.october, "TDGQ.1").numerator, 2)
        # in September 2027 it is the oldest of the 12 months, recomputed
        Value._motcua_refresh(today=date(2027, 9, 5))
        self.assertEqual(self.figure(self.commune_a, self.october, "TDGQ.1").numerator, 3)
