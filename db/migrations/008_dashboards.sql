-- Up Migration

-- Dashboards: the organization's shared ones and each person's private ones,
-- each with a time range and widgets on a 12-column grid.
CREATE TABLE dashboard (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  shared boolean NOT NULL,
  time_range text NOT NULL DEFAULT '30d' CHECK (time_range IN ('7d', '30d', '90d', '12m', 'custom')),
  range_start timestamptz,
  range_end timestamptz,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (time_range <> 'custom' OR (range_start IS NOT NULL AND range_end IS NOT NULL AND range_start < range_end))
);
CREATE UNIQUE INDEX dashboard_org_id_key ON dashboard (organization_id, id);
CREATE INDEX dashboard_org_name_idx ON dashboard (organization_id, name, id);

-- One row per widget, so two people moving different widgets never write the
-- same row (no move is lost); its KPIs are rows of dashboard_widget_kpi.
CREATE TABLE dashboard_widget (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  dashboard_id text NOT NULL,
  type text NOT NULL CHECK (char_length(type) BETWEEN 1 AND 40),
  goal_id text,
  text text NOT NULL DEFAULT '' CHECK (char_length(text) <= 1000),
  x integer NOT NULL CHECK (x >= 0),
  y integer NOT NULL CHECK (y >= 0 AND y < 200),
  w integer NOT NULL CHECK (w BETWEEN 1 AND 12),
  h integer NOT NULL CHECK (h BETWEEN 1 AND 12),
  options jsonb NOT NULL DEFAULT '{}',
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CHECK (x + w <= 12),
  FOREIGN KEY (organization_id, dashboard_id) REFERENCES dashboard (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, goal_id) REFERENCES goal (organization_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX dashboard_widget_org_id_key ON dashboard_widget (organization_id, id);
CREATE INDEX dashboard_widget_org_dashboard_idx ON dashboard_widget (organization_id, dashboard_id, id);
CREATE INDEX dashboard_widget_org_goal_idx ON dashboard_widget (organization_id, goal_id);

-- The KPIs a widget shows, in order. The foreign keys keep every KPI in the
-- widget's organization; dashboard_id lets a dashboard's KPIs be read in one
-- join (the dashboard page and its share link).
CREATE TABLE dashboard_widget_kpi (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  dashboard_id text NOT NULL,
  widget_id text NOT NULL,
  kpi_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (widget_id, kpi_id),
  FOREIGN KEY (organization_id, dashboard_id) REFERENCES dashboard (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, widget_id) REFERENCES dashboard_widget (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, kpi_id) REFERENCES kpi (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX dashboard_widget_kpi_org_dashboard_idx ON dashboard_widget_kpi (organization_id, dashboard_id, kpi_id);
CREATE INDEX dashboard_widget_kpi_org_kpi_idx ON dashboard_widget_kpi (organization_id, kpi_id);

-- Read-only share links for wall screens. Only a hash of the token is kept,
-- and it is not published: zero-cache sees when a link was made, expires and
-- was revoked, never the token.
CREATE TABLE dashboard_share (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  dashboard_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (organization_id, dashboard_id) REFERENCES dashboard (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX dashboard_share_org_dashboard_idx ON dashboard_share (organization_id, dashboard_id, id);

-- Who is looking at or arranging a dashboard, refreshed by a heartbeat.
-- Presence is not tenant data anyone edits: it is not audited.
CREATE TABLE dashboard_presence (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  dashboard_id text NOT NULL,
  user_id text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  arranging boolean NOT NULL DEFAULT false,
  widget_id text,
  seen_at timestamptz NOT NULL,
  UNIQUE (dashboard_id, user_id),
  FOREIGN KEY (organization_id, dashboard_id) REFERENCES dashboard (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX dashboard_presence_org_dashboard_idx ON dashboard_presence (organization_id, dashboard_id, id);

-- Each person's default dashboard in an organization (their home page).
CREATE TABLE dashboard_preference (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  default_dashboard_id text,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, user_id),
  FOREIGN KEY (organization_id, default_dashboard_id) REFERENCES dashboard (organization_id, id) ON DELETE SET NULL (default_dashboard_id)
);

-- Whether the acting member may take `act` ('read' or 'edit') on a dashboard:
-- a shared one by the matrix (dashboard.read / dashboard.edit), a private one
-- only its keeper (dashboard.keep). SECURITY DEFINER so widget policies can
-- look at the dashboard row whatever the caller may read of it.
CREATE FUNCTION app_can_dashboard(org text, dashboard text, act text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (
     SELECT 1 FROM dashboard d
      WHERE d.organization_id = org AND d.id = dashboard AND org = app_org_id()
        AND CASE WHEN d.shared THEN app_scope(org, 'dashboard', ARRAY[act]) IS NOT NULL
                 ELSE d.created_by = app_user_id() AND app_scope(org, 'dashboard', ARRAY['keep']) IS NOT NULL END) $$;
REVOKE ALL ON FUNCTION app_can_dashboard(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_can_dashboard(text, text, text) TO kpi_app;

ALTER TABLE dashboard ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_widget ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_widget_kpi ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_share ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_presence ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_preference ENABLE ROW LEVEL SECURITY;

CREATE POLICY dashboard_read ON dashboard FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'dashboard', 'read') AND (shared OR created_by = app_user_id()));
-- A shared dashboard is the editors'; a private one its keeper's (rows both before and after a change).
CREATE POLICY dashboard_write ON dashboard FOR ALL TO kpi_app
  USING ((shared AND app_can(organization_id, 'dashboard', 'edit'))
      OR (NOT shared AND created_by = app_user_id() AND app_can(organization_id, 'dashboard', 'keep')))
  WITH CHECK ((shared AND app_can(organization_id, 'dashboard', 'edit'))
      OR (NOT shared AND created_by = app_user_id() AND app_can(organization_id, 'dashboard', 'keep')));

CREATE POLICY dashboard_widget_read ON dashboard_widget FOR SELECT TO kpi_app
  USING (app_can_dashboard(organization_id, dashboard_id, 'read'));
CREATE POLICY dashboard_widget_write ON dashboard_widget FOR ALL TO kpi_app
  USING (app_can_dashboard(organization_id, dashboard_id, 'edit'))
  WITH CHECK (app_can_dashboard(organization_id, dashboard_id, 'edit'));

CREATE POLICY dashboard_widget_kpi_read ON dashboard_widget_kpi FOR SELECT TO kpi_app
  USING (app_can_dashboard(organization_id, dashboard_id, 'read'));
CREATE POLICY dashboard_widget_kpi_write ON dashboard_widget_kpi FOR ALL TO kpi_app
  USING (app_can_dashboard(organization_id, dashboard_id, 'edit'))
  WITH CHECK (app_can_dashboard(organization_id, dashboard_id, 'edit'));

CREATE POLICY dashboard_share_read ON dashboard_share FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'dashboardShare', 'read'));
CREATE POLICY dashboard_share_write ON dashboard_share FOR ALL TO kpi_app
  USING (app_can(organization_id, 'dashboardShare', 'manage'))
  WITH CHECK (app_can(organization_id, 'dashboardShare', 'manage'));

CREATE POLICY dashboard_presence_read ON dashboard_presence FOR SELECT TO kpi_app
  USING (app_can_dashboard(organization_id, dashboard_id, 'read'));
CREATE POLICY dashboard_presence_write ON dashboard_presence FOR ALL TO kpi_app
  USING (app_can_row(organization_id, 'dashboardPresence', 'update', user_id))
  WITH CHECK (app_can_row(organization_id, 'dashboardPresence', 'update', user_id)
      AND app_can_dashboard(organization_id, dashboard_id, 'read'));

CREATE POLICY dashboard_preference_read ON dashboard_preference FOR SELECT TO kpi_app
  USING (app_can_row(organization_id, 'dashboardPreference', 'read', user_id));
CREATE POLICY dashboard_preference_write ON dashboard_preference FOR ALL TO kpi_app
  USING (app_can_row(organization_id, 'dashboardPreference', 'update', user_id))
  WITH CHECK (app_can_row(organization_id, 'dashboardPreference', 'update', user_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON dashboard, dashboard_widget, dashboard_widget_kpi, dashboard_presence,
  dashboard_preference TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON dashboard_share TO kpi_app;

CREATE TRIGGER dashboard_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER dashboard_widget_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard_widget FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER dashboard_widget_kpi_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard_widget_kpi FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER dashboard_share_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard_share FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER dashboard_preference_audit AFTER INSERT OR UPDATE OR DELETE ON dashboard_preference FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE
  dashboard, dashboard_widget, dashboard_widget_kpi, dashboard_presence, dashboard_preference,
  dashboard_share (id, organization_id, dashboard_id, prefix, created_by, created_at, expires_at, revoked_at);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE dashboard, dashboard_widget, dashboard_widget_kpi, dashboard_presence,
  dashboard_preference, dashboard_share;
DROP TABLE dashboard_preference, dashboard_presence, dashboard_share, dashboard_widget_kpi, dashboard_widget, dashboard;
DROP FUNCTION app_can_dashboard(text, text, text);
