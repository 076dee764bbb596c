import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@ls/core';
import { ServerSecret } from '../entities/server-secret.entity';

const JWT_SIGNING_KEY = 'jwt_signing_key';

/**
 * The JWT signing key: `SECRET_KEY` when set, else one random key made by whichever process
 * asks first and shared by all through the database, so replicas verify each other's tokens.
 */
@Injectable()
export class ServerSecrets {
  private signingKey?: Promise<string>;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(ServerSecret) private readonly secrets: Repository<ServerSecret>,
  ) {}

  jwtSigningKey(): Promise<string> {
    if (this.config.SECRET_KEY) return Promise.resolve(this.config.SECRET_KEY);
    this.signingKey ??= this.loadOrCreate(JWT_SIGNING_KEY).catch((error: unknown) => {
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
