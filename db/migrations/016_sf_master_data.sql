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

-- Clock times 'HH:MM'; an end before the start is the next day (overnight).
-- breaks: [{"start": "HH:MM", "end": "HH:MM"}], inside the shift (checked by the mutators).
CREATE TABLE sf_shift (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND end_time <> start_time),
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

ALTER TABLE sf_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_shift ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_employee ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_downtime_reason ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_defect_type ENABLE ROW LEVEL SECURITY;

-- Each table reads its own matrix resource; archiving and restoring are updates of archived_at.
CREATE POLICY sf_line_read ON sf_line FOR SELECT TO kpi_app USING (app_can(organization_id, 'line', 'read'));
CREATE POLICY sf_line_insert ON sf_line FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'line', 'create'));
CREATE POLICY sf_line_update ON sf_line FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'line', 'update', 'archive')) WITH CHECK (app_can(organization_id, 'line', 'update', 'archive'));

CREATE POLICY sf_product_read ON sf_product FOR SELECT TO kpi_app USING (app_can(organization_id, 'product', 'read'));
CREATE POLICY sf_product_insert ON sf_product FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'product', 'create'));
CREATE POLICY sf_product_update ON sf_product FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'product', 'update', 'archive'))
  WITH CHECK (app_can(organization_id, 'product', 'update', 'archive'));

CREATE POLICY sf_shift_read ON sf_shift FOR SELECT TO kpi_app USING (app_can(organization_id, 'shift', 'read'));
CREATE POLICY sf_shift_insert ON sf_shift FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'shift', 'create'));
CREATE POLICY sf_shift_update ON sf_shift FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'shift', 'update', 'archive')) WITH CHECK (app_can(organization_id, 'shift', 'update', 'archive'));

CREATE POLICY sf_employee_read ON sf_employee FOR SELECT TO kpi_app USING (app_can(organization_id, 'employee', 'read'));
CREATE POLICY sf_employee_insert ON sf_employee FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'employee', 'create'));
CREATE POLICY sf_employee_update ON sf_employee FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'employee', 'update', 'archive'))
  WITH CHECK (app_can(organization_id, 'employee', 'update', 'archive'));

CREATE POLICY sf_downtime_reason_read ON sf_downtime_reason FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'downtimeReason', 'read'));
CREATE POLICY sf_downtime_reason_insert ON sf_downtime_reason FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'downtimeReason', 'create'));
CREATE POLICY sf_downtime_reason_update ON sf_downtime_reason FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'downtimeReason', 'update', 'archive'))
  WITH CHECK (app_can(organization_id, 'downtimeReason', 'update', 'archive'));

CREATE POLICY sf_defect_type_read ON sf_defect_type FOR SELECT TO kpi_app USING (app_can(organization_id, 'defectType', 'read'));
CREATE POLICY sf_defect_type_insert ON sf_defect_type FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'defectType', 'create'));
CREATE POLICY sf_defect_type_update ON sf_defect_type FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'defectType', 'update', 'archive'))
  WITH CHECK (app_can(organization_id, 'defectType', 'update', 'archive'));

GRANT SELECT, INSERT, UPDATE ON sf_line, sf_product, sf_shift, sf_employee, sf_downtime_reason, sf_defect_type TO kpi_app;

CREATE TRIGGER sf_line_audit AFTER INSERT OR UPDATE OR DELETE ON sf_line FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_product_audit AFTER INSERT OR UPDATE OR DELETE ON sf_product FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_shift_audit AFTER INSERT OR UPDATE OR DELETE ON sf_shift FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_employee_audit AFTER INSERT OR UPDATE OR DELETE ON sf_employee FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_downtime_reason_audit AFTER INSERT OR UPDATE OR DELETE ON sf_downtime_reason
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_defect_type_audit AFTER INSERT OR UPDATE OR DELETE ON sf_defect_type FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE sf_line, sf_product, sf_shift, sf_employee, sf_downtime_reason, sf_defect_type;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_line, sf_product, sf_shift, sf_employee, sf_downtime_reason, sf_defect_type;
DROP TABLE sf_defect_type, sf_downtime_reason, sf_employee, sf_shift, sf_product, sf_line;
