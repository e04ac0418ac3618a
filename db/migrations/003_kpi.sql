-- Up Migration

CREATE TABLE kpi (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  unit text NOT NULL DEFAULT '' CHECK (char_length(unit) <= 20),
  target double precision NOT NULL CHECK (target > 0),
  current_value double precision,
  current_at timestamptz,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX kpi_org_id_key ON kpi (organization_id, id);
CREATE INDEX kpi_org_name_idx ON kpi (organization_id, name, id);

CREATE TABLE data_point (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  kpi_id text NOT NULL,
  value double precision NOT NULL,
  recorded_at timestamptz NOT NULL,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  -- The point's KPI must belong to the same organization.
  FOREIGN KEY (organization_id, kpi_id) REFERENCES kpi (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX data_point_org_kpi_time_idx ON data_point (organization_id, kpi_id, recorded_at, id);

ALTER TABLE kpi ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_point ENABLE ROW LEVEL SECURITY;

CREATE POLICY kpi_read ON kpi FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY kpi_insert ON kpi FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
-- Operators may move current_value when they add a point; the column-level
-- rules for that live in the mutators.
CREATE POLICY kpi_update ON kpi FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));

CREATE POLICY data_point_read ON data_point FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY data_point_insert ON data_point FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
CREATE POLICY data_point_update ON data_point FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
CREATE POLICY data_point_delete ON data_point FOR DELETE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));

GRANT SELECT, INSERT, UPDATE ON kpi TO kpi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON data_point TO kpi_app;

CREATE TRIGGER kpi_audit AFTER INSERT OR UPDATE OR DELETE ON kpi
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER data_point_audit AFTER INSERT OR UPDATE OR DELETE ON data_point
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- What zero-cache may replicate: client-visible tables and columns only.
-- Sessions, accounts, verification tokens, invitations, rate limits, e-mail
-- addresses and the audit log never leave Postgres.
-- Later migrations (each pack's) change only their own entries, never restate
-- the list, so packs added in any order do not undo each other:
--   new table:              ALTER PUBLICATION zkpi_pub ADD TABLE t [(columns)];
--   new column of a table published with a column list: in the same migration,
--                           ALTER PUBLICATION zkpi_pub DROP TABLE t;
--                           ALTER PUBLICATION zkpi_pub ADD TABLE t (columns);
--   (a table published without a list, such as kpi, replicates new columns as is);
--   to undo it:             ALTER PUBLICATION zkpi_pub DROP TABLE t (or the old ADD).
CREATE PUBLICATION zkpi_pub FOR TABLE
  organization (id, name, slug, logo, "createdAt"),
  member (id, "organizationId", "userId", role, "createdAt"),
  "user" (id, name, image),
  kpi, data_point;

-- Down Migration
DROP PUBLICATION zkpi_pub;
DROP TABLE data_point;
DROP TABLE kpi;
