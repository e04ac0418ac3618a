-- Up Migration

-- Numbers people enter stay within ±10^15 (VALUE_LIMIT in shared/numbers.ts,
-- which the mutators and REST check first, with field messages): a target of
-- 1e308 once widened every page of its organization. NaN and the infinities
-- fail these checks too (in Postgres NaN sorts above every number).
--
-- Rows written before the bound are brought within it first, so the checks
-- can hold for every row and an old KPI stays editable; each change is kept
-- in the audit trail (before and after), marked with this migration.
SELECT set_config('app.source', 'migration:009_number_bounds', true);
UPDATE kpi SET target = 1e15 WHERE NOT (target <= 1e15);
UPDATE kpi SET current_value = CASE WHEN current_value < 0 THEN -1e15 ELSE 1e15 END
  WHERE NOT (abs(current_value) <= 1e15);
UPDATE data_point SET value = CASE WHEN value < 0 THEN -1e15 ELSE 1e15 END WHERE NOT (abs(value) <= 1e15);
UPDATE goal_kpi SET weight = 1e15 WHERE NOT (weight <= 1e15);

-- A target of 0 is allowed where lower is better ("no safety incidents"),
-- never where higher is better (targetIssue in shared/kpi.ts).
ALTER TABLE kpi DROP CONSTRAINT kpi_target_check;
ALTER TABLE kpi ADD CONSTRAINT kpi_target_check
  CHECK (target <= 1e15 AND (target > 0 OR (target = 0 AND direction = 'lower')));
ALTER TABLE kpi ADD CONSTRAINT kpi_current_value_bound CHECK (abs(current_value) <= 1e15);
ALTER TABLE data_point ADD CONSTRAINT data_point_value_bound CHECK (abs(value) <= 1e15);
ALTER TABLE goal_kpi ADD CONSTRAINT goal_kpi_weight_bound CHECK (weight <= 1e15);

-- How the organization writes numbers, money and dates (shared/locale.ts):
-- one setting for everyone in it, so a card reads the same on every screen
-- and in the insight text the server writes. Admins change it in Settings
-- (the organization.updateFormats mutator); the app role may change these
-- two columns only, better-auth keeps the rest.
ALTER TABLE organization
  ADD COLUMN locale text NOT NULL DEFAULT 'en-US' CHECK (locale ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
  ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$');
GRANT UPDATE (locale, currency) ON organization TO kpi_app;
CREATE POLICY organization_app_formats ON organization FOR UPDATE TO kpi_app
  USING (app_can(id, 'organization', 'update'))
  WITH CHECK (app_can(id, 'organization', 'update'));

-- organization has no audit_row trigger (its rows have no organization_id, and
-- better-auth's changes are recorded by its hooks); changes to these columns
-- come through our mutator and are recorded here.
CREATE FUNCTION audit_organization_formats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO audit_log (organization_id, actor_id, action, table_name, row_id, before, after, source)
  VALUES (NEW.id, app_user_id(), 'update', TG_TABLE_NAME, NEW.id,
          jsonb_build_object('locale', OLD.locale, 'currency', OLD.currency),
          jsonb_build_object('locale', NEW.locale, 'currency', NEW.currency),
          nullif(current_setting('app.source', true), ''));
  RETURN NULL;
END $$;
CREATE TRIGGER organization_formats_audit AFTER UPDATE OF locale, currency ON organization
  FOR EACH ROW WHEN (OLD.locale IS DISTINCT FROM NEW.locale OR OLD.currency IS DISTINCT FROM NEW.currency)
  EXECUTE FUNCTION audit_organization_formats();

-- organization is published with a column list: a new column means dropping
-- and re-adding its entry (see 003_kpi.sql).
ALTER PUBLICATION zkpi_pub DROP TABLE organization;
ALTER PUBLICATION zkpi_pub ADD TABLE organization (id, name, slug, logo, "createdAt", locale, currency);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE organization;
ALTER PUBLICATION zkpi_pub ADD TABLE organization (id, name, slug, logo, "createdAt");
DROP TRIGGER organization_formats_audit ON organization;
DROP FUNCTION audit_organization_formats();
DROP POLICY organization_app_formats ON organization;
REVOKE UPDATE (locale, currency) ON organization FROM kpi_app;
ALTER TABLE organization DROP COLUMN locale, DROP COLUMN currency;
ALTER TABLE goal_kpi DROP CONSTRAINT goal_kpi_weight_bound;
ALTER TABLE data_point DROP CONSTRAINT data_point_value_bound;
ALTER TABLE kpi DROP CONSTRAINT kpi_current_value_bound;
ALTER TABLE kpi DROP CONSTRAINT kpi_target_check;
-- NOT VALID: KPIs given a target of 0 since this migration keep it rather than stop the rollback.
ALTER TABLE kpi ADD CONSTRAINT kpi_target_check CHECK (target > 0) NOT VALID;
