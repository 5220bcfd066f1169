/** Staff roles: a viewer reads everything; an operator may also move money (capture, refund, cancel). */
export const STAFF_ROLES = ['viewer', 'operator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** True when `held` includes everything `needed` may do. */
export function roleAllows(held: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(held) >= STAFF_ROLES.indexOf(needed);
}
