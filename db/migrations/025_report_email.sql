-- Up Migration

-- Scheduled report e-mail (issue 11, item 8). A schedule names a report, its
-- format and parameters, who receives it, and when (a cron expression read
-- in an IANA time zone). next_run_at is the next due instant: a job that
-- any server instance may run every minute claims due schedules by moving
-- next_run_at forward in the same statement that finds them
-- (server/report-email/claim.ts), so each due run is claimed once.
-- Managers and up read, create, delete and "send now" (reportSchedule);
-- the send log (report_send) is for admins (reportSend). Sends are written
-- by the claim (as the table owner, across organizations) and by "send now"
-- (as the caller); their delivery status is written by the send job as the
-- owner (the mail transport is platform plumbing, like the job queue),
-- while the report itself is rendered as the member who asked, under RLS.
CREATE TABLE report_schedule (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  -- Scheduled runs render the report as this member (what they may see is what is sent).
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  report text NOT NULL CHECK (report IN ('kpis', 'account-health', 'production-daily')),
  format text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
  recipients text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
  cron text NOT NULL CHECK (char_length(cron) BETWEEN 1 AND 200),
  timezone text NOT NULL CHECK (char_length(timezone) BETWEEN 1 AND 64),
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  -- The latest send's status, for the schedules list (the full log is admins').
  last_status text CHECK (last_status IN ('queued', 'sent', 'failed', 'not_configured')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_schedule_org_id_key ON report_schedule (organization_id, id);
CREATE INDEX report_schedule_org_created_idx ON report_schedule (organization_id, created_at DESC);
-- The claim's scan: due schedules across organizations.
CREATE INDEX report_schedule_due_idx ON report_schedule (next_run_at);

CREATE TABLE report_send (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  -- Null for a manual send; kept (as null) when its schedule is deleted, so the log stays.
  schedule_id text,
  -- The due instant of a scheduled run: one send per schedule and due time, whoever claimed it.
  due_at timestamptz,
  requested_by text REFERENCES "user" (id) ON DELETE SET NULL,
  report text NOT NULL CHECK (report IN ('kpis', 'account-health', 'production-daily')),
  format text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  params jsonb NOT NULL DEFAULT '{}',
  recipients text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'not_configured')),
  error text CHECK (char_length(error) <= 2000),
  message_id text CHECK (char_length(message_id) <= 500),
  -- The SMTP server's answer to the message ("250 OK ..."), for admins chasing a lost mail.
  smtp_response text CHECK (char_length(smtp_response) <= 1000),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, schedule_id) REFERENCES report_schedule (organization_id, id) ON DELETE SET NULL (schedule_id)
);
CREATE UNIQUE INDEX report_send_schedule_due_key ON report_send (schedule_id, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX report_send_org_created_idx ON report_send (organization_id, created_at DESC);

ALTER TABLE report_schedule ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_send ENABLE ROW LEVEL SECURITY;

CREATE POLICY report_schedule_read ON report_schedule FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'reportSchedule', 'read'));
CREATE POLICY report_schedule_insert ON report_schedule FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'reportSchedule', 'create') AND created_by = app_user_id());
CREATE POLICY report_schedule_delete ON report_schedule FOR DELETE TO kpi_app
  USING (app_can(organization_id, 'reportSchedule', 'delete'));

CREATE POLICY report_send_read ON report_send FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'reportSend', 'read'));
-- "Send now": the caller asks for a send of a schedule of theirs, as themselves.
CREATE POLICY report_send_insert ON report_send FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'reportSchedule', 'run') AND requested_by = app_user_id());

GRANT SELECT, INSERT, DELETE ON report_schedule TO kpi_app;
GRANT SELECT, INSERT ON report_send TO kpi_app;

CREATE TRIGGER report_schedule_audit AFTER INSERT OR UPDATE OR DELETE ON report_schedule
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER report_send_audit AFTER INSERT OR UPDATE OR DELETE ON report_send
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Both sync: the schedules page lists schedules and (for admins) the send log live.
ALTER PUBLICATION zkpi_pub ADD TABLE report_schedule (
  id, organization_id, created_by, report, format, params, recipients, cron, timezone, next_run_at, last_run_at,
  last_status, created_at
);
ALTER PUBLICATION zkpi_pub ADD TABLE report_send (
  id, organization_id, schedule_id, due_at, requested_by, report, format, params, recipients, status, error,
  message_id, smtp_response, sent_at, created_at
);

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE report_send;
ALTER PUBLICATION zkpi_pub DROP TABLE report_schedule;
DROP TABLE report_send, report_schedule;
