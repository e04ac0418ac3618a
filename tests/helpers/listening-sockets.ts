import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { type ProcessInfo, processTable } from './child-stack.ts';

export interface ListeningSocket {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  address: string;
  port: number;
  pid: number;
  command: string;
}

/** `pid` and every process below it. */
export function processTree(pid: number): ProcessInfo[] {
  const table = processTable();
  const tree = table.filter((p) => p.pid === pid);
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i]?.pid;
    for (const p of table) if (p.ppid === parent) tree.push(p);
  }
  return tree;
}

/**
 * Every TCP socket in LISTEN and every unconnected bound UDP socket held by a
 * process of the tree under `pid` (Linux: /proc/<pid>/fd and /proc/net).
 */
export function listeningSockets(pid: number): ListeningSocket[] {
  const owners = new Map<string, { pid: number; command: string }>();
  for (const proc of processTree(pid)) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${proc.pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${proc.pid}/fd/${fd}`));
        if (m?.[1]) owners.set(m[1], { pid: proc.pid, command: proc.args.slice(0, 160) });
      } catch {
        // closed meanwhile
      }
    }
  }
  const found: ListeningSocket[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const listenState = protocol.startsWith('tcp') ? '0A' : '07';
    const lines = readFileSync(`/proc/net/${protocol}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const [local, , state] = [cols[1], cols[2], cols[3]];
      const inode = cols[9];
      if (state !== listenState || !local || !inode) continue;
      const owner = owners.get(inode);
      if (!owner) continue;
      const [hexAddr = '', hexPort = ''] = local.split(':');
      found.push({ protocol, address: decodeAddress(hexAddr), port: Number.parseInt(hexPort, 16), ...owner });
    }
  }
  return found;
}

/** /proc/net addresses are 32-bit words in host (little-endian) order. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => Number.parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  const v6 = groups.join(':');
  if (v6.startsWith('0:0:0:0:0:ffff:')) return bytes.slice(12).join('.'); // IPv4-mapped
  if (v6 === '0:0:0:0:0:0:0:0') return '::';
  if (v6 === '0:0:0:0:0:0:0:1') return '::1';
  return v6;
}
