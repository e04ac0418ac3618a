-- Up Migration

-- Customer-success pack: playbooks at work. An organization's own copies of
-- the built-ins (shared/playbooks/builtins.ts), executions of a playbook on
-- an account with their steps (copied from the playbook at start), notes on
-- steps (appended, one row each, so two people typing never overwrite each
-- other), who is editing which step now, and the RACI report made when an
-- execution completes.

-- An organization's copy of a built-in playbook, edited freely.
CREATE TABLE playbook_copy (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  source_playbook_id text NOT NULL CHECK (source_playbook_id IN ('voc-sprint', 'activation', 'sla', 'renewal', 'expansion')),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  duration_days integer NOT NULL CHECK (duration_days BETWEEN 1 AND 365),
  steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) BETWEEN 1 AND 50),
  exit_criteria jsonb NOT NULL CHECK (jsonb_typeof(exit_criteria) = 'array' AND jsonb_array_length(exit_criteria) <= 50),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX playbook_copy_org_name_idx ON playbook_copy (organization_id, name, id);

-- One run of a playbook (a built-in id or a copy's id) on an account. The
-- playbook's name, exit criteria and RACI are copied at start, so editing a
-- copy later changes no running execution.
CREATE TABLE playbook_execution (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  account_id text NOT NULL,
  playbook_id text NOT NULL CHECK (char_length(playbook_id) BETWEEN 1 AND 200),
  playbook_name text NOT NULL CHECK (char_length(playbook_name) BETWEEN 1 AND 200),
  exit_criteria jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(exit_criteria) = 'array'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
  triggered_by text NOT NULL CHECK (triggered_by IN ('auto', 'manual')),
  -- The conditions that fired an automatic start.
  trigger_reason jsonb,
  -- The account's KPI values at start ([{kpi, value}]): the report's baseline.
  baseline jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(baseline) = 'array'),
  started_by text REFERENCES "user" (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  completed_by text REFERENCES "user" (id) ON DELETE SET NULL,
  completed_at timestamptz,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, account_id) REFERENCES cs_account (organization_id, id) ON DELETE CASCADE,
  CHECK ((status = 'active') = (completed_at IS NULL))
);
CREATE UNIQUE INDEX playbook_execution_org_id_key ON playbook_execution (organization_id, id);
CREATE INDEX playbook_execution_org_account_idx ON playbook_execution (organization_id, account_id, started_at, id);
CREATE INDEX playbook_execution_org_status_idx ON playbook_execution (organization_id, status, started_at, id);
-- At most one open execution per account and playbook: an automatic start
-- racing another cannot make a second.
CREATE UNIQUE INDEX playbook_execution_one_open_key ON playbook_execution (organization_id, account_id, playbook_id)
  WHERE status = 'active';

CREATE TABLE playbook_step (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  execution_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  step_key text NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
  raci jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done', 'skipped')),
  assignee_id text REFERENCES "user" (id) ON DELETE SET NULL,
  due_at timestamptz,
  result text CHECK (char_length(result) <= 5000),
  updated_by text REFERENCES "user" (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (execution_id, position),
  FOREIGN KEY (organization_id, execution_id) REFERENCES playbook_execution (organization_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX playbook_step_org_id_key ON playbook_step (organization_id, id);
CREATE INDEX playbook_step_org_execution_idx ON playbook_step (organization_id, execution_id, position, id);

-- Notes are appended, never rewritten: concurrent typing is never lost.
CREATE TABLE playbook_step_note (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  execution_id text NOT NULL,
  step_id text NOT NULL,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  author_id text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, execution_id) REFERENCES playbook_execution (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, step_id) REFERENCES playbook_step (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX playbook_step_note_org_execution_idx ON playbook_step_note (organization_id, execution_id, created_at, id);

-- Who is editing which step (and field) of an execution now; one row per
-- person and execution. Presence, not tenant data anyone edits: not audited.
CREATE TABLE playbook_step_editing (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  execution_id text NOT NULL,
  step_id text,
  field text CHECK (field IN ('status', 'assignee', 'dueAt', 'result', 'notes')),
  user_id text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  UNIQUE (execution_id, user_id),
  FOREIGN KEY (organization_id, execution_id) REFERENCES playbook_execution (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX playbook_step_editing_org_execution_idx ON playbook_step_editing (organization_id, execution_id, id);

-- The RACI report of a completed execution (report_data as seed 002); goes with it.
CREATE TABLE playbook_report (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  execution_id text NOT NULL UNIQUE,
  report_data jsonb NOT NULL CHECK (jsonb_typeof(report_data) = 'object'),
  generated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, execution_id) REFERENCES playbook_execution (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX playbook_report_org_execution_idx ON playbook_report (organization_id, execution_id);

ALTER TABLE playbook_copy ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbook_execution ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbook_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbook_step_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbook_step_editing ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbook_report ENABLE ROW LEVEL SECURITY;

CREATE POLICY playbook_copy_read ON playbook_copy FOR SELECT TO kpi_app USING (app_can(organization_id, 'playbook', 'read'));
CREATE POLICY playbook_copy_write ON playbook_copy FOR ALL TO kpi_app
  USING (app_can(organization_id, 'playbook', 'manage')) WITH CHECK (app_can(organization_id, 'playbook', 'manage'));

CREATE POLICY playbook_execution_read ON playbook_execution FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'playbookExecution', 'read'));
CREATE POLICY playbook_execution_insert ON playbook_execution FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'playbookExecution', 'start'));
-- Finishing by its last step is the work of whoever finishes it; completing, cancelling by hand and deleting are managers'.
CREATE POLICY playbook_execution_update ON playbook_execution FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'playbookStep', 'work') OR app_can(organization_id, 'playbookExecution', 'manage'))
  WITH CHECK (app_can(organization_id, 'playbookStep', 'work') OR app_can(organization_id, 'playbookExecution', 'manage'));
CREATE POLICY playbook_execution_delete ON playbook_execution FOR DELETE TO kpi_app
  USING (app_can(organization_id, 'playbookExecution', 'manage'));

CREATE POLICY playbook_step_read ON playbook_step FOR SELECT TO kpi_app USING (app_can(organization_id, 'playbookStep', 'read'));
CREATE POLICY playbook_step_insert ON playbook_step FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'playbookExecution', 'start'));
CREATE POLICY playbook_step_update ON playbook_step FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'playbookStep', 'work')) WITH CHECK (app_can(organization_id, 'playbookStep', 'work'));

CREATE POLICY playbook_step_note_read ON playbook_step_note FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'playbookStep', 'read'));
CREATE POLICY playbook_step_note_insert ON playbook_step_note FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'playbookStep', 'work') AND author_id = app_user_id());

CREATE POLICY playbook_step_editing_read ON playbook_step_editing FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'playbookStep', 'read'));
CREATE POLICY playbook_step_editing_write ON playbook_step_editing FOR ALL TO kpi_app
  USING (app_can_row(organization_id, 'playbookEditing', 'update', user_id))
  WITH CHECK (app_can_row(organization_id, 'playbookEditing', 'update', user_id));

CREATE POLICY playbook_report_read ON playbook_report FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'playbookExecution', 'read'));
CREATE POLICY playbook_report_insert ON playbook_report FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'playbookStep', 'work') OR app_can(organization_id, 'playbookExecution', 'manage'));

GRANT SELECT, INSERT, UPDATE, DELETE ON playbook_copy, playbook_execution, playbook_step_editing TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON playbook_step TO kpi_app;
GRANT SELECT, INSERT ON playbook_step_note, playbook_report TO kpi_app;

CREATE TRIGGER playbook_copy_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_copy FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER playbook_execution_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_execution FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER playbook_step_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_step FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER playbook_step_note_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_step_note FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER playbook_report_audit AFTER INSERT OR UPDATE OR DELETE ON playbook_report FOR EACH ROW EXECUTE FUNCTION audit_row();

-- The trigger job's bookkeeping: it acts as the member whose write crossed a
-- threshold, who may start executions but not configure triggers, so it
-- records evaluations through this function, which touches only the counts
-- and times of the acting organization's enabled triggers.
CREATE FUNCTION app_record_playbook_trigger(org text, playbook text, fired boolean) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS
$$ UPDATE playbook_trigger
      SET last_evaluated_at = now(),
          trigger_count = trigger_count + CASE WHEN fired THEN 1 ELSE 0 END,
          last_fired_at = CASE WHEN fired THEN now() ELSE last_fired_at END
    WHERE organization_id = org AND playbook_id = playbook AND auto_trigger
      AND org = app_org_id() AND app_can(org, 'playbookExecution', 'start') $$;
REVOKE ALL ON FUNCTION app_record_playbook_trigger(text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_record_playbook_trigger(text, text, boolean) TO kpi_app;

ALTER PUBLICATION zkpi_pub ADD TABLE playbook_copy, playbook_execution, playbook_step, playbook_step_note,
  playbook_step_editing, playbook_report;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE playbook_copy, playbook_execution, playbook_step, playbook_step_note,
  playbook_step_editing, playbook_report;
DROP FUNCTION app_record_playbook_trigger(text, text, boolean);
DROP TABLE playbook_report, playbook_step_editing, playbook_step_note, playbook_step, playbook_execution, playbook_copy;
