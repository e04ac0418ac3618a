-- Up Migration

-- The organization's time zone (shared/locale.ts): the clock its calendar
-- days are read on, so "today" on the shop floor's line dashboard and the
-- shift dates it counts are the factory's, whatever zone a viewer's device
-- is in. Admins set it in Settings with the locale and currency (the
-- organization.updateFormats mutator). The CHECK holds the shape of an IANA
-- name (letters first, no offsets such as "+01:00"); the shared rule checks
-- that Intl knows the zone, with a field message.
ALTER TABLE organization
  ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'
    CHECK (length(time_zone) <= 64 AND time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$');
-- organization_app_formats (009) already limits the app role's updates to admins of the row.
GRANT UPDATE (time_zone) ON organization TO kpi_app;

-- The formats' audit (009) records the time zone too: before and after carry all three settings.
CREATE OR REPLACE FUNCTION audit_organization_formats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO audit_log (organization_id, actor_id, action, table_name, row_id, before, after, source)
  VALUES (NEW.id, app_user_id(), 'update', TG_TABLE_NAME, NEW.id,
          jsonb_build_object('locale', OLD.locale, 'currency', OLD.currency, 'time_zone', OLD.time_zone),
          jsonb_build_object('locale', NEW.locale, 'currency', NEW.currency, 'time_zone', NEW.time_zone),
          nullif(current_setting('app.source', true), ''));
  RETURN NULL;
END $$;
DROP TRIGGER organization_formats_audit ON organization;
CREATE TRIGGER organization_formats_audit AFTER UPDATE OF locale, currency, time_zone ON organization
  FOR EACH ROW WHEN (OLD.locale IS DISTINCT FROM NEW.locale OR OLD.currency IS DISTINCT FROM NEW.currency
                     OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION audit_organization_formats();

-- organization is published with a column list: a new column means dropping
-- and re-adding its entry (see 003_kpi.sql).
ALTER PUBLICATION zkpi_pub DROP TABLE organization;
ALTER PUBLICATION zkpi_pub ADD TABLE organization (id, name, slug, logo, "createdAt", locale, currency, time_zone);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE organization;
ALTER PUBLICATION zkpi_pub ADD TABLE organization (id, name, slug, logo, "createdAt", locale, currency);
DROP TRIGGER organization_formats_audit ON organization;
CREATE OR REPLACE FUNCTION audit_organization_formats() RETURNS trigger
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
REVOKE UPDATE (time_zone) ON organization FROM kpi_app;
ALTER TABLE organization DROP COLUMN time_zone;
