-- Up Migration

-- Customer-success pack: live health. Each account's current health (one row
-- per account, id = the account's id), its monthly snapshots (the trend, seed
-- 002's health_trends), and re-score runs over past months. All three are
-- written by the server's jobs (server/customer-success/health/), acting as the
-- member whose change asked for them, never by a client: the scores come from
-- shared/health/ over the organization's KPIs, ranges and weights.

CREATE TABLE account_health (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  account_id text NOT NULL,
  overall double precision CHECK (overall BETWEEN 0 AND 100),
  -- [{name, score, weight, validKpis}]
  categories jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(categories) = 'array'),
  -- [{kpiId, name, category, weight, value, valueAt, status, score, range}]
  kpis jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kpis) = 'array'),
  total_kpis integer NOT NULL DEFAULT 0 CHECK (total_kpis >= 0),
  valid_kpis integer NOT NULL DEFAULT 0 CHECK (valid_kpis >= 0 AND valid_kpis <= total_kpis),
  -- The health_config_version number the score used (0: none yet, the defaults).
  config_version integer NOT NULL DEFAULT 0 CHECK (config_version >= 0),
  updated_at timestamptz NOT NULL,
  CHECK (id = account_id),
  UNIQUE (organization_id, account_id),
  FOREIGN KEY (organization_id, account_id) REFERENCES cs_account (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE health_trend (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  account_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  overall double precision CHECK (overall BETWEEN 0 AND 100),
  categories jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(categories) = 'array'),
  kpis jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kpis) = 'array'),
  total_kpis integer NOT NULL DEFAULT 0 CHECK (total_kpis >= 0),
  valid_kpis integer NOT NULL DEFAULT 0 CHECK (valid_kpis >= 0 AND valid_kpis <= total_kpis),
  config_version integer NOT NULL DEFAULT 0 CHECK (config_version >= 0),
  computed_at timestamptz NOT NULL,
  UNIQUE (account_id, month),
  FOREIGN KEY (organization_id, account_id) REFERENCES cs_account (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX health_trend_org_account_month_idx ON health_trend (organization_id, account_id, month);
CREATE INDEX health_trend_org_month_idx ON health_trend (organization_id, month);

-- A re-score of past months (from_month..to_month) under one configuration
-- version; done/total advance as the job goes, so every viewer sees progress.
CREATE TABLE health_rescore (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  from_month text NOT NULL CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  to_month text NOT NULL CHECK (to_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  config_version integer NOT NULL CHECK (config_version >= 0),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  error text CHECK (char_length(error) <= 1000),
  requested_by text REFERENCES "user" (id) ON DELETE SET NULL,
  requested_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK (from_month <= to_month),
  CHECK (done <= total)
);
CREATE INDEX health_rescore_org_time_idx ON health_rescore (organization_id, requested_at);

ALTER TABLE account_health ENABLE ROW LEVEL SECURITY;
ALTER TABLE health_trend ENABLE ROW LEVEL SECURITY;
ALTER TABLE health_rescore ENABLE ROW LEVEL SECURITY;

CREATE POLICY account_health_read ON account_health FOR SELECT TO kpi_app USING (app_can(organization_id, 'accountHealth', 'read'));
-- Written by the health job acting as the member whose change asked for it.
CREATE POLICY account_health_write ON account_health FOR ALL TO kpi_app
  USING (app_can(organization_id, 'accountHealth', 'recompute'))
  WITH CHECK (app_can(organization_id, 'accountHealth', 'recompute'));
CREATE POLICY health_trend_read ON health_trend FOR SELECT TO kpi_app USING (app_can(organization_id, 'accountHealth', 'read'));
CREATE POLICY health_trend_write ON health_trend FOR ALL TO kpi_app
  USING (app_can(organization_id, 'accountHealth', 'recompute'))
  WITH CHECK (app_can(organization_id, 'accountHealth', 'recompute'));
CREATE POLICY health_rescore_read ON health_rescore FOR SELECT TO kpi_app USING (app_can(organization_id, 'healthRescore', 'read'));
CREATE POLICY health_rescore_write ON health_rescore FOR ALL TO kpi_app
  USING (app_can(organization_id, 'healthRescore', 'start'))
  WITH CHECK (app_can(organization_id, 'healthRescore', 'start'));

GRANT SELECT, INSERT, UPDATE, DELETE ON account_health, health_trend TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON health_rescore TO kpi_app;

-- A re-score run is a member's action: audited. The scores themselves are
-- derived (recomputed within a second of every change): not audited.
CREATE TRIGGER health_rescore_audit AFTER INSERT OR UPDATE OR DELETE ON health_rescore FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE account_health, health_trend, health_rescore;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE account_health, health_trend, health_rescore;
DROP TABLE health_rescore, health_trend, account_health;
