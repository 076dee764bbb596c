import { UserUpdateDto } from './dto/user-update.dto';
import { UserChanges } from './users.service';

/** A profile update as the users service takes it (`avatar` is stored as `avatar_url`). */
export function toUserChanges({ avatar, ...rest }: UserUpdateDto): UserChanges {
  return { ...rest, ...(avatar !== undefined ? { avatar_url: avatar } : {}) };
}
