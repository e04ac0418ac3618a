-- Up Migration

-- The app role reads organizations, memberships and people's names (for
-- permission checks and display). Limit that to what the acting user may see:
-- the organizations they belong to, those organizations' members, and the
-- names of people they share an organization with. better-auth manages these
-- tables as kpi_auth with its own checks, so that role keeps full access.
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;

CREATE POLICY organization_auth ON organization TO kpi_auth USING (true) WITH CHECK (true);
CREATE POLICY member_auth ON member TO kpi_auth USING (true) WITH CHECK (true);
CREATE POLICY user_auth ON "user" TO kpi_auth USING (true) WITH CHECK (true);

CREATE POLICY organization_app_read ON organization FOR SELECT TO kpi_app
  USING (app_member_role(id) IS NOT NULL);
CREATE POLICY member_app_read ON member FOR SELECT TO kpi_app
  USING (app_member_role("organizationId") IS NOT NULL);
CREATE POLICY user_app_read ON "user" FOR SELECT TO kpi_app
  USING (id = app_user_id() OR EXISTS (
    SELECT 1 FROM member m WHERE m."userId" = "user".id AND app_member_role(m."organizationId") IS NOT NULL));

-- Down Migration
DROP POLICY user_app_read ON "user";
DROP POLICY member_app_read ON member;
DROP POLICY organization_app_read ON organization;
DROP POLICY user_auth ON "user";
DROP POLICY member_auth ON member;
DROP POLICY organization_auth ON organization;
ALTER TABLE "user" DISABLE ROW LEVEL SECURITY;
ALTER TABLE member DISABLE ROW LEVEL SECURITY;
ALTER TABLE organization DISABLE ROW LEVEL SECURITY;
