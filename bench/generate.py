# Dataset generator, run inside `odoo shell -d <db>` (reads `env`) on a database with the demo
# province (motcua_base + motcua_dossier demo data). Writes $BENCH_DOSSIERS dossiers received
# in the last 12 months, and $BENCH_EARLIER_SHARE times as many a year in each of the
# $BENCH_EARLIER_YEARS years before (a province's history at a lower rate), at the demo units
# for the demo procedures, with their papers, steps and units involved, in every state and with
# a realistic mix of early / on-time / late work.
#
# Rows are written by batched INSERT ... SELECT in PostgreSQL (100,000 dossiers a statement),
# following the real columns of the tables; values the ORM stores (amount_total, field_id,
# apology_count, timeliness of dossiers and steps) are computed by the same rules in SQL, then
# the ORM recomputes them on a random sample and the number of differences is reported (it
# must be 0). Not generated: chatter messages, followers, contacts (partner_id stays empty),
# apologies, SMS; working days skip weekends but not public holidays (the ORM's due dates do).
import os
import time
from datetime import datetime, timedelta

env = globals()["env"]
N = int(os.environ.get("BENCH_DOSSIERS", "1000000"))
BATCH = int(os.environ.get("BENCH_BATCH", "100000"))
EARLIER_YEARS = int(os.environ.get("BENCH_EARLIER_YEARS", "1"))
EARLIER_SHARE = float(os.environ.get("BENCH_EARLIER_SHARE", "0.25"))
cr = env.cr
began = time.time()
Dossier = env["motcua.dossier"]
now = datetime.utcnow().replace(microsecond=0)
# (first day, days, dossiers): the earlier years first, so that ids grow with time
EARLIER = int(N * EARLIER_SHARE * EARLIER_YEARS)
ERAS = [
    (now - timedelta(days=365 * (1 + EARLIER_YEARS)), 365 * EARLIER_YEARS, EARLIER),
    (now - timedelta(days=365), 364, N),
]

# --- reference data: receiving units and current procedures of the demo province ---------
centre = env.ref("motcua_base.unit_tay_ninh_service_centre")
communes = env["motcua.unit"].search([("unit_type", "=", "commune"), ("date_end", "=", False)])
assert communes, "no commune in the demo data"


def identifier(unit):
    ident = unit._motcua_identifier_unit()
    return ident.identifier_code or ident.code or str(ident.id)


procedures = env["motcua.procedure"].search([("current_id", "=", False)], order="id")
assert procedures, "no procedure in the demo data"
cr.execute("DROP TABLE IF EXISTS bench_unit, bench_proc, bench_tpl")
cr.execute("CREATE TEMP TABLE bench_unit (idx int, id int, ident varchar)")
cr.executemany(
    "INSERT INTO bench_unit VALUES (%s, %s, %s)", [(i + 1, u.id, identifier(u)) for i, u in enumerate(communes)]
)
cr.execute("""CREATE TEMP TABLE bench_proc (idx int, id int, dd float, dh float, fee int, charge int,
              field_id int, recv_unit int, recv_ident varchar, summary varchar)""")
rows = []
for i, proc in enumerate(procedures):
    province = proc.level != "commune"
    rows.append(
        (
            i + 1,
            proc.id,
            proc.duration_days or 0.0,
            proc.duration_hours or 0.0,
            proc.fee or 0,
            proc.charge or 0,
            proc.field_id.id or None,
            centre.id if province else None,
            identifier(centre) if province else None,
            proc.name[:200],
        )
    )
cr.executemany("INSERT INTO bench_proc VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
# step templates with their cumulative shares (a procedure without templates gets one step)
cr.execute("""
    CREATE TEMP TABLE bench_tpl AS
    SELECT p.id AS procedure_id, t.sequence, t.name, t.role, t.unit_id,
           (100.0 * coalesce(sum(t.share) OVER w - t.share, 0) / sum(t.share) OVER (PARTITION BY p.id))::float8 AS lo,
           (100.0 * sum(t.share) OVER w / sum(t.share) OVER (PARTITION BY p.id))::float8 AS hi, t.share
      FROM bench_proc p JOIN motcua_procedure_step t ON t.procedure_id = p.id
    WINDOW w AS (PARTITION BY p.id ORDER BY t.sequence, t.id)
    UNION ALL
    SELECT p.id, 10, 'Xử lý', 'specialist', NULL, 0::float8, 100::float8, 100::float8 FROM bench_proc p
     WHERE NOT EXISTS (SELECT 1 FROM motcua_procedure_step t WHERE t.procedure_id = p.id)""")
n_units = len(communes)
n_procs = len(procedures)
officer = env.ref("motcua_base.user_receiving_officer").id
cr.execute("SELECT setseed(0.42)")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Ngọc", "Hữu", "Đức", "Thu", "Hoài"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Em",
    "Phương",
    "Giang",
    "Hạnh",
    "Khang",
    "Lan",
    "Minh",
    "Nam",
    "Oanh",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Uyên",
    "Vinh",
    "Xuân",
    "Yến",
    "Thảo",
    "Tuấn",
    "Hùng",
]

# --- dossiers ------------------------------------------------------------------------------
DOSSIER_SQL = """
WITH base AS (
    SELECT g AS i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
           1 + floor(random() * %(np)s)::int AS pidx, 1 + floor(random() * %(nu)s)::int AS uidx
      FROM generate_series(%(lo)s, %(hi)s) g
), picked AS (
    SELECT b.*, p.id AS procedure_id, p.dd, p.dh, p.fee, p.charge, p.field_id, p.summary,
           coalesce(p.recv_unit, u.id) AS unit_id, coalesce(p.recv_ident, u.ident) AS ident,
           -- a working day (Mon-Fri) between 07:30 and 17:00 local (00:30-10:00 UTC)
           date_trunc('day', %(t0)s::timestamp + b.r1 * %(span)s * interval '1 day') AS day0
      FROM base b JOIN bench_proc p ON p.idx = b.pidx JOIN bench_unit u ON u.idx = b.uidx
), received AS (
    SELECT pk.*,
           pk.day0 + CASE extract(isodow FROM pk.day0) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END * interval '1 day'
                   + interval '30 minutes' + pk.r2 * interval '9 hours 30 minutes' AS rcv
      FROM picked pk
), due AS (
    SELECT r.*,
           r.rcv + (ceil(r.dd) + 2 * floor((extract(isodow FROM r.rcv) - 1 + ceil(r.dd)) / 5)) * interval '1 day'
                 + r.dh * interval '1 hour' AS due
      FROM received r
), planned AS (
    -- when the work is (or will be) finished: 55%% early, 37%% on the due day, 8%% late
    SELECT d.*, greatest(d.rcv + interval '20 minutes', CASE
               WHEN d.r4 < 0.55 THEN d.rcv + (d.due - d.rcv) * (0.15 + 0.6 * d.r5)
               WHEN d.r4 < 0.92 THEN d.due - d.r5 * interval '90 minutes'
               ELSE d.due + interval '1 day' * (1 + 10 * d.r5) END) AS fin
      FROM due d
), fated AS (
    SELECT p.*, CASE
               WHEN p.r3 < 0.002 AND p.rcv > %(now)s::timestamp - interval '30 days' THEN 'draft'
               WHEN p.r3 < 0.032 THEN 'refused'
               WHEN p.r3 < 0.052 THEN 'withdrawn'
               WHEN p.fin <= %(now)s AND p.fin + p.r6 * interval '3 days' <= %(now)s AND p.r7 > 0.03 THEN 'returned'
               WHEN p.fin <= %(now)s THEN 'result_ready'
               WHEN p.r7 < 0.08 THEN 'supplement'
               WHEN p.r7 < 0.25 AND p.rcv > %(now)s::timestamp - interval '3 days' THEN 'received'
               ELSE 'in_progress' END AS state
      FROM planned p
), full_rows AS (
    SELECT f.*,
           CASE WHEN f.state = 'supplement' THEN f.rcv + (%(now)s::timestamp - f.rcv) * f.r6 END AS paused,
           CASE WHEN f.state IN ('refused', 'withdrawn')
                THEN least(%(now)s::timestamp, f.rcv + (f.due - f.rcv) * f.r5) END AS stopped
      FROM fated f
)
INSERT INTO motcua_dossier (
    unit_id, handling_unit_id, procedure_id, field_id, fee, charge, amount_total, received_by_id,
    supplement_count, apology_count, receipt_print_count, create_uid, write_uid, name, lookup_key, state,
    applicant_type, applicant_name, applicant_id_number, applicant_phone, applicant_address, channel,
    return_channel, state_before_pause, timeliness, request_summary, supplement_request, refusal_reason,
    withdraw_reason, received_at, start_at, due_at, original_due_at, paused_at, result_ready_at,
    finished_at, returned_at, closed_at, create_date, write_date, duration_days, duration_hours, paused_hours)
SELECT r.unit_id, CASE WHEN r.state <> 'draft' THEN r.unit_id END, r.procedure_id, r.field_id, r.fee, r.charge,
       r.fee + r.charge, CASE WHEN r.state <> 'draft' THEN %(officer)s END,
       (r.state = 'supplement')::int, 0, CASE WHEN r.state <> 'draft' THEN 1 ELSE 0 END, 1, 1,
       CASE WHEN r.state = 'draft' THEN 'Mới'
            ELSE r.ident || '-' || to_char(r.rcv + interval '7 hours', 'YYMMDD') || '-' || lpad(r.i::text, 7, '0') END,
       CASE WHEN r.state <> 'draft' THEN translate(upper(substr(md5(r.i::text || 'k'), 1, 6)), '01', '9H') END,
       r.state, CASE WHEN r.r5 < 0.04 THEN 'organisation' ELSE 'citizen' END,
       (%(family)s::varchar[])[1 + (r.i * 7) %% %(nf)s] || ' ' || (%(middle)s::varchar[])[1 + (r.i / 7) %% %(nm)s]
           || ' ' || (%(given)s::varchar[])[1 + (r.i / 70) %% %(ng)s],
       CASE WHEN r.r5 < 0.04 THEN lpad(((r.i::bigint * 7919) %% 10000000000)::text, 10, '0')
            ELSE '0800' || lpad(((r.i::bigint * 104729) %% 100000000)::text, 8, '0') END,
       CASE WHEN r.r6 < 0.9 THEN '09' || substr(lpad(((r.i::bigint * 15485863) %% 100000000)::text, 8, '0'), 1, 2)
           || ' ' || substr(lpad(((r.i::bigint * 15485863) %% 100000000)::text, 8, '0'), 3, 3)
           || ' ' || substr(lpad(((r.i::bigint * 15485863) %% 100000000)::text, 8, '0'), 6, 3) END,
       (1 + r.i %% 300) || ' đường Hùng Vương', CASE WHEN r.r2 < 0.6 THEN 'desk' WHEN r.r2 < 0.95 THEN 'online' ELSE 'post' END,
       'desk', CASE WHEN r.state = 'supplement' THEN 'in_progress' END,
       CASE WHEN r.state IN ('result_ready', 'returned') THEN
                CASE WHEN r.fin > r.due THEN 'late'
                     WHEN (r.fin + interval '7 hours')::date < (r.due + interval '7 hours')::date THEN 'early'
                     ELSE 'on_time' END
            WHEN r.state = 'supplement' THEN CASE WHEN r.paused > r.due THEN 'overdue' ELSE 'within' END
            WHEN r.state IN ('received', 'in_progress') THEN CASE WHEN %(now)s > r.due THEN 'overdue' ELSE 'within' END
       END,
       r.summary, CASE WHEN r.state = 'supplement' THEN 'Thiếu bản sao giấy tờ tùy thân.' END,
       CASE WHEN r.state = 'refused' THEN 'Không đủ điều kiện theo quy định.' END,
       CASE WHEN r.state = 'withdrawn' THEN 'Người nộp xin rút hồ sơ.' END,
       CASE WHEN r.state <> 'draft' THEN r.rcv END, CASE WHEN r.state <> 'draft' THEN r.rcv END,
       CASE WHEN r.state <> 'draft' THEN r.due END, CASE WHEN r.state <> 'draft' THEN r.due END, r.paused,
       CASE WHEN r.state IN ('result_ready', 'returned') THEN r.fin END,
       CASE WHEN r.state IN ('result_ready', 'returned') THEN r.fin END,
       CASE WHEN r.state = 'returned' THEN r.fin + r.r6 * interval '3 days' END,
       CASE WHEN r.state = 'returned' THEN r.fin + r.r6 * interval '3 days' ELSE r.stopped END,
       r.rcv, coalesce(r.stopped, least(r.fin, %(now)s::timestamp)),
       CASE WHEN r.state <> 'draft' THEN r.dd ELSE 0 END, CASE WHEN r.state <> 'draft' THEN r.dh ELSE 0 END, 0
  FROM full_rows r
 ORDER BY r.i
"""

STEP_SQL = """
INSERT INTO motcua_dossier_step (dossier_id, sequence, from_unit_id, unit_id, user_id, create_uid, write_uid, name,
                                 role, state, timeliness, is_transfer, start_at, deadline, done_at, create_date,
                                 write_date, share)
SELECT s.dossier_id, s.sequence, s.dossier_unit, s.unit_id, CASE WHEN s.state = 'done' THEN %(officer)s END, 1, 1,
       s.name, s.role, s.state,
       CASE WHEN s.state = 'done' THEN
                CASE WHEN s.done_at > s.deadline THEN 'late'
                     WHEN (s.done_at + interval '7 hours')::date < (s.deadline + interval '7 hours')::date THEN 'early'
                     ELSE 'on_time' END
            WHEN s.state = 'open' THEN CASE WHEN coalesce(s.paused_at, %(now)s) > s.deadline THEN 'overdue' ELSE 'within' END
       END,
       false, CASE WHEN s.state <> 'todo' THEN s.start_at END, CASE WHEN s.state <> 'todo' THEN s.deadline END,
       CASE WHEN s.state = 'done' THEN s.done_at END, s.received_at, s.received_at, s.share
  FROM (
    SELECT d.id AS dossier_id, d.unit_id AS dossier_unit, d.received_at, d.paused_at, t.sequence, t.name, t.role,
           t.share, coalesce(t.unit_id, d.unit_id) AS unit_id,
           d.received_at + (coalesce(d.finished_at, d.due_at) - d.received_at) * t.lo / 100 AS start_at,
           d.received_at + (d.due_at - d.received_at) * t.hi / 100 AS deadline,
           d.received_at + (coalesce(d.finished_at, d.due_at) - d.received_at) * t.hi / 100 AS done_at,
           CASE WHEN d.state IN ('result_ready', 'returned') THEN 'done'
                WHEN d.received_at + (d.due_at - d.received_at) * t.hi / 100 <= coalesce(d.paused_at, %(now)s)
                     AND t.hi < 100 THEN 'done'
                WHEN d.received_at + (d.due_at - d.received_at) * t.lo / 100 <= coalesce(d.paused_at, %(now)s)
                     OR t.lo = 0 THEN 'open'
                ELSE 'todo' END AS state
      FROM motcua_dossier d JOIN bench_tpl t ON t.procedure_id = d.procedure_id
     WHERE d.id > %(after)s AND d.state IN ('in_progress', 'supplement', 'result_ready', 'returned')
  ) s
"""
# at most one open step per dossier: the first of the steps computed as open
FIX_OPEN_SQL = """
UPDATE motcua_dossier_step s SET state = 'todo', start_at = NULL, deadline = NULL, timeliness = NULL
  FROM (SELECT id, row_number() OVER (PARTITION BY dossier_id ORDER BY sequence, id) AS n
          FROM motcua_dossier_step WHERE dossier_id > %(after)s AND state = 'open') o
 WHERE s.id = o.id AND o.n > 1
"""
PAPER_SQL = """
INSERT INTO motcua_dossier_paper (dossier_id, sequence, quantity, create_uid, write_uid, name, paper_type, mandatory,
                                  received, create_date, write_date)
SELECT d.id, p.sequence, p.quantity, 1, 1, p.name, p.paper_type, p.mandatory, d.state <> 'draft', d.create_date,
       d.create_date
  FROM motcua_dossier d JOIN motcua_procedure_paper p ON p.procedure_id = d.procedure_id
 WHERE d.id > %(after)s
"""
ACCESS_SQL = """
INSERT INTO motcua_dossier_access_unit_rel (dossier_id, unit_id)
SELECT DISTINCT d.id, u.unit_id FROM motcua_dossier d
  CROSS JOIN LATERAL (SELECT d.unit_id AS unit_id UNION SELECT s.unit_id FROM motcua_dossier_step s
                       WHERE s.dossier_id = d.id AND s.state IN ('open', 'done')) u
 WHERE d.id > %(after)s AND d.state <> 'draft'
ON CONFLICT DO NOTHING
"""
HANDLING_SQL = """
UPDATE motcua_dossier d SET handling_unit_id = s.unit_id
  FROM motcua_dossier_step s
 WHERE s.dossier_id = d.id AND s.state = 'open' AND d.id > %(after)s AND d.state IN ('in_progress', 'supplement')
"""

# The applicants' personal data live in motcua_dossier_personal (behind the handlers' record
# rules): the rows are generated with the dossier, in columns added for the time of the
# generation, then moved there.
PERSONAL_COLUMNS_SQL = """
ALTER TABLE motcua_dossier ADD COLUMN IF NOT EXISTS applicant_id_number varchar,
                           ADD COLUMN IF NOT EXISTS applicant_phone varchar,
                           ADD COLUMN IF NOT EXISTS applicant_address varchar
"""
PERSONAL_SQL = """
WITH personal AS (
    INSERT INTO motcua_dossier_personal (dossier_id, id_number, phone, address, create_uid, write_uid, create_date,
                                         write_date)
    SELECT d.id, d.applicant_id_number, d.applicant_phone, d.applicant_address, 1, 1, d.create_date, d.create_date
      FROM motcua_dossier d WHERE d.id > %(after)s
    RETURNING id, dossier_id
)
UPDATE motcua_dossier d SET personal_id = p.id, legal_due_at = d.due_at FROM personal p WHERE p.dossier_id = d.id
"""

params = {
    "np": n_procs,
    "nu": n_units,
    "now": now,
    "officer": officer,
    "family": FAMILY,
    "middle": MIDDLE,
    "given": GIVEN,
    "nf": len(FAMILY),
    "nm": len(MIDDLE),
    "ng": len(GIVEN),
}
cr.execute("SELECT coalesce(max(id), 0) FROM motcua_dossier")
first_after = cr.fetchone()[0]
cr.execute("SELECT coalesce(max(id), 0) FROM motcua_dossier_step")
first_step = cr.fetchone()[0]
cr.execute(PERSONAL_COLUMNS_SQL)
TOTAL = sum(count for _t0, _span, count in ERAS)
done = 0
for t0, span, count in ERAS:
    era_end = done + count
    while done < era_end:
        size = min(BATCH, era_end - done)
        cr.execute("SELECT coalesce(max(id), 0) FROM motcua_dossier")
        after = cr.fetchone()[0]
        batch_params = dict(params, t0=t0, span=span, lo=done + 1, hi=done + size, after=after)
        cr.execute(DOSSIER_SQL, batch_params)
        for sql in (STEP_SQL, FIX_OPEN_SQL, PAPER_SQL, ACCESS_SQL, HANDLING_SQL, PERSONAL_SQL):
            cr.execute(sql, batch_params)
        cr.commit()
        done += size
        print(f"BENCH progress {done}/{TOTAL} dossiers, {time.time() - began:.0f} s", flush=True)
cr.execute(
    "ALTER TABLE motcua_dossier DROP COLUMN applicant_id_number, DROP COLUMN applicant_phone, "
    "DROP COLUMN applicant_address"
)
cr.commit()
env.invalidate_all()

# --- the leaders' daily figures, kept by the ORM's writes, are rebuilt after rows written in SQL
rebuilt = time.time()
env["motcua.dossier.daily.figures"]._motcua_rebuild()
cr.commit()
cr.execute("SELECT count(*) FROM motcua_dossier_daily_figures")
print(f"BENCH daily figures: {cr.fetchone()[0]} rows rebuilt in {time.time() - rebuilt:.1f} s", flush=True)

# --- the ORM recomputes its stored values on a sample: the generator must agree ----------
sample_size = min(2000, N)
cr.execute("SELECT id FROM motcua_dossier WHERE id > %s ORDER BY random() LIMIT %s", [first_after, sample_size])
sample = Dossier.browse([r[0] for r in cr.fetchall()])
watched = ["amount_total", "field_id", "apology_count", "timeliness"]


def snapshot(records):
    cr.execute(
        "SELECT id, amount_total, field_id, apology_count, timeliness FROM motcua_dossier WHERE id = ANY(%s)",
        [records.ids],
    )
    dossiers = {row[0]: row[1:] for row in cr.fetchall()}
    cr.execute("SELECT id, timeliness, state FROM motcua_dossier_step WHERE dossier_id = ANY(%s)", [records.ids])
    return dossiers, {row[0]: row[1:] for row in cr.fetchall()}


before = snapshot(sample)
for fname in ("amount_total", "field_id", "apology_count"):
    env.add_to_compute(Dossier._fields[fname], sample)
sample.with_context(motcua_now=now)._motcua_update_timeliness(now)
env.flush_all()
after = snapshot(sample)
diff_dossiers = sum(1 for k, v in before[0].items() if after[0].get(k) != v)
diff_steps = sum(1 for k, v in before[1].items() if after[1].get(k) != v)
cr.commit()

cr.execute("SELECT state, count(*) FROM motcua_dossier GROUP BY 1 ORDER BY 2 DESC")
states = dict(cr.fetchall())
cr.execute("SELECT timeliness, count(*) FROM motcua_dossier WHERE state IN ('result_ready', 'returned') GROUP BY 1")
mix = dict(cr.fetchall())
cr.execute("SELECT count(*) FROM motcua_dossier_step WHERE id > %s", [first_step])
steps = cr.fetchone()[0]
print(f"BENCH states {states}")
print(f"BENCH finished timeliness {mix}")
print(f"BENCH ORM recompute on {len(sample)} sampled dossiers: {diff_dossiers} dossiers and {diff_steps} steps changed")
cr.execute("SELECT count(*) FROM motcua_dossier WHERE received_at >= %s", [now - timedelta(days=365)])
print(f"BENCH last 12 months: {cr.fetchone()[0]} dossiers received")
print(f"BENCH generated {TOTAL} dossiers, {steps} steps in {time.time() - began:.0f} s")
