-- Up Migration

-- The permission matrix (shared/permissions/matrix.ts) as rows: which role may
-- take which action on which resource, on every row ('all') or only on the
-- rows it owns ('own'). The server replaces these rows from the matrix at
-- every start, right after migrations (server/db/role-permissions.ts), so the
-- policies below follow the matrix instead of restating role lists. Only the
-- admin role writes it; kpi_app reaches it only through app_can/app_can_row.
CREATE TABLE app_role_permission (
  role text NOT NULL,
  resource text NOT NULL,
  action text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('all', 'own')),
  PRIMARY KEY (role, resource, action)
);

-- The acting user's scope for any of `acts` on `res` in `org` ('all' wins
-- over 'own', hence min()), or null when they may not or are not a member.
-- SECURITY DEFINER, like app_member_role, so it reads membership and the
-- matrix whatever the caller may read; one lookup per call.
CREATE FUNCTION app_scope(org text, res text, acts text[]) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT min(p.scope) FROM member m
     JOIN app_role_permission p ON p.role = m.role
    WHERE m."organizationId" = org AND m."userId" = app_user_id()
      AND p.resource = res AND p.action = ANY (acts) $$;

-- True when the row belongs to the organization of this transaction and the
-- acting member may take one of `acts` on `res` there (on some rows at
-- least): the SQL twin of can() in shared/permissions/matrix.ts.
CREATE FUNCTION app_can(org text, res text, VARIADIC acts text[]) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT org = app_org_id() AND app_scope(org, res, acts) IS NOT NULL $$;

-- As app_can for one row owned by `row_owner`: an 'own' grant reaches only
-- the acting user's rows. The SQL twin of canActOn().
CREATE FUNCTION app_can_row(org text, res text, act text, row_owner text) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT org = app_org_id() AND coalesce(
     CASE app_scope(org, res, ARRAY[act]) WHEN 'all' THEN true WHEN 'own' THEN row_owner = app_user_id() END, false) $$;

REVOKE ALL ON FUNCTION app_scope(text, text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_can(text, text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_can_row(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_scope(text, text, text[]), app_can(text, text, text[]),
  app_can_row(text, text, text, text) TO kpi_app;

-- Every tenant table's policies, re-created to read the matrix.
DROP POLICY audit_log_read ON audit_log;
CREATE POLICY audit_log_read ON audit_log FOR SELECT TO kpi_app USING (app_can(organization_id, 'auditLog', 'read'));

DROP POLICY kpi_read ON kpi;
DROP POLICY kpi_insert ON kpi;
DROP POLICY kpi_update ON kpi;
CREATE POLICY kpi_read ON kpi FOR SELECT TO kpi_app USING (app_can(organization_id, 'kpi', 'read'));
CREATE POLICY kpi_insert ON kpi FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'kpi', 'create'));
-- Whoever changes a KPI's data points moves its current value; which columns
-- they may change is the mutators' rule.
CREATE POLICY kpi_update ON kpi FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'kpi', 'update', 'archive') OR app_can(organization_id, 'dataPoint', 'create', 'update', 'delete'))
  WITH CHECK (app_can(organization_id, 'kpi', 'update', 'archive') OR app_can(organization_id, 'dataPoint', 'create', 'update', 'delete'));

DROP POLICY data_point_read ON data_point;
DROP POLICY data_point_insert ON data_point;
DROP POLICY data_point_update ON data_point;
DROP POLICY data_point_delete ON data_point;
CREATE POLICY data_point_read ON data_point FOR SELECT TO kpi_app USING (app_can(organization_id, 'dataPoint', 'read'));
CREATE POLICY data_point_insert ON data_point FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'dataPoint', 'create'));
-- Operators may correct only the points they entered (an 'own' grant).
CREATE POLICY data_point_update ON data_point FOR UPDATE TO kpi_app
  USING (app_can_row(organization_id, 'dataPoint', 'update', created_by))
  WITH CHECK (app_can_row(organization_id, 'dataPoint', 'update', created_by));
CREATE POLICY data_point_delete ON data_point FOR DELETE TO kpi_app USING (app_can(organization_id, 'dataPoint', 'delete'));

DROP POLICY kpi_option_read ON kpi_option;
DROP POLICY kpi_option_write ON kpi_option;
CREATE POLICY kpi_option_read ON kpi_option FOR SELECT TO kpi_app USING (app_can(organization_id, 'kpiOption', 'read'));
CREATE POLICY kpi_option_write ON kpi_option FOR ALL TO kpi_app
  USING (app_can(organization_id, 'kpiOption', 'manage'))
  WITH CHECK (app_can(organization_id, 'kpiOption', 'manage'));

DROP POLICY goal_read ON goal;
DROP POLICY goal_write ON goal;
DROP POLICY goal_update ON goal;
CREATE POLICY goal_read ON goal FOR SELECT TO kpi_app USING (app_can(organization_id, 'goal', 'read'));
CREATE POLICY goal_write ON goal FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'goal', 'create'));
-- Whoever changes a goal's KPIs' data points moves its progress (and the
-- insight job, acting as them, its pace); other columns are the mutators' rule.
CREATE POLICY goal_update ON goal FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'goal', 'update', 'archive') OR app_can(organization_id, 'dataPoint', 'create', 'update', 'delete'))
  WITH CHECK (app_can(organization_id, 'goal', 'update', 'archive') OR app_can(organization_id, 'dataPoint', 'create', 'update', 'delete'));

DROP POLICY goal_kpi_read ON goal_kpi;
DROP POLICY goal_kpi_write ON goal_kpi;
CREATE POLICY goal_kpi_read ON goal_kpi FOR SELECT TO kpi_app USING (app_can(organization_id, 'goal', 'read'));
CREATE POLICY goal_kpi_write ON goal_kpi FOR ALL TO kpi_app
  USING (app_can(organization_id, 'goal', 'create', 'update'))
  WITH CHECK (app_can(organization_id, 'goal', 'create', 'update'));

DROP POLICY insight_read ON insight;
DROP POLICY insight_write ON insight;
CREATE POLICY insight_read ON insight FOR SELECT TO kpi_app USING (app_can(organization_id, 'insight', 'read'));
-- Written by the insight job in the context of the member whose change to a
-- KPI or its data points triggered it.
CREATE POLICY insight_write ON insight FOR ALL TO kpi_app
  USING (app_can(organization_id, 'dataPoint', 'create', 'update', 'delete') OR app_can(organization_id, 'kpi', 'create', 'update', 'archive'))
  WITH CHECK (app_can(organization_id, 'dataPoint', 'create', 'update', 'delete') OR app_can(organization_id, 'kpi', 'create', 'update', 'archive'));

DROP POLICY api_key_admin ON api_key;
CREATE POLICY api_key_read ON api_key FOR SELECT TO kpi_app USING (app_can(organization_id, 'apiKey', 'read'));
CREATE POLICY api_key_manage ON api_key FOR ALL TO kpi_app
  USING (app_can(organization_id, 'apiKey', 'manage'))
  WITH CHECK (app_can(organization_id, 'apiKey', 'manage'));

DROP POLICY dashboard_layout_own ON dashboard_layout;
CREATE POLICY dashboard_layout_read ON dashboard_layout FOR SELECT TO kpi_app
  USING (app_can_row(organization_id, 'dashboardLayout', 'read', user_id));
CREATE POLICY dashboard_layout_write ON dashboard_layout FOR ALL TO kpi_app
  USING (app_can_row(organization_id, 'dashboardLayout', 'update', user_id))
  WITH CHECK (app_can_row(organization_id, 'dashboardLayout', 'update', user_id));

-- Down Migration
DROP POLICY dashboard_layout_write ON dashboard_layout;
DROP POLICY dashboard_layout_read ON dashboard_layout;
CREATE POLICY dashboard_layout_own ON dashboard_layout FOR ALL TO kpi_app
  USING (user_id = app_user_id() AND app_in_tenant(organization_id))
  WITH CHECK (user_id = app_user_id() AND app_in_tenant(organization_id));
DROP POLICY api_key_manage ON api_key;
DROP POLICY api_key_read ON api_key;
CREATE POLICY api_key_admin ON api_key FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin']));
DROP POLICY insight_write ON insight;
DROP POLICY insight_read ON insight;
CREATE POLICY insight_read ON insight FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY insight_write ON insight FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
DROP POLICY goal_kpi_write ON goal_kpi;
DROP POLICY goal_kpi_read ON goal_kpi;
CREATE POLICY goal_kpi_read ON goal_kpi FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY goal_kpi_write ON goal_kpi FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
DROP POLICY goal_update ON goal;
DROP POLICY goal_write ON goal;
DROP POLICY goal_read ON goal;
CREATE POLICY goal_read ON goal FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY goal_write ON goal FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
CREATE POLICY goal_update ON goal FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
DROP POLICY kpi_option_write ON kpi_option;
DROP POLICY kpi_option_read ON kpi_option;
CREATE POLICY kpi_option_read ON kpi_option FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY kpi_option_write ON kpi_option FOR ALL TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin']));
DROP POLICY data_point_delete ON data_point;
DROP POLICY data_point_update ON data_point;
DROP POLICY data_point_insert ON data_point;
DROP POLICY data_point_read ON data_point;
CREATE POLICY data_point_read ON data_point FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY data_point_insert ON data_point FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
CREATE POLICY data_point_update ON data_point FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
CREATE POLICY data_point_delete ON data_point FOR DELETE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
DROP POLICY kpi_update ON kpi;
DROP POLICY kpi_insert ON kpi;
DROP POLICY kpi_read ON kpi;
CREATE POLICY kpi_read ON kpi FOR SELECT TO kpi_app USING (app_in_tenant(organization_id));
CREATE POLICY kpi_insert ON kpi FOR INSERT TO kpi_app
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager']));
CREATE POLICY kpi_update ON kpi FOR UPDATE TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']))
  WITH CHECK (app_in_tenant(organization_id, ARRAY['owner', 'admin', 'manager', 'operator']));
DROP POLICY audit_log_read ON audit_log;
CREATE POLICY audit_log_read ON audit_log FOR SELECT TO kpi_app
  USING (app_in_tenant(organization_id, ARRAY['owner', 'admin']));
DROP FUNCTION app_can_row(text, text, text, text);
DROP FUNCTION app_can(text, text, text[]);
DROP FUNCTION app_scope(text, text, text[]);
DROP TABLE app_role_permission;
