-- Up Migration

-- better-auth changes organizations, memberships and invitations as kpi_auth,
-- outside our mutators. Its hooks record those changes through this function:
-- kpi_auth may append to the audit trail, never read or alter it.
CREATE FUNCTION record_audit(org text, actor text, act text, tbl text, row_ref text, before_row jsonb, after_row jsonb, src text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_log (organization_id, actor_id, action, table_name, row_id, before, after, source)
  VALUES (org, actor, act, tbl, row_ref, before_row, after_row, src)
$$;
REVOKE ALL ON FUNCTION record_audit(text, text, text, text, text, jsonb, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_audit(text, text, text, text, text, jsonb, jsonb, text) TO kpi_auth;

-- Down Migration
DROP FUNCTION record_audit(text, text, text, text, text, jsonb, jsonb, text);
