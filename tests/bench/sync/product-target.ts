import { randomUUID } from 'node:crypto';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { Kpi } from '../../../sync/schema.ts';
import { addMember, createOrg, type Person, signUp } from '../../helpers/people.ts';
import { type StackInfo, useStack } from '../../helpers/stack-info.ts';
import { openZero } from '../../helpers/zero-client.ts';
import type { ReaderHandle } from './reader-types.ts';

export interface ProductReaderSpec {
  kind: 'product';
  stack: StackInfo;
  orgID: string;
  kpiID: string;
  people: Person[];
}

/** A member of the bench organization watching its KPI list (the KPI's current value). */
export function openProductReader(spec: ProductReaderSpec, person: Person): ReaderHandle {
  useStack(spec.stack);
  const zero = openZero(person, spec.orgID);
  const view = zero.materialize(queries.kpis.list({ orgID: spec.orgID }));
  return {
    listen(cb) {
      view.addListener((rows, resultType) =>
        cb((rows as readonly Kpi[]).find((k) => k.id === spec.kpiID)?.currentValue, resultType === 'complete'),
      );
    },
    async close() {
      view.destroy();
      await zero.close();
    },
  };
}

export interface ProductSetup {
  writer: Person;
  orgID: string;
  kpiID: string;
  readers: Person[];
}

/** One organization with a writer (its owner), `n` viewer members and one KPI, made through the real endpoints. */
export async function setUpProduct(stack: StackInfo, n: number): Promise<ProductSetup> {
  useStack(stack);
  const writer = await signUp('Bench writer');
  const orgID = await createOrg(writer, 'Bench org');
  const readers: Person[] = [];
  for (let i = 0; i < n; i++) {
    const p = await signUp(`Reader ${i + 1}`);
    await addMember(writer, orgID, p, 'viewer');
    readers.push(p);
  }
  const setup = openZero(writer, orgID);
  const kpiID = randomUUID();
  const made = await setup.mutate(mutators.kpi.create({ id: kpiID, name: 'Throughput', unit: 'count', target: 1000 })).server;
  if (made.type !== 'success') throw new Error(`could not create the KPI: ${JSON.stringify(made)}`);
  await setup.close();
  return { writer, orgID, kpiID, readers };
}

/** The writer: adds a data point through the product mutator (which moves the KPI's current value). */
export function productWriter(stack: StackInfo, s: ProductSetup) {
  useStack(stack);
  const zero = openZero(s.writer, s.orgID);
  return {
    write: (value: number) => zero.mutate(mutators.dataPoint.add({ id: randomUUID(), kpiID: s.kpiID, value })).server,
    close: () => zero.close(),
  };
}
