import type { TransactionSql } from 'postgres';

const REPORT_PAGE = 1000;
const encoder = new TextEncoder();

/** One CSV cell: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused for spreadsheets. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A batch's error report as CSV (row, field, message; by row, then as found),
 * a page of rows at a time through a cursor, so a report of 100,000 errors
 * is never built whole. `read` runs the given work in the caller's tenant
 * transaction; the stream waits for the client to take each page.
 */
export function errorReportStream(
  read: (work: (sql: TransactionSql) => Promise<void>) => Promise<unknown>,
  batch: { id: string; orgID: string },
): ReadableStream<Uint8Array> {
  let wanted: (() => void) | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const room = () =>
          (controller.desiredSize ?? 1) > 0 ? Promise.resolve() : new Promise<void>((resolve) => (wanted = resolve));
        read(async (sql) => {
          controller.enqueue(encoder.encode('row,field,message\r\n'));
          const pages = sql<{ row: number; field: string; message: string }[]>`
            SELECT row_number AS row, field, message FROM sf_production_batch_error
             WHERE batch_id = ${batch.id} AND organization_id = ${batch.orgID}
             ORDER BY row_number, seq`.cursor(REPORT_PAGE);
          for await (const page of pages) {
            const text = page.map((e) => `${e.row},${cell(e.field)},${cell(e.message)}\r\n`).join('');
            controller.enqueue(encoder.encode(text));
            await room();
          }
        }).then(
          () => controller.close(),
          (err) => controller.error(err),
        );
      },
      pull() {
        wanted?.();
        wanted = null;
      },
    },
    { highWaterMark: 4 },
  );
}
