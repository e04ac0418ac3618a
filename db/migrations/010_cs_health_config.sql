-- Up Migration

-- Customer-success pack: health configuration. A reference range per
-- organization and KPI name (seed 002's kpi_reference_ranges): three bands
-- that tile one interval, worst to best in the KPI's direction (the CHECK is
-- the same rule as shared/health/ranges.ts, so no path can store a bad one).
CREATE TABLE reference_range (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  kpi_name text NOT NULL CHECK (char_length(kpi_name) BETWEEN 1 AND 100),
  unit text NOT NULL DEFAULT '' CHECK (char_length(unit) <= 20),
  higher_is_better boolean NOT NULL,
  critical_min double precision NOT NULL,
  critical_max double precision NOT NULL,
  risk_min double precision NOT NULL,
  risk_max double precision NOT NULL,
  healthy_min double precision NOT NULL,
  healthy_max double precision NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, kpi_name),
  CHECK (critical_min < critical_max AND risk_min < risk_max AND healthy_min < healthy_max),
  CHECK (CASE WHEN higher_is_better THEN critical_max = risk_min AND risk_max = healthy_min
              ELSE healthy_max = risk_min AND risk_max = critical_min END),
  CHECK (greatest(abs(critical_min), abs(critical_max), abs(risk_min), abs(risk_max), abs(healthy_min), abs(healthy_max)) <= 1e15)
);

-- The organization's category weights, one row (one change is one version).
CREATE TABLE health_category_weights (
  id text PRIMARY KEY,
  organization_id text NOT NULL UNIQUE REFERENCES organization (id) ON DELETE CASCADE,
  weights jsonb NOT NULL,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- Every change to a range or the weights, numbered per organization: who,
-- when, before and after. Written by the trigger below, never by a client.
CREATE TABLE health_config_version (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN ('reference_range', 'category_weights')),
  subject text,
  before jsonb,
  after jsonb,
  changed_by text REFERENCES "user" (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL,
  UNIQUE (organization_id, version)
);
CREATE INDEX health_config_version_org_idx ON health_config_version (organization_id, version);

-- One version per changed row; the per-organization lock makes the numbers
-- gapless under concurrent changes. SECURITY DEFINER: kpi_app may read the
-- versions but never write them.
CREATE FUNCTION health_config_version_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  org text := r->>'organization_id';
  next_version integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('health-config:' || org));
  SELECT coalesce(max(version), 0) + 1 INTO next_version FROM health_config_version WHERE organization_id = org;
  INSERT INTO health_config_version (id, organization_id, version, kind, subject, before, after, changed_by, changed_at)
  VALUES (gen_random_uuid()::text, org, next_version, TG_ARGV[0], r->>'kpi_name',
          CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END, CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END,
          nullif(app_user_id(), ''), now());
  RETURN NULL;
END $$;

CREATE TRIGGER reference_range_version AFTER INSERT OR UPDATE OR DELETE ON reference_range
  FOR EACH ROW EXECUTE FUNCTION health_config_version_row('reference_range');
CREATE TRIGGER health_category_weights_version AFTER INSERT OR UPDATE OR DELETE ON health_category_weights
  FOR EACH ROW EXECUTE FUNCTION health_config_version_row('category_weights');
CREATE TRIGGER reference_range_audit AFTER INSERT OR UPDATE OR DELETE ON reference_range FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER health_category_weights_audit AFTER INSERT OR UPDATE OR DELETE ON health_category_weights
  FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER TABLE reference_range ENABLE ROW LEVEL SECURITY;
ALTER TABLE health_category_weights ENABLE ROW LEVEL SECURITY;
ALTER TABLE health_config_version ENABLE ROW LEVEL SECURITY;

CREATE POLICY reference_range_read ON reference_range FOR SELECT TO kpi_app USING (app_can(organization_id, 'healthConfig', 'read'));
CREATE POLICY reference_range_write ON reference_range FOR ALL TO kpi_app
  USING (app_can(organization_id, 'healthConfig', 'manage'))
  WITH CHECK (app_can(organization_id, 'healthConfig', 'manage'));
CREATE POLICY health_category_weights_read ON health_category_weights FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'healthConfig', 'read'));
CREATE POLICY health_category_weights_write ON health_category_weights FOR ALL TO kpi_app
  USING (app_can(organization_id, 'healthConfig', 'manage'))
  WITH CHECK (app_can(organization_id, 'healthConfig', 'manage'));
CREATE POLICY health_config_version_read ON health_config_version FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'healthConfig', 'read'));

GRANT SELECT, INSERT, UPDATE, DELETE ON reference_range, health_category_weights TO kpi_app;
GRANT SELECT ON health_config_version TO kpi_app;

ALTER PUBLICATION zkpi_pub ADD TABLE reference_range, health_category_weights, health_config_version;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE reference_range, health_category_weights, health_config_version;
DROP TABLE health_config_version, health_category_weights, reference_range;
DROP FUNCTION health_config_version_row();
