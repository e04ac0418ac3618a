-- Up Migration

-- Customer success, Excel KPI uploads (issue 9): each upload of an account's
-- KPI workbook. A preview row holds what was parsed (status 'preview', no
-- version, expires); confirming it writes the KPIs' data points and gives it
-- the account's next version number; a rollback is a new version carrying an
-- older version's values (kind 'rollback', rolled_back_from). Nothing is
-- deleted: discarded and expired previews stay as records.
CREATE TABLE kpi_upload (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  account_id text NOT NULL,
  kind text NOT NULL DEFAULT 'upload' CHECK (kind IN ('upload', 'rollback')),
  status text NOT NULL DEFAULT 'preview' CHECK (status IN ('preview', 'confirmed', 'discarded')),
  -- shared/customer-success/uploads/workbook.ts UPLOAD_MODES.
  mode text NOT NULL DEFAULT 'corporate' CHECK (mode IN ('corporate', 'rollup')),
  version integer CHECK (version >= 1),
  rolled_back_from integer CHECK (rolled_back_from >= 1),
  file_name text CHECK (char_length(file_name) BETWEEN 1 AND 255),
  file_size integer NOT NULL DEFAULT 0 CHECK (file_size >= 0),
  -- Every parsed row (sheet, row, cells), as previewed. Never published.
  parsed_rows jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(parsed_rows) = 'array'),
  -- What confirming writes: one value per KPI (after the roll-up in rollup mode).
  kpi_values jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kpi_values) = 'array'),
  -- The preview's diff against the version current when it was made.
  diff jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(diff) = 'object'),
  row_count integer NOT NULL DEFAULT 0 CHECK (row_count >= 0),
  kpi_count integer NOT NULL DEFAULT 0 CHECK (kpi_count >= 0),
  added_count integer NOT NULL DEFAULT 0 CHECK (added_count >= 0),
  changed_count integer NOT NULL DEFAULT 0 CHECK (changed_count >= 0),
  removed_count integer NOT NULL DEFAULT 0 CHECK (removed_count >= 0),
  band_moves_count integer NOT NULL DEFAULT 0 CHECK (band_moves_count >= 0),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  confirmed_by text REFERENCES "user" (id) ON DELETE SET NULL,
  confirmed_at timestamptz,
  CHECK ((status = 'confirmed') = (version IS NOT NULL)),
  CHECK ((kind = 'rollback') = (rolled_back_from IS NOT NULL)),
  FOREIGN KEY (organization_id, account_id) REFERENCES cs_account (organization_id, id) ON DELETE CASCADE
);
-- One version number per account, whoever confirms at the same moment.
CREATE UNIQUE INDEX kpi_upload_account_version_key ON kpi_upload (organization_id, account_id, version) WHERE version IS NOT NULL;
CREATE INDEX kpi_upload_org_account_idx ON kpi_upload (organization_id, account_id, created_at, id);

ALTER TABLE kpi_upload ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_upload_read ON kpi_upload FOR SELECT TO kpi_app USING (app_can(organization_id, 'kpiUpload', 'read'));
CREATE POLICY kpi_upload_insert ON kpi_upload FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'kpiUpload', 'upload') OR app_can(organization_id, 'kpiUpload', 'rollback'));
CREATE POLICY kpi_upload_update ON kpi_upload FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'kpiUpload', 'upload') OR app_can(organization_id, 'kpiUpload', 'confirm'))
  WITH CHECK (app_can(organization_id, 'kpiUpload', 'upload') OR app_can(organization_id, 'kpiUpload', 'confirm'));
GRANT SELECT, INSERT, UPDATE ON kpi_upload TO kpi_app;

CREATE TRIGGER kpi_upload_audit AFTER INSERT OR UPDATE OR DELETE ON kpi_upload FOR EACH ROW EXECUTE FUNCTION audit_row();

-- The original workbook, byte for byte (a rollback has none), in a table of
-- its own: written once with its upload and never changed, so it is not
-- copied into the audit log (the upload row's audit says who and when).
-- Never published: GET /api/accounts/{id}/uploads/{uploadId}/file serves it.
CREATE TABLE kpi_upload_file (
  upload_id text PRIMARY KEY REFERENCES kpi_upload (id) ON DELETE CASCADE,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (char_length(content_type) BETWEEN 1 AND 200),
  bytes bytea NOT NULL
);
CREATE INDEX kpi_upload_file_org_idx ON kpi_upload_file (organization_id, upload_id);
ALTER TABLE kpi_upload_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_upload_file_read ON kpi_upload_file FOR SELECT TO kpi_app USING (app_can(organization_id, 'kpiUpload', 'read'));
CREATE POLICY kpi_upload_file_insert ON kpi_upload_file FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'kpiUpload', 'upload'));
GRANT SELECT, INSERT ON kpi_upload_file TO kpi_app;

-- Data points written by a confirmed upload or a rollback say so.
ALTER TABLE data_point DROP CONSTRAINT data_point_source_check,
  ADD CONSTRAINT data_point_source_check CHECK (source IN ('manual', 'integration', 'import', 'upload'));

-- The file, the parsed rows and the diff stay out of the replica: the REST API serves them.
ALTER PUBLICATION zkpi_pub ADD TABLE kpi_upload (
  id, organization_id, account_id, kind, status, mode, version, rolled_back_from, file_name, file_size, kpi_values,
  row_count, kpi_count, added_count, changed_count, removed_count, band_moves_count,
  created_by, created_at, expires_at, confirmed_by, confirmed_at
);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE kpi_upload_file;
DROP TABLE kpi_upload;
ALTER TABLE data_point DROP CONSTRAINT data_point_source_check,
  ADD CONSTRAINT data_point_source_check CHECK (source IN ('manual', 'integration', 'import'));
DROP TABLE kpi_upload_file;
DROP TABLE kpi_upload;
