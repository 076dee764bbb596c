import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TransactionRunner } from '@ls/core';
import { LegacyToken } from '../entities/legacy-token.entity';
import { newLegacyKey, tokenHash } from './random-tokens';
import { SecretBox } from './secret-box';

/** Users' legacy API keys: stored as a hash plus a sealed copy, one per user. */
@Injectable()
export class LegacyTokens {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly box: SecretBox,
    @InjectRepository(LegacyToken) private readonly tokens: Repository<LegacyToken>,
  ) {}

  /** Gives the user `key` (a new random one by default) in place of any key they had. */
  async replace(manager: EntityManager, userId: number, key = newLegacyKey()): Promise<string> {
    const hash = tokenHash(key);
    await manager.delete(LegacyToken, { user_id: userId });
    await manager.delete(LegacyToken, { key_hash: hash });
    await manager.insert(LegacyToken, {
      key_hash: hash,
      key_sealed: await this.box.seal(key),
      user_id: userId,
    });
    return key;
  }

  /**
   * The user's key; a user without one gets one. Null when the key can no longer be shown: it
   * was sealed under another `SECRET_KEY` (it still works; a reset shows a new one).
   */
  async reveal(userId: number): Promise<string | null> {
    const existing = await this.tokens.findOneBy({ user_id: userId });
    if (!existing) return this.reset(userId);
    return existing.key_sealed === null ? null : this.box.open(existing.key_sealed);
  }

  /** A new key; the old one stops working at once. */
  reset(userId: number): Promise<string> {
    return this.transactions.run(({ manager }) => this.replace(manager, userId));
  }
}
