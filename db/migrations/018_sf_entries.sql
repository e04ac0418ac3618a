-- Up Migration

-- Shop-floor pack, entries (issue 10): what the floor reports per shift.
-- Production (units produced and defective, run time in hours, employees
-- assigned and present) against a work order (and optionally one of its
-- jobs) on a line, in a shift (a sf_shift row; null when not said) on a
-- shift date (the day the shift starts: a night shift 22:00-06:00 belongs
-- to the date it begins). Quality (inspected, defects by defect type as a
-- jsonb map {defect type id: count}, scrap, rework), downtime (a reason
-- code, a start and its minutes), attendance (an employee's scheduled and
-- absent hours, why, and whether the floating pool covered it).
-- Operators create entries; managers and up edit and delete them
-- (shared/shop-floor/permissions.ts, resource shopFloorEntry). The checks
-- mirror shared/shop-floor/entries.ts; the mutators also check what only
-- they see (references in the organization, the work order still open,
-- run time within the shift's hours).

-- The master data that entries point at, keyed by organization too, so an
-- entry can only name its own organization's rows (lines and products have theirs from 016).
CREATE UNIQUE INDEX sf_shift_org_id_key ON sf_shift (organization_id, id);
CREATE UNIQUE INDEX sf_downtime_reason_org_id_key ON sf_downtime_reason (organization_id, id);
CREATE UNIQUE INDEX sf_employee_org_id_key ON sf_employee (organization_id, id);

CREATE TABLE sf_production_entry (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  work_order_id text NOT NULL,
  job_id text,
  line_id text NOT NULL,
  shift_id text,
  shift_date date NOT NULL,
  units_produced integer NOT NULL CHECK (units_produced BETWEEN 0 AND 1000000000),
  units_defective integer NOT NULL DEFAULT 0 CHECK (units_defective >= 0 AND units_defective <= units_produced),
  run_hours double precision NOT NULL CHECK (run_hours >= 0 AND run_hours <= 24),
  employees_assigned integer NOT NULL CHECK (employees_assigned BETWEEN 0 AND 10000),
  employees_present integer CHECK (employees_present BETWEEN 0 AND 10000),
  note text CHECK (char_length(note) BETWEEN 1 AND 500),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, job_id) REFERENCES sf_job (organization_id, id),
  FOREIGN KEY (organization_id, line_id) REFERENCES sf_line (organization_id, id),
  FOREIGN KEY (organization_id, shift_id) REFERENCES sf_shift (organization_id, id)
);
CREATE UNIQUE INDEX sf_production_entry_org_id_key ON sf_production_entry (organization_id, id);
-- Newest first, by shift date then id: the REST list's keyset.
CREATE INDEX sf_production_entry_org_date_idx ON sf_production_entry (organization_id, shift_date DESC, id DESC);
CREATE INDEX sf_production_entry_org_order_idx ON sf_production_entry (organization_id, work_order_id, shift_date);
CREATE INDEX sf_production_entry_org_line_idx ON sf_production_entry (organization_id, line_id, shift_date);

-- Scrap and rework are inspected units found bad, so together no more than were inspected.
CREATE TABLE sf_quality_entry (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  production_entry_id text,
  work_order_id text NOT NULL,
  line_id text NOT NULL,
  shift_id text,
  shift_date date NOT NULL,
  inspected integer NOT NULL CHECK (inspected BETWEEN 0 AND 1000000000),
  defects jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(defects) = 'object'),
  scrap integer NOT NULL DEFAULT 0 CHECK (scrap >= 0),
  rework integer NOT NULL DEFAULT 0 CHECK (rework >= 0),
  note text CHECK (char_length(note) BETWEEN 1 AND 500),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CHECK (scrap + rework <= inspected),
  FOREIGN KEY (organization_id, production_entry_id) REFERENCES sf_production_entry (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, line_id) REFERENCES sf_line (organization_id, id),
  FOREIGN KEY (organization_id, shift_id) REFERENCES sf_shift (organization_id, id)
);
CREATE INDEX sf_quality_entry_org_line_idx ON sf_quality_entry (organization_id, line_id, shift_date);
CREATE INDEX sf_quality_entry_org_production_idx ON sf_quality_entry (organization_id, production_entry_id);

CREATE TABLE sf_downtime_entry (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  line_id text NOT NULL,
  reason_id text NOT NULL,
  work_order_id text,
  started_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  note text CHECK (char_length(note) BETWEEN 1 AND 500),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, line_id) REFERENCES sf_line (organization_id, id),
  FOREIGN KEY (organization_id, reason_id) REFERENCES sf_downtime_reason (organization_id, id),
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sf_downtime_entry_org_line_idx ON sf_downtime_entry (organization_id, line_id, started_at);

-- An absence says why; absent hours are part of the scheduled ones.
CREATE TABLE sf_attendance_entry (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  employee_id text NOT NULL,
  shift_id text NOT NULL,
  shift_date date NOT NULL,
  scheduled_hours double precision NOT NULL CHECK (scheduled_hours >= 0 AND scheduled_hours <= 24),
  absent_hours double precision NOT NULL DEFAULT 0 CHECK (absent_hours >= 0 AND absent_hours <= scheduled_hours),
  reason text CHECK (char_length(reason) BETWEEN 1 AND 500),
  covered_by_pool boolean NOT NULL DEFAULT false,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CHECK (absent_hours = 0 OR reason IS NOT NULL),
  FOREIGN KEY (organization_id, employee_id) REFERENCES sf_employee (organization_id, id),
  FOREIGN KEY (organization_id, shift_id) REFERENCES sf_shift (organization_id, id)
);
CREATE INDEX sf_attendance_entry_org_date_idx ON sf_attendance_entry (organization_id, shift_date, employee_id);

-- The four tables follow one rule: the shopFloorEntry resource of the
-- matrix; whoever writes a row is named as its author or last editor.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sf_production_entry', 'sf_quality_entry', 'sf_downtime_entry', 'sf_attendance_entry']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO kpi_app USING (app_can(organization_id, ''shopFloorEntry'', ''read''))',
      t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO kpi_app '
      'WITH CHECK (app_can(organization_id, ''shopFloorEntry'', ''create'') AND created_by = app_user_id())', t || '_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO kpi_app USING (app_can(organization_id, ''shopFloorEntry'', ''update'')) '
      'WITH CHECK (app_can(organization_id, ''shopFloorEntry'', ''update'') AND updated_by = app_user_id())', t || '_update', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO kpi_app USING (app_can(organization_id, ''shopFloorEntry'', ''delete''))',
      t || '_delete', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO kpi_app', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()',
      t || '_audit', t);
  END LOOP;
END $$;

ALTER PUBLICATION zkpi_pub ADD TABLE sf_production_entry, sf_quality_entry, sf_downtime_entry, sf_attendance_entry;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_production_entry, sf_quality_entry, sf_downtime_entry, sf_attendance_entry;
DROP TABLE sf_attendance_entry, sf_downtime_entry, sf_quality_entry, sf_production_entry;
DROP INDEX sf_employee_org_id_key, sf_downtime_reason_org_id_key, sf_shift_org_id_key;
