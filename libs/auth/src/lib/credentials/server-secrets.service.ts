import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@ls/core';
import { ServerSecret } from '../entities/server-secret.entity';

// The row's name predates the key's other uses.
const SERVER_KEY = 'jwt_signing_key';

/**
 * The server's secret (it signs JWTs and, derived, seals secrets at rest): `SECRET_KEY` when set,
 * else one random key made by whichever process asks first and shared by all through the
 * database, so replicas verify each other's tokens.
 */
@Injectable()
export class ServerSecrets {
  private signingKey?: Promise<string>;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(ServerSecret) private readonly secrets: Repository<ServerSecret>,
  ) {}

  serverKey(): Promise<string> {
    if (this.config.SECRET_KEY) return Promise.resolve(this.config.SECRET_KEY);
    this.signingKey ??= this.loadOrCreate(SERVER_KEY).catch((error: unknown) => {
      this.signingKey = undefined;
      throw error;
    });
    return this.signingKey;
  }

  private async loadOrCreate(name: string): Promise<string> {
    const existing = await this.secrets.findOneBy({ name });
    if (existing) return existing.value;
    await this.secrets
      .createQueryBuilder()
      .insert()
      .values({ name, value: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();
    return (await this.secrets.findOneByOrFail({ name })).value;
  }
}
