/**
 * The Userinfo response body (`userinfo-api.swagger.yaml`, schema `Userinfo`): `sub` plus only the claims of the
 * consented scope words. `address` is ONE object, the preferred address (the spec declares it with `items` but no
 * `type: array`; SOURCES.md quirks), and `other_addresses` comes with the address scope.
 */
import type { ProfileClaimScope } from '../epayment/profile-scope';
import type { UserinfoGrant } from './grants';

export type UserinfoBody = Record<string, unknown> & { sub: string };

export function userinfoBody(grant: UserinfoGrant): UserinfoBody {
  const { user } = grant;
  const byScope: Record<ProfileClaimScope, Record<string, unknown>> = {
    name: { name: user.name, given_name: user.given_name, family_name: user.family_name },
    email: { email: user.email, email_verified: user.email_verified },
    phoneNumber: { phone_number: user.phone_number },
    address: {
      address: user.address,
      ...(user.other_addresses.length > 0 && { other_addresses: user.other_addresses }),
    },
    birthDate: { birthdate: user.birthdate },
    nin: { nin: user.nin },
  };
  return Object.assign({ sub: grant.sub }, ...grant.claims.map((scope) => byScope[scope])) as UserinfoBody;
}
