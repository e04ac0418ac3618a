-- Up Migration

-- KPIs, complete: description, category and unit from lists, direction,
-- measurement frequency, owner, optional account (customer-success pack).
ALTER TABLE kpi
  ADD COLUMN description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  ADD COLUMN category text NOT NULL DEFAULT 'general' CHECK (char_length(category) BETWEEN 1 AND 40),
  ADD COLUMN direction text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  ADD COLUMN frequency text NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  ADD COLUMN owner_id text REFERENCES "user" (id) ON DELETE SET NULL,
  ADD COLUMN account_id text;
CREATE INDEX kpi_org_category_idx ON kpi (organization_id, category, id);

-- Units and categories an organization adds to the predefined lists.
CREATE TABLE kpi_option (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('unit', 'category')),
  value text NOT NULL CHECK (char_length(value) BETWEEN 1 AND 40),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (organization_id, kind, value)
);

ALTER TABLE data_point
  ADD COLUMN source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'integration', 'import')),
  ADD COLUMN note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
  ADD COLUMN updated_at timestamptz;

-- Goals with weighted KPIs. progress (0..1) is kept current by the server
-- when a data point lands; pace by the insight job.
CREATE TABLE goal (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  target_date date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'paused')),
  progress double precision CHECK (progress BETWEEN 0 AND 1),
  pace text NOT NULL DEFAULT 'no-data' CHECK (pace IN ('on-track', 'at-risk', 'off-track', 'completed', 'no-data')),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE UNIQUE INDEX goal_org_id_key ON goal (organization_id, id);
CREATE INDEX goal_org_target_idx ON goal (organization_id, target_date, id);

CREATE TABLE goal_kpi (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  goal_id text NOT NULL,
  kpi_id text NOT NULL,
  weight double precision NOT NULL CHECK (weight >= 0),
  UNIQUE (goal_id, kpi_id),
  FOREIGN KEY (organization_id, goal_id) REFERENCES goal (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, kpi_id) REFERENCES kpi (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX goal_kpi_org_goal_idx ON goal_kpi (organization_id, goal_id, id);
CREATE INDEX goal_kpi_org_kpi_idx ON goal_kpi (organization_id, kpi_id, id);

-- Insights: computed facts, a summary (AI narrative or plain rules), newest kept.
CREATE TABLE insight (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  kpi_id text NOT NULL,
  summary text NOT NULL,
  narrator text NOT NULL CHECK (narrator IN ('ai', 'rules')),
  model text,
  trend text NOT NULL,
  confidence double precision NOT NULL,
  facts jsonb NOT NULL,
  cited_point_ids jsonb NOT NULL DEFAULT '[]',
  generated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, kpi_id) REFERENCES kpi (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX insight_org_kpi_time_idx ON insight (organization_id, kpi_id, generated_at, id);

-- API keys for scripts: only a hash of the secret is kept; the hash is never published.
CREATE TABLE api_key (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  prefix text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'operator', 'viewer')),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_key_org_idx ON api_key (organization_id, created_at, id);

-- Each person's arrangement of the dashboard cards, per organization.
CREATE TABLE dashboard_layout (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  layout jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, user_id)
);

ALTER TABLE kpi_option ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_kpi ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_layout ENABLE ROW LEVEL SECURITY;

CREATE POLICY kpi_option_read ON kpi_option FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY kpi_option_write ON kpi_option FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin']));

CREATE POLICY goal_read ON goal FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY goal_write ON goal FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
-- Operators move progress when they add a data point; other columns are the mutators' rule.
CREATE POLICY goal_update ON goal FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));

CREATE POLICY goal_kpi_read ON goal_kpi FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY goal_kpi_write ON goal_kpi FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));

CREATE POLICY insight_read ON insight FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
-- Written by the insight job in the context of the member whose write triggered it.
CREATE POLICY insight_write ON insight FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));

CREATE POLICY api_key_admin ON api_key FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin']));

CREATE POLICY dashboard_layout_own ON dashboard_layout FOR ALL TO kpi_app
  USING (user_id = app_user_id() AND app_in_tenant(organization_id))
  WITH CHECK (user_id = app_user_id() AND app_in_tenant(organization_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_option, goal_kpi, insight, dashboard_layout TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON goal, api_key TO kpi_app;

CREATE TRIGGER kpi_option_audit AFTER INSERT OR UPDATE OR DELETE ON kpi_option FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER goal_audit AFTER INSERT OR UPDATE OR DELETE ON goal FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER goal_kpi_audit AFTER INSERT OR UPDATE OR DELETE ON goal_kpi FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER insight_audit AFTER INSERT OR UPDATE OR DELETE ON insight FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER api_key_audit AFTER INSERT OR UPDATE OR DELETE ON api_key FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER dashboard_layout_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard_layout FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Client-visible tables and columns (the secret hash of API keys stays here).
-- ADD TABLE names only what this migration brings; the tables already
-- published keep their entries (kpi and data_point are published whole, so
-- their new columns replicate without a change here). See 003_kpi.sql
-- for the convention.
ALTER PUBLICATION zkpi_pub ADD TABLE
  kpi_option, goal, goal_kpi, insight, dashboard_layout,
  api_key (id, organization_id, name, prefix, role, created_by, created_at, last_used_at, revoked_at);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE kpi_option, goal, goal_kpi, insight, dashboard_layout, api_key;
DROP TABLE dashboard_layout, api_key, insight, goal_kpi, goal, kpi_option;
ALTER TABLE data_point DROP COLUMN source, DROP COLUMN note, DROP COLUMN updated_at;
ALTER TABLE kpi DROP COLUMN description, DROP COLUMN category, DROP COLUMN direction, DROP COLUMN frequency,
  DROP COLUMN owner_id, DROP COLUMN account_id;
