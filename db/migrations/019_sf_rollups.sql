-- Up Migration

-- Shop-floor pack, stored per-shift rollups (issue 10, item 6): one row per
-- organization, line, product (the work order's), shift and shift date,
-- holding SUMS only (never a percentage), so any KPI over any grouping is its
-- formula over summed times and counts (shared/shop-floor/rollup-kpis.ts).
-- Kept current after every write, whoever the writer (Zero mutators, REST, a
-- bulk INSERT), by statement-level triggers on the entry tables that apply
-- DELTAS with INSERT ... ON CONFLICT DO UPDATE SET x = x + excluded.x: two
-- transactions writing the same key at once both land, whichever commits
-- first (re-aggregating a key from one snapshot would lose the other's rows).
-- A row whose counts all fall to zero is deleted, so the table always equals
-- a fresh aggregate of the entries.
--
-- What a row sums:
-- - production entries: their count, units produced and defective, run hours,
--   the shift's planned minutes (span less breaks, overnight shifts counting
--   their real hours: shared/shop-floor/shifts.ts) and span minutes per entry,
--   employees assigned (and × the shift's span: employee-minutes), employees
--   present where reported (with their count of entries and employee-minutes).
--   An entry with no shift lands in the row with shift_id null: it has no
--   planned or span minutes (the KPI function says so, or infers).
-- - quality entries: their count, inspected, scrap, rework and defects found.
-- - downtime entries: stops and minutes, planned and unplanned by the reason
--   code's kind, on the line and UTC day the stop started (shift_id null;
--   product from the stop's work order when it names one).
-- The planned minutes and the stops' kind come from master data as it was at
-- the write: after changing a shift or a reason code, recompute the range
-- (sf_rollup_recompute below). Ideal cycle times are not stored: the KPI
-- function reads them from the products, so a change shows at once.
--
-- No CHECK on the sums: Postgres checks the proposed row of an upsert
-- before finding the conflict, and a delta is negative when entries leave.
-- The id is deterministic: line|product|shift|date (empty for none).
-- kpi_app only reads rollups (RLS like the entries: shopFloorEntry read); the
-- triggers write them as the owner (SECURITY DEFINER).

CREATE TABLE sf_shift_rollup (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  line_id text NOT NULL,
  product_id text,
  shift_id text,
  shift_date date NOT NULL,
  production_entries integer NOT NULL DEFAULT 0,
  units_produced bigint NOT NULL DEFAULT 0,
  units_defective bigint NOT NULL DEFAULT 0,
  run_hours double precision NOT NULL DEFAULT 0,
  planned_minutes bigint NOT NULL DEFAULT 0,
  shift_minutes bigint NOT NULL DEFAULT 0,
  employees_assigned bigint NOT NULL DEFAULT 0,
  employee_minutes bigint NOT NULL DEFAULT 0,
  employees_present bigint NOT NULL DEFAULT 0,
  present_entries integer NOT NULL DEFAULT 0,
  present_minutes bigint NOT NULL DEFAULT 0,
  quality_entries integer NOT NULL DEFAULT 0,
  inspected bigint NOT NULL DEFAULT 0,
  scrap bigint NOT NULL DEFAULT 0,
  rework bigint NOT NULL DEFAULT 0,
  defects bigint NOT NULL DEFAULT 0,
  planned_stops integer NOT NULL DEFAULT 0,
  planned_downtime_minutes bigint NOT NULL DEFAULT 0,
  unplanned_stops integer NOT NULL DEFAULT 0,
  unplanned_downtime_minutes bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_shift_rollup_org_line_date_idx ON sf_shift_rollup (organization_id, line_id, shift_date);
CREATE INDEX sf_shift_rollup_org_date_idx ON sf_shift_rollup (organization_id, shift_date);

-- A recompute of an organization's rollups over a range of shift dates,
-- asked for after a master-data change; processed/total (days) advance as
-- the job goes, so every viewer sees its progress.
CREATE TABLE sf_rollup_recompute (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  from_date date NOT NULL,
  to_date date NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
  total integer NOT NULL CHECK (total >= 1 AND total <= 366),
  error text CHECK (char_length(error) <= 1000),
  requested_by text REFERENCES "user" (id) ON DELETE SET NULL,
  requested_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK (from_date <= to_date),
  CHECK (processed <= total)
);
CREATE INDEX sf_rollup_recompute_org_time_idx ON sf_rollup_recompute (organization_id, requested_at);

-- Minutes after midnight of 'HH:MM'; a shift's span (end at or before start:
-- the next day) and its planned minutes (span less breaks), as shifts.ts reads them.
CREATE FUNCTION sf_clock_minutes(clock text) RETURNS integer LANGUAGE sql IMMUTABLE AS
$$ SELECT split_part(clock, ':', 1)::integer * 60 + split_part(clock, ':', 2)::integer $$;

CREATE FUNCTION sf_shift_span_minutes(start_time text, end_time text) RETURNS integer LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN sf_clock_minutes(end_time) > sf_clock_minutes(start_time)
               THEN sf_clock_minutes(end_time) - sf_clock_minutes(start_time)
               ELSE sf_clock_minutes(end_time) - sf_clock_minutes(start_time) + 1440 END $$;

CREATE FUNCTION sf_shift_planned_minutes(start_time text, end_time text, breaks jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS
$$ SELECT sf_shift_span_minutes(start_time, end_time) - coalesce((
     SELECT sum((sf_clock_minutes(b ->> 'end') - sf_clock_minutes(b ->> 'start') + 1440) % 1440)::integer
       FROM jsonb_array_elements(breaks) b), 0) $$;

-- The rollup deltas of one kind of entries ('sf_production_entry',
-- 'sf_quality_entry', 'sf_downtime_entry') as a query over `source`, a query
-- giving the entry rows with `sign` (1 added, -1 removed) and `product_id`
-- (their work order's). Columns in sf_shift_rollup's order, id and time aside.
CREATE FUNCTION sf_rollup_deltas(kind text, source text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE kind
  WHEN 'sf_production_entry' THEN format($q$
    SELECT c.organization_id, c.line_id, c.product_id, c.shift_id, c.shift_date,
      sum(c.sign), sum(c.sign * c.units_produced::bigint), sum(c.sign * c.units_defective::bigint), sum(c.sign * c.run_hours),
      sum(c.sign * coalesce(m.planned, 0)), sum(c.sign * coalesce(m.span, 0)),
      sum(c.sign * c.employees_assigned), sum(c.sign * c.employees_assigned * coalesce(m.span, 0)),
      sum(c.sign * coalesce(c.employees_present, 0)), sum(c.sign * (c.employees_present IS NOT NULL)::integer),
      sum(c.sign * coalesce(c.employees_present, 0) * coalesce(m.span, 0)),
      0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (%s) c
    LEFT JOIN (SELECT s.id, sf_shift_span_minutes(s.start_time, s.end_time) AS span,
                      sf_shift_planned_minutes(s.start_time, s.end_time, s.breaks) AS planned
                 FROM sf_shift s) m ON m.id = c.shift_id
    GROUP BY 1, 2, 3, 4, 5 $q$, source)
  WHEN 'sf_quality_entry' THEN format($q$
    SELECT c.organization_id, c.line_id, c.product_id, c.shift_id, c.shift_date,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      sum(c.sign), sum(c.sign * c.inspected::bigint), sum(c.sign * c.scrap::bigint), sum(c.sign * c.rework::bigint),
      sum(c.sign * (SELECT coalesce(sum((d.value #>> '{}')::bigint), 0) FROM jsonb_each(c.defects) d)),
      0, 0, 0, 0
    FROM (%s) c
    GROUP BY 1, 2, 3, 4, 5 $q$, source)
  WHEN 'sf_downtime_entry' THEN format($q$
    SELECT c.organization_id, c.line_id, c.product_id, NULL::text, (c.started_at AT TIME ZONE 'UTC')::date,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      sum(c.sign * r.planned::integer), sum(c.sign * c.duration_minutes * r.planned::integer),
      sum(c.sign * (NOT r.planned)::integer), sum(c.sign * c.duration_minutes * (NOT r.planned)::integer)
    FROM (%s) c JOIN sf_downtime_reason r ON r.id = c.reason_id
    GROUP BY 1, 2, 3, 4, 5 $q$, source)
  END $$;

-- The statement that adds deltas (sf_rollup_deltas) into the rollups, most
-- keys first by id (two writers lock shared keys in one order), skipping
-- keys whose deltas are all zero (an edit of a note), and answering the ids
-- of rows left with nothing in them (for the caller to delete).
CREATE FUNCTION sf_rollup_upsert(deltas text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT format($q$
  WITH d (organization_id, line_id, product_id, shift_id, shift_date,
          production_entries, units_produced, units_defective, run_hours, planned_minutes, shift_minutes,
          employees_assigned, employee_minutes, employees_present, present_entries, present_minutes,
          quality_entries, inspected, scrap, rework, defects,
          planned_stops, planned_downtime_minutes, unplanned_stops, unplanned_downtime_minutes) AS (%s),
  up AS (
    INSERT INTO sf_shift_rollup AS r (id, organization_id, line_id, product_id, shift_id, shift_date,
          production_entries, units_produced, units_defective, run_hours, planned_minutes, shift_minutes,
          employees_assigned, employee_minutes, employees_present, present_entries, present_minutes,
          quality_entries, inspected, scrap, rework, defects,
          planned_stops, planned_downtime_minutes, unplanned_stops, unplanned_downtime_minutes, updated_at)
    SELECT concat_ws('|', d.line_id, coalesce(d.product_id, ''), coalesce(d.shift_id, ''), d.shift_date::text), d.*, now()
      FROM d
     WHERE ROW(d.production_entries, d.units_produced, d.units_defective, d.run_hours, d.planned_minutes, d.shift_minutes,
               d.employees_assigned, d.employee_minutes, d.employees_present, d.present_entries, d.present_minutes,
               d.quality_entries, d.inspected, d.scrap, d.rework, d.defects,
               d.planned_stops, d.planned_downtime_minutes, d.unplanned_stops, d.unplanned_downtime_minutes)
        <> ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY 1
    ON CONFLICT (id) DO UPDATE SET
      production_entries = r.production_entries + excluded.production_entries,
      units_produced = r.units_produced + excluded.units_produced,
      units_defective = r.units_defective + excluded.units_defective,
      run_hours = r.run_hours + excluded.run_hours,
      planned_minutes = r.planned_minutes + excluded.planned_minutes,
      shift_minutes = r.shift_minutes + excluded.shift_minutes,
      employees_assigned = r.employees_assigned + excluded.employees_assigned,
      employee_minutes = r.employee_minutes + excluded.employee_minutes,
      employees_present = r.employees_present + excluded.employees_present,
      present_entries = r.present_entries + excluded.present_entries,
      present_minutes = r.present_minutes + excluded.present_minutes,
      quality_entries = r.quality_entries + excluded.quality_entries,
      inspected = r.inspected + excluded.inspected,
      scrap = r.scrap + excluded.scrap,
      rework = r.rework + excluded.rework,
      defects = r.defects + excluded.defects,
      planned_stops = r.planned_stops + excluded.planned_stops,
      planned_downtime_minutes = r.planned_downtime_minutes + excluded.planned_downtime_minutes,
      unplanned_stops = r.unplanned_stops + excluded.unplanned_stops,
      unplanned_downtime_minutes = r.unplanned_downtime_minutes + excluded.unplanned_downtime_minutes,
      updated_at = now()
    RETURNING r.id, r.production_entries, r.quality_entries, r.planned_stops, r.unplanned_stops)
  SELECT coalesce(array_agg(id), '{}') FROM up
   WHERE production_entries = 0 AND quality_entries = 0 AND planned_stops = 0 AND unplanned_stops = 0 $q$, deltas) $$;

-- Entry rows of `rel` (a table or a transition table) with `sign` and their
-- work order's product. An entry whose work order or organization is gone is
-- left out: deleting a work order takes its entries out first
-- (sf_work_order_rollup_delete), and an organization's rollups go with it.
CREATE FUNCTION sf_rollup_source(kind text, rel text, sign integer, filter text DEFAULT 'true') RETURNS text
LANGUAGE sql IMMUTABLE AS
$$ SELECT format($q$
  SELECT %s AS sign, e.*, w.product_id FROM %s e
    JOIN organization o ON o.id = e.organization_id
    %s JOIN sf_work_order w ON w.id = e.work_order_id
   WHERE (%s) AND (e.work_order_id IS NULL OR w.id IS NOT NULL) $q$,
  sign, rel, CASE WHEN kind = 'sf_downtime_entry' THEN 'LEFT' ELSE '' END, filter) $$;

-- Applies `source`'s deltas of `kind` and deletes the rows left empty.
-- Run inside the trigger functions' EXECUTE, where transition tables are visible.
CREATE FUNCTION sf_rollup_apply_sql(kind text, source text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT sf_rollup_upsert(sf_rollup_deltas(kind, source)) $$;

-- Deletes the rows among `ids` that hold nothing any more (no entry, quality check or stop left).
CREATE FUNCTION sf_rollup_drop_empty(ids text[]) RETURNS void LANGUAGE sql AS
$$ DELETE FROM sf_shift_rollup
    WHERE id = ANY (ids) AND production_entries = 0 AND quality_entries = 0 AND planned_stops = 0 AND unplanned_stops = 0 $$;

CREATE FUNCTION sf_rollup_entries_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  source text;
  empty text[];
BEGIN
  source := CASE TG_OP
    WHEN 'INSERT' THEN sf_rollup_source(TG_TABLE_NAME, 'new_rows', 1)
    WHEN 'DELETE' THEN sf_rollup_source(TG_TABLE_NAME, 'old_rows', -1)
    ELSE sf_rollup_source(TG_TABLE_NAME, 'new_rows', 1) || ' UNION ALL ' || sf_rollup_source(TG_TABLE_NAME, 'old_rows', -1)
  END;
  EXECUTE sf_rollup_apply_sql(TG_TABLE_NAME, source) INTO empty;
  PERFORM sf_rollup_drop_empty(empty);
  RETURN NULL;
END $$;

-- Transition tables need one trigger per event.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION sf_rollup_entries_changed()', t || '_rollup_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION sf_rollup_entries_changed()', t || '_rollup_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION sf_rollup_entries_changed()', t || '_rollup_delete', t);
  END LOOP;
END $$;

-- A work order's product changed: its entries move from the old product's rows to the new one's.
CREATE FUNCTION sf_rollup_work_order_product_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t text;
  source text;
  empty text[];
BEGIN
  -- Most updates are status changes: nothing to move.
  IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (id) WHERE n.product_id IS DISTINCT FROM o.product_id) THEN
    RETURN NULL;
  END IF;
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry']
  LOOP
    source := format($q$
      SELECT s.sign, e.*, s.product_id FROM %I e
        JOIN (SELECT 1 AS sign, n.organization_id, n.id, n.product_id FROM new_rows n JOIN old_rows o USING (id)
               WHERE n.product_id IS DISTINCT FROM o.product_id
              UNION ALL
              SELECT -1, o.organization_id, o.id, o.product_id FROM new_rows n JOIN old_rows o USING (id)
               WHERE n.product_id IS DISTINCT FROM o.product_id) s
          ON s.organization_id = e.organization_id AND s.id = e.work_order_id $q$, t);
    EXECUTE sf_rollup_apply_sql(t, source) INTO empty;
    PERFORM sf_rollup_drop_empty(empty);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER sf_work_order_rollup_product AFTER UPDATE ON sf_work_order
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sf_rollup_work_order_product_changed();

-- A work order about to be deleted: its entries (which the delete cascades to,
-- and whose own triggers then no longer find the order) leave the rollups now.
CREATE FUNCTION sf_rollup_work_order_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t text;
  empty text[];
BEGIN
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry']
  LOOP
    EXECUTE sf_rollup_apply_sql(t, sf_rollup_source(t, t, -1, format('e.organization_id = %L AND e.work_order_id = %L', OLD.organization_id, OLD.id))) INTO empty;
    PERFORM sf_rollup_drop_empty(empty);
  END LOOP;
  RETURN OLD;
END $$;
CREATE TRIGGER sf_work_order_rollup_delete BEFORE DELETE ON sf_work_order
  FOR EACH ROW EXECUTE FUNCTION sf_rollup_work_order_delete();

-- Rebuilds the acting organization's rollups for shift dates from..to from
-- the entries, as the recompute job does one chunk at a time: the entry
-- tables are locked against writes (SHARE) for the chunk, so no write lands
-- between the rebuild's read and its result. Needs kpiRecompute start.
-- Answers the number of rollup rows written.
CREATE FUNCTION app_rebuild_shift_rollups(org text, from_date date, to_date date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t text;
  filter text;
  empty text[];
  written integer;
BEGIN
  IF NOT app_can(org, 'kpiRecompute', 'start') THEN
    RAISE EXCEPTION 'Recomputing KPIs needs the manager role in this organization' USING ERRCODE = 'insufficient_privilege';
  END IF;
  LOCK TABLE sf_production_entry, sf_quality_entry, sf_downtime_entry IN SHARE MODE;
  DELETE FROM sf_shift_rollup WHERE organization_id = org AND shift_date BETWEEN from_date AND to_date;
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry']
  LOOP
    filter := CASE WHEN t = 'sf_downtime_entry'
      THEN format('e.organization_id = %L AND e.started_at >= (%L::date)::timestamp AT TIME ZONE ''UTC'' '
                  'AND e.started_at < (%L::date + 1)::timestamp AT TIME ZONE ''UTC''', org, from_date, to_date)
      ELSE format('e.organization_id = %L AND e.shift_date BETWEEN %L AND %L', org, from_date, to_date) END;
    EXECUTE sf_rollup_apply_sql(t, sf_rollup_source(t, t, 1, filter)) INTO empty;
  END LOOP;
  SELECT count(*) INTO written FROM sf_shift_rollup WHERE organization_id = org AND shift_date BETWEEN from_date AND to_date;
  RETURN written;
END $$;
REVOKE ALL ON FUNCTION app_rebuild_shift_rollups(text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_rebuild_shift_rollups(text, date, date) TO kpi_app;

-- The acting organization's rollups over shift dates from..to, of one line,
-- product and shift when given (null: any) and of the products listed (null:
-- any), for the stored-KPI endpoints: the read permission is checked once
-- (a one-time filter) rather than by the row policy on every row, which on a
-- long range costs more than the rest of the request.
CREATE FUNCTION app_shift_rollups(org text, from_date date, to_date date, line text, product text, shift text, products text[])
RETURNS SETOF sf_shift_rollup LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT r.* FROM sf_shift_rollup r
    WHERE app_can(org, 'shopFloorEntry', 'read') AND r.organization_id = org AND r.shift_date BETWEEN from_date AND to_date
      AND (line IS NULL OR r.line_id = line) AND (product IS NULL OR r.product_id = product)
      AND (shift IS NULL OR r.shift_id = shift) AND (products IS NULL OR r.product_id = ANY (products)) $$;
REVOKE ALL ON FUNCTION app_shift_rollups(text, date, date, text, text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_shift_rollups(text, date, date, text, text, text, text[]) TO kpi_app;

ALTER TABLE sf_shift_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_rollup_recompute ENABLE ROW LEVEL SECURITY;

CREATE POLICY sf_shift_rollup_read ON sf_shift_rollup FOR SELECT TO kpi_app USING (app_can(organization_id, 'shopFloorEntry', 'read'));
CREATE POLICY sf_rollup_recompute_read ON sf_rollup_recompute FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'kpiRecompute', 'read'));
-- Asked for by a manager, in their own name; its progress written by the job acting as them.
CREATE POLICY sf_rollup_recompute_insert ON sf_rollup_recompute FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'kpiRecompute', 'start') AND requested_by = app_user_id());
CREATE POLICY sf_rollup_recompute_update ON sf_rollup_recompute FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'kpiRecompute', 'start'))
  WITH CHECK (app_can(organization_id, 'kpiRecompute', 'start'));

GRANT SELECT ON sf_shift_rollup TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON sf_rollup_recompute TO kpi_app;

-- A recompute is a member's action: audited. The rollups are derived from
-- audited entries (and rewritten on every entry write): not audited.
CREATE TRIGGER sf_rollup_recompute_audit AFTER INSERT OR UPDATE OR DELETE ON sf_rollup_recompute
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Entries written before this migration.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry']
  LOOP
    EXECUTE sf_rollup_apply_sql(t, sf_rollup_source(t, t, 1));
  END LOOP;
END $$;

ALTER PUBLICATION zkpi_pub ADD TABLE sf_shift_rollup, sf_rollup_recompute;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_shift_rollup, sf_rollup_recompute;
DROP TRIGGER sf_work_order_rollup_delete ON sf_work_order;
DROP TRIGGER sf_work_order_rollup_product ON sf_work_order;
DROP TRIGGER sf_production_entry_rollup_insert ON sf_production_entry;
DROP TRIGGER sf_production_entry_rollup_update ON sf_production_entry;
DROP TRIGGER sf_production_entry_rollup_delete ON sf_production_entry;
DROP TRIGGER sf_quality_entry_rollup_insert ON sf_quality_entry;
DROP TRIGGER sf_quality_entry_rollup_update ON sf_quality_entry;
DROP TRIGGER sf_quality_entry_rollup_delete ON sf_quality_entry;
DROP TRIGGER sf_downtime_entry_rollup_insert ON sf_downtime_entry;
DROP TRIGGER sf_downtime_entry_rollup_update ON sf_downtime_entry;
DROP TRIGGER sf_downtime_entry_rollup_delete ON sf_downtime_entry;
DROP FUNCTION app_shift_rollups(text, date, date, text, text, text, text[]);
DROP FUNCTION app_rebuild_shift_rollups(text, date, date);
DROP FUNCTION sf_rollup_work_order_delete();
DROP FUNCTION sf_rollup_work_order_product_changed();
DROP FUNCTION sf_rollup_entries_changed();
DROP FUNCTION sf_rollup_drop_empty(text[]);
DROP FUNCTION sf_rollup_apply_sql(text, text);
DROP FUNCTION sf_rollup_source(text, text, integer, text);
DROP FUNCTION sf_rollup_upsert(text);
DROP FUNCTION sf_rollup_deltas(text, text);
DROP FUNCTION sf_shift_planned_minutes(text, text, jsonb);
DROP FUNCTION sf_shift_span_minutes(text, text);
DROP FUNCTION sf_clock_minutes(text);
DROP TABLE sf_rollup_recompute, sf_shift_rollup;
