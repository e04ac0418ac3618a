-- Up Migration

-- Shop-floor pack, CSV production batches (issue 10, seed 004's flow). An
-- upload is parsed and every row checked while the body streams in
-- (server/shop-floor/batches/): the batch row counts them (total, valid,
-- invalid), the valid rows wait in sf_production_batch_row with their
-- references resolved, and every problem is kept in sf_production_batch_error
-- for the downloadable report. Nothing reaches sf_production_entry until
-- someone confirms; then a background job copies the staged rows in chunks,
-- raising `processed` after each, so every member watches it move live.
-- Rows refused at import time (their work order closed since the upload)
-- are added to the error report and counted in `rejected`; the batch still
-- completes. FAILED means the import itself broke (`failure` says why).
-- Uploading and confirming is entering production: the shopFloorEntry
-- resource's `create`; every member reads.
CREATE TABLE sf_production_batch (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'VALIDATED' CHECK (status IN ('VALIDATED', 'PROCESSING', 'COMPLETED', 'FAILED')),
  file_name text CHECK (char_length(file_name) BETWEEN 1 AND 255),
  file_size bigint NOT NULL DEFAULT 0 CHECK (file_size >= 0),
  -- Data rows of the file (the header not counted), and how they checked out.
  total integer NOT NULL CHECK (total >= 0),
  valid integer NOT NULL CHECK (valid >= 0),
  invalid integer NOT NULL CHECK (invalid >= 0),
  -- Staged rows the import has dealt with (imported or rejected), of `valid`.
  processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0 AND processed <= valid),
  -- Staged rows refused at import time (reported in the error report).
  rejected integer NOT NULL DEFAULT 0 CHECK (rejected >= 0 AND rejected <= processed),
  -- Per import worker, the next chunk it imports (worker k takes chunks k, k + W, ...): where a retried job resumes.
  next_chunks integer[] NOT NULL DEFAULT '{}',
  failure text CHECK (char_length(failure) BETWEEN 1 AND 500),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  confirmed_by text REFERENCES "user" (id) ON DELETE SET NULL,
  confirmed_at timestamptz,
  completed_at timestamptz,
  CHECK (valid + invalid = total),
  CHECK ((status = 'FAILED') = (failure IS NOT NULL)),
  CHECK (status = 'VALIDATED' OR confirmed_at IS NOT NULL)
);
CREATE UNIQUE INDEX sf_production_batch_org_id_key ON sf_production_batch (organization_id, id);
CREATE INDEX sf_production_batch_org_created_idx ON sf_production_batch (organization_id, created_at DESC, id DESC);

-- A valid row waiting to be imported, its references resolved at upload.
-- Written once at upload, read by the import; never published.
CREATE TABLE sf_production_batch_row (
  batch_id text NOT NULL,
  organization_id text NOT NULL,
  -- The data row's number in the file (from 1, the header not counted).
  row_number integer NOT NULL CHECK (row_number >= 1),
  work_order_id text NOT NULL,
  line_id text NOT NULL,
  shift_id text,
  shift_date date NOT NULL,
  units_produced integer NOT NULL,
  units_defective integer NOT NULL,
  run_hours double precision NOT NULL,
  employees_assigned integer NOT NULL,
  PRIMARY KEY (batch_id, row_number),
  FOREIGN KEY (organization_id, batch_id) REFERENCES sf_production_batch (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sf_production_batch_row_org_idx ON sf_production_batch_row (organization_id, batch_id, row_number);

-- Every problem found, at upload or at import: the error report's lines.
CREATE TABLE sf_production_batch_error (
  batch_id text NOT NULL,
  organization_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  row_number integer NOT NULL CHECK (row_number >= 1),
  field text NOT NULL CHECK (char_length(field) BETWEEN 1 AND 100),
  message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 1000),
  PRIMARY KEY (batch_id, seq),
  FOREIGN KEY (organization_id, batch_id) REFERENCES sf_production_batch (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sf_production_batch_error_org_idx ON sf_production_batch_error (organization_id, batch_id, seq);

ALTER TABLE sf_production_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_production_batch_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_production_batch_error ENABLE ROW LEVEL SECURITY;

CREATE POLICY sf_production_batch_read ON sf_production_batch FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'shopFloorEntry', 'read'));
-- Whoever uploads is named as the uploader; whoever confirms, as the confirmer.
CREATE POLICY sf_production_batch_insert ON sf_production_batch FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'shopFloorEntry', 'create') AND created_by = app_user_id());
CREATE POLICY sf_production_batch_update ON sf_production_batch FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'shopFloorEntry', 'create'))
  WITH CHECK (app_can(organization_id, 'shopFloorEntry', 'create'));

CREATE POLICY sf_production_batch_row_read ON sf_production_batch_row FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'shopFloorEntry', 'create'));
CREATE POLICY sf_production_batch_row_insert ON sf_production_batch_row FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'shopFloorEntry', 'create'));

CREATE POLICY sf_production_batch_error_read ON sf_production_batch_error FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'shopFloorEntry', 'read'));
CREATE POLICY sf_production_batch_error_insert ON sf_production_batch_error FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'shopFloorEntry', 'create'));

GRANT SELECT, INSERT, UPDATE ON sf_production_batch TO kpi_app;
GRANT SELECT, INSERT ON sf_production_batch_row, sf_production_batch_error TO kpi_app;

-- The batch is audited (who uploaded, confirmed, how it ended); its staged
-- rows and errors are the file's content, written once, and are not.
CREATE TRIGGER sf_production_batch_audit AFTER INSERT OR UPDATE OR DELETE ON sf_production_batch
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- The batch row syncs (progress is live); the staged rows and the errors stay (REST serves the report).
ALTER PUBLICATION zkpi_pub ADD TABLE sf_production_batch (
  id, organization_id, status, file_name, file_size, total, valid, invalid, processed, rejected, failure,
  created_by, created_at, confirmed_by, confirmed_at, completed_at
);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_production_batch;
DROP TABLE sf_production_batch_error, sf_production_batch_row, sf_production_batch;
