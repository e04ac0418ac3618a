import type { Role } from '../../../shared/roles.ts';
import { api } from '../../lib/api.ts';
import { setActiveOrganizationId } from '../auth/session.ts';

/** better-auth's organization endpoints (membership and invitations live there). */
const BASE = '/api/auth/organization';

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  organizationId: string;
  status: string;
  expiresAt: string;
}

export interface InvitationDetails extends Invitation {
  organizationName: string;
  organizationSlug: string;
  inviterEmail: string;
}

export function createOrganization(name: string, slug: string): Promise<OrganizationSummary> {
  return api.post<OrganizationSummary>(`${BASE}/create`, { name, slug });
}

export function listOrganizations(): Promise<OrganizationSummary[]> {
  return api.get<OrganizationSummary[]>(`${BASE}/list`);
}

/**
 * Makes an organization the session's active one on the server (so the
 * choice follows the person across reloads and devices), then locally.
 */
export async function setActiveOrganization(organizationId: string | null): Promise<void> {
  await api.post(`${BASE}/set-active`, { organizationId });
  setActiveOrganizationId(organizationId);
}

export function inviteMember(organizationId: string, email: string, role: Role): Promise<Invitation> {
  return api.post<Invitation>(`${BASE}/invite-member`, { organizationId, email, role });
}

export function listInvitations(organizationId: string): Promise<Invitation[]> {
  return api.get<Invitation[]>(`${BASE}/list-invitations`, { organizationId });
}

export function cancelInvitation(invitationId: string): Promise<unknown> {
  return api.post(`${BASE}/cancel-invitation`, { invitationId });
}

export function getInvitation(id: string): Promise<InvitationDetails> {
  return api.get<InvitationDetails>(`${BASE}/get-invitation`, { id });
}

export function acceptInvitation(invitationId: string): Promise<{ invitation: Invitation }> {
  return api.post<{ invitation: Invitation }>(`${BASE}/accept-invitation`, { invitationId });
}

export function updateMemberRole(organizationId: string, memberId: string, role: Role): Promise<unknown> {
  return api.post(`${BASE}/update-member-role`, { organizationId, memberId, role });
}

export function removeMember(organizationId: string, memberIdOrEmail: string): Promise<unknown> {
  return api.post(`${BASE}/remove-member`, { organizationId, memberIdOrEmail });
}

export function inviteLink(invitationId: string): string {
  return `${location.origin}/invite/${encodeURIComponent(invitationId)}`;
}
