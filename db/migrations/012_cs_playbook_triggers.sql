-- Up Migration

-- Customer-success pack: what starts each playbook in an organization. One
-- row per organization and built-in playbook (shared/playbooks/builtins.ts),
-- made when an admin first changes it (until then the defaults apply: the
-- VoC sprint's conditions of seed 002, auto-trigger off). The job that
-- evaluates triggers keeps the count and the times.
CREATE TABLE playbook_trigger (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  playbook_id text NOT NULL CHECK (playbook_id IN ('voc-sprint', 'activation', 'sla', 'renewal', 'expansion')),
  auto_trigger boolean NOT NULL DEFAULT false,
  conditions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(conditions) = 'array' AND jsonb_array_length(conditions) <= 20),
  trigger_count integer NOT NULL DEFAULT 0 CHECK (trigger_count >= 0),
  last_evaluated_at timestamptz,
  last_fired_at timestamptz,
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, playbook_id)
);

ALTER TABLE playbook_trigger ENABLE ROW LEVEL SECURITY;
CREATE POLICY playbook_trigger_read ON playbook_trigger FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'playbookTrigger', 'read'));
CREATE POLICY playbook_trigger_write ON playbook_trigger FOR ALL TO kpi_app
  USING (app_can(organization_id, 'playbookTrigger', 'manage'))
  WITH CHECK (app_can(organization_id, 'playbookTrigger', 'manage'));
GRANT SELECT, INSERT, UPDATE ON playbook_trigger TO kpi_app;

CREATE TRIGGER playbook_trigger_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_trigger FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE playbook_trigger;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE playbook_trigger;
DROP TABLE playbook_trigger;
