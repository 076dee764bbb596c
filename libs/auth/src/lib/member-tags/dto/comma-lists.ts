import { Matches } from 'class-validator';
import { MEMBER_ROLES } from '../../entities/organization-member.entity';

const ROLE = `(?:${MEMBER_ROLES.join('|')})`;
/** At most 1,000 ids of up to 15 digits in one comma list (the request line stays small). */
const ID_LIST = /^\d{1,15}(?:,\d{1,15}){0,999}$/;
const ROLE_LIST = new RegExp(`^${ROLE}(?:,${ROLE}){0,${MEMBER_ROLES.length * 2}}$`);

/** `1,2,3`: database ids, comma-separated. */
export const IsIdList = (): PropertyDecorator =>
  Matches(ID_LIST, { message: '$property must be a comma-separated list of ids' });

/** `AN,RE`: member role codes, comma-separated. */
export const IsRoleList = (): PropertyDecorator =>
  Matches(ROLE_LIST, {
    message: `$property must be a comma-separated list of roles among ${MEMBER_ROLES.join(', ')}`,
  });

/** The ids of a list checked by {@link IsIdList}, each once. */
export const idsOfList = (text: string): number[] => [
  ...new Set(text.split(',').map((id) => Number(id))),
];
