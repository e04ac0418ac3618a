-- Up Migration

-- Two restricted roles the server switches to on every connection (see
-- server/db/pools.ts). Neither is a superuser, neither bypasses RLS, and
-- neither owns a table, so row-level security always applies to them.
--   kpi_auth: better-auth's tables only (sessions, passwords, tokens).
--   kpi_app:  tenant data, read-only views of membership; never secrets.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kpi_app') THEN
    CREATE ROLE kpi_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kpi_auth') THEN
    CREATE ROLE kpi_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  EXECUTE format('GRANT kpi_app, kpi_auth TO %I', current_user);
END $$;

GRANT USAGE ON SCHEMA public TO kpi_app, kpi_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON "user", "session", "account", "verification",
  "organization", "member", "invitation", "rateLimit" TO kpi_auth;
-- The app role sees who belongs where, and people's display names; nothing else of auth.
GRANT SELECT ON "organization", "member" TO kpi_app;
GRANT SELECT (id, name, image) ON "user" TO kpi_app;

-- Request context, set per transaction by the server with set_config(..., true).
CREATE FUNCTION app_user_id() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '') $$;
CREATE FUNCTION app_org_id() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.org_id', true), '') $$;

-- The acting user's role in an organization, or null when not a member.
-- SECURITY DEFINER so policies can consult membership whatever the caller may read.
CREATE FUNCTION app_member_role(org text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT m.role FROM member m WHERE m."organizationId" = org AND m."userId" = app_user_id() $$;
REVOKE ALL ON FUNCTION app_member_role(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_member_role(text) TO kpi_app;

-- True when the row belongs to the organization of this transaction and the
-- acting user is a member holding one of `roles` (any role when null).
CREATE FUNCTION app_in_tenant(org text, roles text[] DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT org = app_org_id() AND (
     CASE WHEN roles IS NULL THEN app_member_role(org) IS NOT NULL
          ELSE app_member_role(org) = ANY (roles) END) $$;

-- Audit trail: one row per insert, update or delete on a tenant table,
-- written by a trigger so no write path can skip it.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id text NOT NULL,
  actor_id text,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  table_name text NOT NULL,
  row_id text NOT NULL,
  before jsonb,
  after jsonb,
  source text,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_log_org_at_idx ON audit_log (organization_id, at DESC, id);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']));
GRANT SELECT ON audit_log TO kpi_app;

CREATE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  r jsonb := coalesce(new_row, old_row);
BEGIN
  INSERT INTO audit_log (organization_id, actor_id, action, table_name, row_id, before, after, source)
  VALUES (r->>'organization_id', app_user_id(), lower(TG_OP), TG_TABLE_NAME, r->>'id', old_row, new_row,
          nullif(current_setting('app.source', true), ''));
  RETURN NULL;
END $$;

-- zero-cache keeps per-client mutation bookkeeping in schema zkpi_0 (app id
-- "zkpi", shard 0). The server writes those rows inside each mutator's
-- transaction, as kpi_app, so grant on whatever zero-cache creates there.
CREATE SCHEMA IF NOT EXISTS zkpi_0;
GRANT USAGE ON SCHEMA zkpi_0 TO kpi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA zkpi_0 GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kpi_app;

-- Down Migration
DROP SCHEMA IF EXISTS zkpi_0 CASCADE;
DROP FUNCTION audit_row();
DROP TABLE audit_log;
DROP FUNCTION app_in_tenant(text, text[]);
DROP FUNCTION app_member_role(text);
DROP FUNCTION app_org_id();
DROP FUNCTION app_user_id();
