-- Up Migration

-- Shop-floor pack, work orders (seed 003): the order (number unique in the
-- organization, planned quantity, product, planned start, planned and actual
-- ship dates, status), its jobs (each on a line, status following the
-- order's), every status transition kept as a row (from, to, reason, who,
-- when) and every hold with its reason and, once released, its duration.
-- The lifecycle (shared/shop-floor/work-orders.ts) is enforced by the
-- transition mutator, which locks the order's row first so two people
-- moving it at once are checked one after the other.

CREATE TABLE sf_work_order (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  number text NOT NULL CHECK (char_length(number) BETWEEN 1 AND 40),
  product_id text,
  planned_quantity integer NOT NULL CHECK (planned_quantity BETWEEN 1 AND 1000000000),
  planned_start timestamptz,
  planned_ship_date date,
  actual_ship_date date,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED')),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, product_id) REFERENCES sf_product (organization_id, id)
);
CREATE UNIQUE INDEX sf_work_order_org_id_key ON sf_work_order (organization_id, id);
CREATE UNIQUE INDEX sf_work_order_org_number_key ON sf_work_order (organization_id, number);
CREATE INDEX sf_work_order_org_status_idx ON sf_work_order (organization_id, status, number, id);
CREATE INDEX sf_work_order_org_product_idx ON sf_work_order (organization_id, product_id);

CREATE TABLE sf_job (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  work_order_id text NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  line_id text NOT NULL,
  planned_quantity integer NOT NULL CHECK (planned_quantity BETWEEN 1 AND 1000000000),
  -- Follows the order's status (set by the transition mutator in the same transaction).
  status text NOT NULL CHECK (status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED')),
  created_by text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (work_order_id, name),
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, line_id) REFERENCES sf_line (organization_id, id)
);
CREATE UNIQUE INDEX sf_job_org_id_key ON sf_job (organization_id, id);
CREATE INDEX sf_job_org_work_order_idx ON sf_job (organization_id, work_order_id, name, id);
CREATE INDEX sf_job_org_line_idx ON sf_job (organization_id, line_id);

-- One row per status change, the creation included (from_status null). Never changed.
CREATE TABLE sf_work_order_transition (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  work_order_id text NOT NULL,
  from_status text CHECK (from_status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED')),
  to_status text NOT NULL CHECK (to_status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED')),
  reason text CHECK (char_length(reason) BETWEEN 1 AND 500),
  actor_id text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sf_work_order_transition_org_order_idx ON sf_work_order_transition (organization_id, work_order_id, created_at, id);

-- A hold: started by the transition to ON_HOLD (same id), ended by the one
-- that leaves it; duration_seconds is kept when it ends.
CREATE TABLE sf_work_order_hold (
  id text PRIMARY KEY,
  organization_id text NOT NULL,
  work_order_id text NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  started_by text REFERENCES "user" (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL,
  ended_by text REFERENCES "user" (id) ON DELETE SET NULL,
  ended_at timestamptz,
  duration_seconds integer CHECK (duration_seconds >= 0),
  FOREIGN KEY (organization_id, work_order_id) REFERENCES sf_work_order (organization_id, id) ON DELETE CASCADE,
  CHECK ((ended_at IS NULL) = (duration_seconds IS NULL))
);
CREATE INDEX sf_work_order_hold_org_order_idx ON sf_work_order_hold (organization_id, work_order_id, started_at, id);
-- At most one open hold per order.
CREATE UNIQUE INDEX sf_work_order_hold_one_open_key ON sf_work_order_hold (work_order_id) WHERE ended_at IS NULL;

ALTER TABLE sf_work_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_work_order_transition ENABLE ROW LEVEL SECURITY;
ALTER TABLE sf_work_order_hold ENABLE ROW LEVEL SECURITY;

CREATE POLICY sf_work_order_read ON sf_work_order FOR SELECT TO kpi_app USING (app_can(organization_id, 'workOrder', 'read'));
CREATE POLICY sf_work_order_insert ON sf_work_order FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'workOrder', 'create'));
-- Editing, and the status by a transition (holding is operators', closing managers'; which one is the mutator's rule).
CREATE POLICY sf_work_order_update ON sf_work_order FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'workOrder', 'update', 'hold', 'close'))
  WITH CHECK (app_can(organization_id, 'workOrder', 'update', 'hold', 'close'));

CREATE POLICY sf_job_read ON sf_job FOR SELECT TO kpi_app USING (app_can(organization_id, 'job', 'read'));
CREATE POLICY sf_job_insert ON sf_job FOR INSERT TO kpi_app WITH CHECK (app_can(organization_id, 'job', 'create'));
-- A job's status follows its order's: whoever moves the order moves its jobs.
CREATE POLICY sf_job_update ON sf_job FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'job', 'update') OR app_can(organization_id, 'workOrder', 'hold', 'close'))
  WITH CHECK (app_can(organization_id, 'job', 'update') OR app_can(organization_id, 'workOrder', 'hold', 'close'));

-- Who made a transition is whoever is acting: no one writes one in another's name.
CREATE POLICY sf_work_order_transition_read ON sf_work_order_transition FOR SELECT TO kpi_app
  USING (app_can(organization_id, 'workOrder', 'read'));
CREATE POLICY sf_work_order_transition_insert ON sf_work_order_transition FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'workOrder', 'create', 'hold', 'close') AND actor_id = app_user_id());

CREATE POLICY sf_work_order_hold_read ON sf_work_order_hold FOR SELECT TO kpi_app USING (app_can(organization_id, 'workOrder', 'read'));
CREATE POLICY sf_work_order_hold_insert ON sf_work_order_hold FOR INSERT TO kpi_app
  WITH CHECK (app_can(organization_id, 'workOrder', 'hold') AND started_by = app_user_id());
-- Released (hold) or ended by closing the order (close).
CREATE POLICY sf_work_order_hold_update ON sf_work_order_hold FOR UPDATE TO kpi_app
  USING (app_can(organization_id, 'workOrder', 'hold', 'close'))
  WITH CHECK (app_can(organization_id, 'workOrder', 'hold', 'close'));

GRANT SELECT, INSERT, UPDATE ON sf_work_order, sf_job, sf_work_order_hold TO kpi_app;
GRANT SELECT, INSERT ON sf_work_order_transition TO kpi_app;

CREATE TRIGGER sf_work_order_audit AFTER INSERT OR UPDATE OR DELETE ON sf_work_order FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_job_audit AFTER INSERT OR UPDATE OR DELETE ON sf_job FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_work_order_transition_audit AFTER INSERT OR UPDATE OR DELETE ON sf_work_order_transition
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER sf_work_order_hold_audit AFTER INSERT OR UPDATE OR DELETE ON sf_work_order_hold
  FOR EACH ROW EXECUTE FUNCTION audit_row();

ALTER PUBLICATION zkpi_pub ADD TABLE sf_work_order, sf_job, sf_work_order_transition, sf_work_order_hold;

-- Down Migration
ALTER PUBLICATION zkpi_pub DROP TABLE sf_work_order, sf_job, sf_work_order_transition, sf_work_order_hold;
DROP TABLE sf_work_order_hold, sf_work_order_transition, sf_job, sf_work_order;
