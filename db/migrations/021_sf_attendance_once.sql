-- Up Migration

-- One attendance entry per employee, shift and shift date (issue 10): the
-- mutator says so in words (sync/mutators/shop-floor/entry-checks.ts); this
-- index is the backstop for two devices entering the same person at once.
CREATE UNIQUE INDEX sf_attendance_entry_once_key ON sf_attendance_entry (organization_id, employee_id, shift_id, shift_date);

-- Down Migration
DROP INDEX sf_attendance_entry_once_key;
