import type { TransactionSql } from 'postgres';
import type { BatchOrder, BatchRefs, BatchShift } from '../../../shared/shop-floor/batches.ts';

/**
 * The organization's work orders, lines, shifts and products, loaded once per
 * upload so that checking 100,000 rows asks Postgres nothing more. Read in
 * the uploader's tenant transaction (row-level security applies, and the
 * organization is named too).
 */
export async function loadBatchRefs(sql: TransactionSql, orgID: string): Promise<BatchRefs> {
  const [orders, lines, shifts, products] = await Promise.all([
    sql<(BatchOrder & { number: string })[]>`
      SELECT w.id, w.number, w.status, w.product_id AS "productID",
             (SELECT j.line_id FROM sf_job j WHERE j.organization_id = w.organization_id AND j.work_order_id = w.id
               ORDER BY j.created_at, j.id LIMIT 1) AS "defaultLineID"
        FROM sf_work_order w WHERE w.organization_id = ${orgID}`,
    sql<{ id: string; name: string; archived: boolean }[]>`
      SELECT id, name, archived_at IS NOT NULL AS archived FROM sf_line WHERE organization_id = ${orgID}`,
    sql<(BatchShift & { archived: boolean })[]>`
      SELECT id, name, start_time AS start, end_time AS "end", archived_at IS NOT NULL AS archived
        FROM sf_shift WHERE organization_id = ${orgID}`,
    sql<{ id: string; code: string; name: string }[]>`SELECT id, code, name FROM sf_product WHERE organization_id = ${orgID}`,
  ]);
  const byKey = <R>(rows: readonly R[], ...keys: ((r: R) => string)[]) => {
    const map = new Map<string, R>();
    // Later keys never shadow earlier ones: a name wins over someone else's id.
    for (const key of keys.reverse()) for (const r of rows) map.set(key(r), r);
    return map;
  };
  const orderMap = byKey(orders, (o) => o.number);
  const lineMap = byKey(
    lines,
    (l) => l.name,
    (l) => l.id,
  );
  const shiftMap = byKey(shifts, (s) => s.name);
  const productMap = byKey(
    products,
    (p) => p.code,
    (p) => p.name,
  );
  return {
    order: (number) => orderMap.get(number),
    line: (name) => lineMap.get(name),
    shift: (name) => shiftMap.get(name),
    product: (code) => productMap.get(code),
  };
}
