import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (memory-hard; about 20-50 ms a hash on one core). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
