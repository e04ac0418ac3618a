import { definePermissions } from '../permissions/define.ts';

/**
 * Chat's part of the permission matrix. Every member may read the
 * organization's shared threads, start threads of their own and ask
 * questions (a viewer may ask too: the model reads only what the asker may
 * read, through tools that run as them). Whether a thread is readable also
 * depends on the row: a private thread is its author's alone (RLS in
 * migration 024, the synced queries in sync/queries/chat.ts). The record of
 * every tool call the model made is for admins.
 */
export const chatPermissions = definePermissions({
  chat: { read: 'viewer', create: 'viewer', ask: 'viewer' },
  chatToolCall: { read: 'admin' },
});
