import { expect, test } from 'vitest';
import { signUp } from '../helpers/people.ts';

test('probe', async () => {
  for (let i = 0; i < 12; i++) {
    try {
      const p = await signUp();
      console.log(i, p.ip, p.cookie.slice(0, 200));
    } catch (e) {
      console.log(i, (e as Error).message);
    }
  }
  expect(1).toBe(1);
});
