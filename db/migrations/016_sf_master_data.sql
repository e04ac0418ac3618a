-- Up Migration

-- Shop-floor pack, master data: the organization's lines (work centres),
-- products with their ideal cycle time, shifts (clock times, breaks,
-- overnight allowed), employees, downtime reason codes (planned or not) and
-- defect types. Managers and up edit them (shared/shop-floor/permissions.ts);
-- every change is audited. Rows are archived, never deleted: work orders,
-- jobs and (later) shop-floor entries keep pointing at them.
-- Tables are prefixed sf_ (Zero and the code drop the prefix:
-- sync/schema/shop-floor.ts) so generic names like "line" stay free.
-- Limits mirror shared/shop-floor/master-data.ts and shifts.ts.

CREATE TABLE sf_line (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_line_org_id_key ON sf_line (organization_id, id);
CREATE UNIQUE INDEX sf_line_org_name_key ON sf_line (organization_id, name);

-- ideal_cycle_seconds: required > 0 by the app and REST; null only for rows
-- made elsewhere, which the KPI inference chain fills in (README).
CREATE TABLE sf_product (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  ideal_cycle_seconds double precision CHECK (ideal_cycle_seconds > 0 AND ideal_cycle_seconds <= 86400),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_product_org_id_key ON sf_product (organization_id, id);
CREATE UNIQUE INDEX sf_product_org_code_key ON sf_product (organization_id, code);

-- Clock times 'HH:MM'; an end at or before the start is the next day (overnight;
-- equal times: 24 hours), as the KPI formulas read a shift (shared/shop-floor/shift.ts).
-- breaks: [{"start": "HH:MM", "end": "HH:MM"}], inside the shift (checked by the mutators).
CREATE TABLE sf_shift (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  breaks jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(breaks) = 'array' AND jsonb_array_length(breaks) <= 10),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_shift_org_name_key ON sf_shift (organization_id, name);

-- An employee is active while not archived.
CREATE TABLE sf_employee (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_employee_org_code_key ON sf_employee (organization_id, code);

CREATE TABLE sf_downtime_reason (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  planned boolean NOT NULL,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_downtime_reason_org_code_key ON sf_downtime_reason (organization_id, code);

CREATE TABLE sf_defect_type (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX sf_defect_type_org_code_key ON sf_defect_type (organization_id, code);

-- The six tables follow one rule, written once: each reads its own matrix
-- resource (shared/shop-floor/permissions.ts); archiving and restoring are
-- updates of archived_at; nothing is deleted; every change is audited.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('sf_line', 'line'), ('sf_product', 'product'), ('sf_shift', 'shift'), ('sf_employee', 'employee'),
    ('sf_downtime_reason', 'downtimeReason'), ('sf_defect_type', 'defectType')) AS v (tbl, resource)
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.tbl);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO kpi_app USING (app_can(organization_id, %L, ''read''))',
      t.tbl || '_read', t.tbl, t.resource);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, %L, ''create''))',
      t.tbl || '_insert', t.tbl, t.resource);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO kpi_app USING (app_can(organization_id, %L, ''update'', ''archive'')) '
      'WITH CHECK (app_can(organization_id, %L, ''update'', ''archive''))', t.tbl || '_update', t.tbl, t.resource, t.resource);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO kpi_app', t.tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()',
      t.tbl || '_audit', t.tbl);
  END LOOP;
END $$;

ALTER PUBLICATION zkpi_pub ADD TABLE sf_line, sf_product, sf_shift, sf_employee, sf_downtime_reason, sf_defect_type;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_line, sf_product, sf_shift, sf_employee, sf_downtime_reason, sf_defect_type;
DROP TABLE sf_defect_type, sf_downtime_reason, sf_employee, sf_shift, sf_product, sf_line;
