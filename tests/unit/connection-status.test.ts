import { describe, expect, test } from 'vitest';
import { describeConnection } from '../../web/features/sync/connection-status.ts';

const up = { browserOnline: true, everConnected: true } as const;

describe('the sync badge', () => {
  test('the first connection after a load is "Connecting", a dropped one "Reconnecting"', () => {
    expect(describeConnection({ state: 'connecting', browserOnline: true, everConnected: false }).text).toBe('Connecting…');
    expect(describeConnection({ state: 'connecting', ...up }).text).toBe('Reconnecting…');
    expect(describeConnection({ state: 'connected', ...up })).toEqual({ text: 'Live', tone: 'live' });
  });

  test('the browser going offline wins at once, even while Zero still counts the socket as connected', () => {
    for (const state of ['connected', 'connecting', 'needs-auth', 'disconnected'] as const) {
      expect(describeConnection({ state, browserOnline: false, everConnected: true })).toEqual({
        text: 'Offline',
        tone: 'offline',
      });
    }
  });

  test('Zero giving up or failing reads as offline; a refused session asks to sign in', () => {
    for (const state of ['disconnected', 'error', 'closed'] as const)
      expect(describeConnection({ state, ...up }).text).toBe('Offline');
    expect(describeConnection({ state: 'needs-auth', ...up }).tone).toBe('auth');
  });
});
