import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Column, Entity, MigrationInterface, PrimaryGeneratedColumn, QueryRunner } from 'typeorm';
import { DialectMigrations, JsonColumn, registerMigrations } from '@ls/core';

/** A throwaway table that exercises the core's database plumbing in tests. */
@Entity('probe_record')
export class ProbeRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @JsonColumn({ nullable: true })
  data!: Record<string, unknown> | null;
}

class CreateProbeRecordPostgres1700000000000 implements MigrationInterface {
  name = 'CreateProbeRecordPostgres1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "probe_record" ("id" SERIAL PRIMARY KEY, "title" varchar NOT NULL, "data" jsonb)',
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "probe_record"');
  }
}

class CreateProbeRecordSqlite1700000000000 implements MigrationInterface {
  name = 'CreateProbeRecordSqlite1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "probe_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar NOT NULL, "data" text)',
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "probe_record"');
  }
}

export const PROBE_MIGRATIONS: DialectMigrations = {
  postgres: [CreateProbeRecordPostgres1700000000000],
  sqlite: [CreateProbeRecordSqlite1700000000000],
};

registerMigrations('core-probe', PROBE_MIGRATIONS);

@Module({ imports: [TypeOrmModule.forFeature([ProbeRecord])] })
export class ProbeModule {}
