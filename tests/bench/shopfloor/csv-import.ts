import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BATCH_PATH } from '../../helpers/batches.ts';
import { startChildStack } from '../../helpers/child-stack.ts';
import { baseUrl, createOrg, nextIp, type Person, signUp } from '../../helpers/people.ts';
import { rest } from '../../helpers/rest.ts';
import type { StackInfo } from '../../helpers/stack-info.ts';
import { useStack } from '../../helpers/stack-info.ts';
import { mergeBenchSection } from '../bench-output.ts';
import type { ShopFloorBenchContext } from './context.ts';

/**
 * The shop-floor benchmark's CSV section (issue 10 item 11): a generated
 * ROWS-row CSV through the real REST endpoint, as a client would send it
 * (streamed, chunked: no Content-Length), then confirm and wait until the
 * batch is COMPLETED. Figures: upload-and-validate time, import time, total
 * (target < 10 s), and the server process's peak RSS while it ran (target
 * < 300 MB), sampled from /proc/<pid>/status. Asserts nothing.
 */
/** What one measurement needs: a stack, a signed-in owner of a fresh organization, and the server's pid. */
interface CsvImportContext {
  stack: StackInfo;
  owner: Person;
  orgID: string;
  log: (line: string) => void;
  /** The process whose memory is measured: the server, running apart from this one. */
  serverPid: number;
  /** Rows in the file (default 100,000, or BENCH_CSV_ROWS). */
  rows?: number;
}

const WORK_ORDERS = 50;
const ROWS_PER_CHUNK = 1000;
const mb = (kb: number) => Math.round(kb / 1024);
const seconds = (ms: number) => Math.round(ms) / 1000;

/** A kB figure of /proc/<pid>/status (VmRSS now, VmHWM the peak so far). */
function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
}

/** The CSV, generated a chunk of rows at a time: the bench never holds the file either. */
function csvStream(rows: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next === 0)
        controller.enqueue(
          encoder.encode('work_order_id,shift_date,units_produced,run_time_hours,employees_assigned,line,units_defective\n'),
        );
      if (next >= rows) {
        controller.close();
        return;
      }
      let text = '';
      for (const end = Math.min(rows, next + ROWS_PER_CHUNK); next < end; next++) {
        const day = String((next % 28) + 1).padStart(2, '0');
        text += `BENCH-${next % WORK_ORDERS},2026-11-${day},${400 + (next % 100)},7.5,${3 + (next % 4)},Bench line,${next % 7}\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

/** The organization's line and work orders the generated rows name. */
async function setUp(me: { person: Person; org: string }): Promise<void> {
  const ok = async (path: string, body: unknown) => {
    const res = await rest(me, 'POST', path, body);
    if (res.status !== 201) throw new Error(`set-up refused: ${path} ${res.status} ${JSON.stringify(res.body)}`);
  };
  await ok('/api/lines', { name: 'Bench line' });
  for (let i = 0; i < WORK_ORDERS; i++) await ok('/api/work-orders', { number: `BENCH-${i}`, plannedQuantity: 1_000_000 });
}

async function measure(ctx: CsvImportContext) {
  const rows = ctx.rows ?? Number(process.env.BENCH_CSV_ROWS ?? 100_000);
  const { owner, orgID, log } = ctx;
  const pid = ctx.serverPid;
  useStack(ctx.stack);
  const me = { person: owner, org: orgID };
  await setUp(me);

  const rssBefore = procKb(pid, 'VmRSS');
  let peakRss = rssBefore;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, procKb(pid, 'VmRSS'));
      await sleep(20);
    }
  })();

  log(`uploading ${rows.toLocaleString('en-US')} rows ...`);
  const started = performance.now();
  const res = await fetch(`${baseUrl()}${BATCH_PATH}`, {
    method: 'POST',
    headers: {
      origin: baseUrl(),
      cookie: owner.cookie,
      'x-forwarded-for': owner.ip ?? nextIp(),
      'x-organization-id': orgID,
      'content-type': 'text/csv',
      'x-file-name': 'bench.csv',
    },
    body: csvStream(rows),
    duplex: 'half',
  } as RequestInit);
  const upload = (await res.json()) as { batchId: string; total: number; valid: number; invalid: number };
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(upload)}`);
  const uploaded = performance.now();
  const uploadPeak = peakRss;

  const confirm = await rest(me, 'POST', `${BATCH_PATH}/${upload.batchId}/confirm`);
  if (confirm.status !== 202) throw new Error(`confirm refused: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  let status = { status: 'PROCESSING', processed: 0, total: upload.valid };
  while (status.status === 'PROCESSING') {
    await sleep(50);
    status = (await rest(me, 'GET', `${BATCH_PATH}/${upload.batchId}/status`)).body;
  }
  const finished = performance.now();
  sampling = false;
  await sampler;

  const figures = {
    rows,
    valid: upload.valid,
    invalid: upload.invalid,
    status: status.status,
    imported: status.processed,
    upload_validate_s: seconds(uploaded - started),
    import_s: seconds(finished - uploaded),
    total_s: seconds(finished - started),
    target_total_s: 10,
    server_peak_rss_mb: mb(peakRss),
    server_peak_rss_upload_mb: mb(uploadPeak),
    server_rss_before_mb: mb(rssBefore),
    server_vm_hwm_mb: mb(procKb(pid, 'VmHWM')),
    target_peak_rss_mb: 300,
    load_average: loadavg().map((l) => Math.round(l * 10) / 10),
    note: 'RSS of the server process (Postgres and zero-cache are separate processes, not counted), sampled every 20 ms; VmHWM is its lifetime peak',
  };
  log(JSON.stringify(figures, null, 2));
  return figures;
}

/**
 * The section as `npm run bench:shopfloor` runs it: on a stack of its own,
 * started as `npm start` starts it (the server in its own process, with its
 * Node flags), so the memory measured is the server's alone, not the bench
 * driver's, which hosts the other sections' in-process stack.
 */
export async function run(ctx: Pick<ShopFloorBenchContext, 'log'> & { stack?: StackInfo }): Promise<Record<string, unknown>> {
  const stack = await startChildStack();
  try {
    useStack(stack.info);
    const owner = await signUp('CSV bench');
    const orgID = await createOrg(owner, 'CSV import bench');
    return await measure({ stack: stack.info, owner, orgID, log: ctx.log, serverPid: stack.pid });
  } finally {
    await stack.stop();
    if (ctx.stack) useStack(ctx.stack);
  }
}

// Run alone (`node tests/bench/shopfloor/csv-import.ts`): the same, stored in bench-results/shopfloor.json too.
if (import.meta.main) {
  const figures = await run({ log: console.log });
  await mergeBenchSection('shopfloor', 'csv-import', { ...figures, measuredAt: new Date().toISOString() });
}
