-- Up Migration

-- Customer success, accounts: the organization's customers, each looked after
-- by a member (the CSM). Never deleted: status 'inactive' is the soft delete,
-- and a KPI can keep pointing at an inactive account.
-- Named cs_account: "account" is better-auth's table of sign-in credentials
-- (001_auth.sql), which the app role cannot read and zero-cache never sees.
-- Zero and the code call it `account` (sync/schema/customer-success.ts).
CREATE TABLE cs_account (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  -- VALUE_LIMIT in shared/numbers.ts, as 009_number_bounds.sql.
  annual_revenue double precision CHECK (annual_revenue >= 0 AND annual_revenue <= 1e15),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  industry text CHECK (char_length(industry) BETWEEN 1 AND 100),
  region text CHECK (char_length(region) BETWEEN 1 AND 100),
  owner_id text REFERENCES "user" (id) ON DELETE SET NULL,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX cs_account_org_id_key ON cs_account (organization_id, id);
CREATE INDEX cs_account_org_name_idx ON cs_account (organization_id, name, id);
CREATE INDEX cs_account_org_owner_idx ON cs_account (organization_id, owner_id);

ALTER TABLE cs_account ENABLE ROW LEVEL SECURITY;
CREATE POLICY cs_account_read ON cs_account FOR SELECT TO kpi_app USING (app_can(organization_id, 'account', 'read'));
CREATE POLICY cs_account_insert ON cs_account FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'account', 'create'));
-- Deactivating and reactivating are updates of status.
CREATE POLICY cs_account_update ON cs_account FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'account', 'update') OR app_can(organization_id, 'account', 'deactivate'))
  WITH CHECK (app_can(organization_id, 'account', 'update') OR app_can(organization_id, 'account', 'deactivate'));
GRANT SELECT, INSERT, UPDATE ON cs_account TO kpi_app;

CREATE TRIGGER cs_account_audit AFTER INSERT OR UPDATE OR DELETE ON cs_account FOR EACH ROW EXECUTE FUNCTION audit_row();

-- KPIs: the health category they count towards (shared/customer-success/categories.ts)
-- and their weight in it; their account, if any, must be the KPI's organization's.
-- No cs_account rows existed before, so an account_id written earlier points at
-- nothing: it is cleared (audited, marked with this migration) so the key can hold.
SELECT set_config('app.source', 'migration:011_cs_accounts', true);
UPDATE kpi SET account_id = NULL WHERE account_id IS NOT NULL;
ALTER TABLE kpi
  ADD COLUMN health_category text CHECK (char_length(health_category) BETWEEN 1 AND 40),
  ADD COLUMN weight double precision NOT NULL DEFAULT 1 CHECK (weight >= 0 AND weight <= 1e15),
  ADD CONSTRAINT kpi_account_fkey FOREIGN KEY (organization_id, account_id)
    REFERENCES cs_account (organization_id, id) ON DELETE SET NULL (account_id);
CREATE INDEX kpi_org_account_idx ON kpi (organization_id, account_id);

-- kpi is published without a column list: its new columns replicate as they are.
ALTER PUBLICATION zkpi_pub ADD TABLE cs_account;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE cs_account;
DROP INDEX kpi_org_account_idx;
ALTER TABLE kpi DROP CONSTRAINT kpi_account_fkey, DROP COLUMN weight, DROP COLUMN health_category;
DROP TABLE cs_account;
