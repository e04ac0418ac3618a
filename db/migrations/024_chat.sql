-- Up Migration

-- AI chat on KPIs (issue 11): threads in the organization, their messages,
-- and every tool call a model made while answering. A thread is private to
-- its author or shared with the organization; a message is readable when its
-- thread is. The server writes the assistant's answer as the person who asked
-- (author_id), growing its content while the model writes, so teammates who
-- watch the thread through Zero see it arrive. Who may do what is the chat
-- and chatToolCall resources of the matrix (shared/chat/permissions.ts).

CREATE TABLE chat_thread (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  shared boolean NOT NULL DEFAULT false,
  -- Where the thread was started: {"kind": "kpi" | "account" | "line" | "dashboard", "id": ...}, or null.
  context jsonb CHECK (context IS NULL OR jsonb_typeof(context) = 'object'),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX chat_thread_org_id_key ON chat_thread (organization_id, id);
CREATE INDEX chat_thread_org_updated_idx ON chat_thread (organization_id, updated_at DESC, id);

CREATE TABLE chat_message (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  thread_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  content text NOT NULL DEFAULT '' CHECK (char_length(content) <= 20000),
  status text NOT NULL DEFAULT 'complete' CHECK (status IN ('streaming', 'complete', 'failed')),
  error text CHECK (char_length(error) <= 1000),
  -- The person who wrote the question, or whose question the answer is.
  author_id text REFERENCES "user" (id) ON DELETE SET NULL,
  -- [{type: 'kpi' | 'dataPoint' | 'account' | 'line' | 'entry', id, label}]: what the answer's numbers came from.
  sources jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sources) = 'array'),
  -- Changes the model proposed, awaiting the person's confirmation in the app (nothing is written until then).
  proposals jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(proposals) = 'array'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, thread_id) REFERENCES chat_thread (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_message_org_thread_idx ON chat_message (organization_id, thread_id, created_at, id);
-- The hourly limit counts an organization's questions.
CREATE INDEX chat_message_org_questions_idx ON chat_message (organization_id, created_at) WHERE role = 'user';

CREATE TABLE chat_tool_call (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  thread_id text NOT NULL,
  message_id text NOT NULL,
  actor_id text REFERENCES "user" (id) ON DELETE SET NULL,
  tool text NOT NULL CHECK (char_length(tool) BETWEEN 1 AND 100),
  input jsonb,
  ok boolean NOT NULL,
  rows integer NOT NULL DEFAULT 0 CHECK (rows >= 0),
  error text CHECK (char_length(error) <= 1000),
  created_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, thread_id) REFERENCES chat_thread (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_tool_call_org_time_idx ON chat_tool_call (organization_id, created_at DESC, id);
CREATE INDEX chat_tool_call_org_message_idx ON chat_tool_call (organization_id, message_id);

-- Whether the acting member may read a thread: a member with chat.read, and
-- the thread shared or theirs. SECURITY DEFINER so message policies can look
-- at the thread row whatever the caller may read of it.
CREATE FUNCTION app_can_chat_thread(org text, thread text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (
     SELECT 1 FROM chat_thread t
      WHERE t.organization_id = org AND t.id = thread AND org = app_org_id()
        AND (t.shared OR t.created_by = app_user_id())
        AND app_scope(org, 'chat', ARRAY['read']) IS NOT NULL) $$;
REVOKE ALL ON FUNCTION app_can_chat_thread(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_can_chat_thread(text, text) TO kpi_app;

-- The organization's questions since `since` and the oldest of them: the
-- hourly limit counts every member's questions, private threads included,
-- which the caller may not read (hence SECURITY DEFINER, and only a count).
CREATE FUNCTION app_chat_questions_since(org text, since timestamptz, OUT questions integer, OUT oldest timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT count(*)::integer, min(created_at) FROM chat_message
    WHERE organization_id = org AND org = app_org_id() AND role = 'user' AND created_at >= since $$;
REVOKE ALL ON FUNCTION app_chat_questions_since(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_chat_questions_since(text, timestamptz) TO kpi_app;

ALTER TABLE chat_thread ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_tool_call ENABLE ROW LEVEL SECURITY;

CREATE POLICY chat_thread_read ON chat_thread FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'chat', 'read') AND (shared OR created_by = app_user_id()));
CREATE POLICY chat_thread_insert ON chat_thread FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'chat', 'create') AND created_by = app_user_id());
-- Its author renames or shares it; asking in a thread moves its updated_at (anyone who may read it and ask).
CREATE POLICY chat_thread_update ON chat_thread FOR UPDATE TO kpi_app
  USING (app_can_chat_thread(organization_id, id) AND app_can(organization_id, 'chat', 'ask'))
  WITH CHECK (app_can_chat_thread(organization_id, id) AND app_can(organization_id, 'chat', 'ask'));
CREATE POLICY chat_thread_delete ON chat_thread FOR DELETE TO kpi_app
  USING (app_can(organization_id, 'chat', 'create') AND created_by = app_user_id());

CREATE POLICY chat_message_read ON chat_message FOR SELECT TO kpi_app
  USING (app_can_chat_thread(organization_id, thread_id));
-- A question, or the answer to one, is written as the person who asked.
CREATE POLICY chat_message_insert ON chat_message FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'chat', 'ask') AND app_can_chat_thread(organization_id, thread_id)
    AND author_id = app_user_id());
CREATE POLICY chat_message_update ON chat_message FOR UPDATE TO kpi_app
  USING (app_can_chat_thread(organization_id, thread_id) AND author_id = app_user_id())
  WITH CHECK (app_can_chat_thread(organization_id, thread_id) AND author_id = app_user_id());

CREATE POLICY chat_tool_call_read ON chat_tool_call FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'chatToolCall', 'read'));
CREATE POLICY chat_tool_call_insert ON chat_tool_call FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'chat', 'ask') AND app_can_chat_thread(organization_id, thread_id)
    AND actor_id = app_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON chat_thread TO kpi_app;
GRANT SELECT, INSERT, UPDATE ON chat_message TO kpi_app;
GRANT SELECT, INSERT ON chat_tool_call TO kpi_app;

CREATE TRIGGER chat_thread_audit AFTER INSERT OR UPDATE OR DELETE ON chat_thread FOR EACH ROW EXECUTE FUNCTION audit_row();
-- An answer grows by many small updates of its content while the model
-- writes; the audit keeps the question, the answer's start and its final
-- state (status changes), not every step in between.
CREATE TRIGGER chat_message_audit AFTER INSERT OR DELETE OR UPDATE OF status ON chat_message
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER chat_tool_call_audit AFTER INSERT OR UPDATE OR DELETE ON chat_tool_call FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE chat_thread, chat_message, chat_tool_call;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE chat_thread, chat_message, chat_tool_call;
DROP TABLE chat_tool_call, chat_message, chat_thread;
DROP FUNCTION app_chat_questions_since(text, timestamptz);
DROP FUNCTION app_can_chat_thread(text, text);
