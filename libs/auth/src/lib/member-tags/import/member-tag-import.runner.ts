import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { dialectOfManager, TransactionRunner } from '@ls/core';
import { OrganizationMemberTagImport } from '../../entities/organization-member-tag-import.entity';
import { importTagRows } from './member-tag-batch';
import { MemberTagRow, parseMemberTagCsv } from './member-tag-csv';

/** CSV rows written per transaction. */
export const IMPORT_BATCH_ROWS = 1_000;
/** Skipped emails an import lists; a file of strangers should not make its record huge. */
export const MAX_SKIPPED_LISTED = 10_000;

type ImportRecord = OrganizationMemberTagImport;

/**
 * Runs a member tag import: batch after batch, each in its own transaction together with the
 * record of how far it got, so a run that dies is resumed by the next one after its last
 * committed batch, and a batch that is repeated anyway creates nothing twice.
 */
@Injectable()
export class MemberTagImportRunner {
  private readonly logger = new Logger(MemberTagImportRunner.name);

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(OrganizationMemberTagImport)
    private readonly imports: Repository<ImportRecord>,
  ) {}

  /** Runs (or resumes) the import; a finished one is left as it is. */
  async run(
    importId: number,
    onProgress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<ImportRecord | null> {
    const record = await this.imports.findOneBy({ id: importId });
    if (!record || record.status === 'completed' || record.status === 'failed') return record;
    await this.imports.update({ id: importId, status: 'created' }, { status: 'in_progress' });
    try {
      const rows = parseMemberTagCsv(await this.csvOf(importId));
      while (await this.nextBatch(importId, rows)) {
        const current = await this.imports.findOneBy({ id: importId });
        if (current && rows.length > 0) {
          await onProgress(Math.floor((100 * current.rows_done) / rows.length));
        }
      }
      await this.imports.update(
        { id: importId, status: 'in_progress' },
        { status: 'completed', finished_at: new Date(), csv: '' },
      );
    } catch (error) {
      this.logger.error({ err: error, importId }, 'Member tag import failed');
      await this.imports.update(
        { id: importId, status: In(['created', 'in_progress']) },
        {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finished_at: new Date(),
          csv: '',
        },
      );
      throw error;
    }
    return this.imports.findOneBy({ id: importId });
  }

  private async csvOf(importId: number): Promise<string> {
    const row = await this.imports
      .createQueryBuilder('import')
      .select('import.csv', 'csv')
      .where('import.id = :importId', { importId })
      .getRawOne<{ csv: string }>();
    return row?.csv ?? '';
  }

  /** Imports the rows after `rows_done`; false once there are none left. */
  private nextBatch(importId: number, rows: MemberTagRow[]): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const current = await lockedRecord(manager, importId);
      if (!current || current.status !== 'in_progress' || current.rows_done >= rows.length) {
        return false;
      }
      const batch = rows.slice(current.rows_done, current.rows_done + IMPORT_BATCH_ROWS);
      const outcome = await importTagRows(
        manager,
        current.organization_id,
        current.created_by_id,
        batch,
        current.bulk_tags,
      );
      await manager.update(
        OrganizationMemberTagImport,
        { id: importId },
        {
          rows_done: current.rows_done + batch.length,
          tags_created: current.tags_created + outcome.tagsCreated,
          assignments_created: current.assignments_created + outcome.assignmentsCreated,
          users_skipped: withSkipped(current.users_skipped, outcome.skipped),
        },
      );
      return true;
    });
  }
}

/** The record, locked until the transaction ends on PostgreSQL (SQLite runs one writer anyway). */
function lockedRecord(manager: EntityManager, importId: number): Promise<ImportRecord | null> {
  return manager.getRepository(OrganizationMemberTagImport).findOne({
    where: { id: importId },
    ...(dialectOfManager(manager) === 'postgres'
      ? { lock: { mode: 'pessimistic_write' as const } }
      : {}),
  });
}

/** `listed` and `more`, each email once (whatever its case), at most {@link MAX_SKIPPED_LISTED}. */
function withSkipped(listed: string[], more: string[]): string[] {
  const seen = new Set(listed.map((email) => email.toLowerCase()));
  const result = [...listed];
  for (const email of more) {
    if (result.length >= MAX_SKIPPED_LISTED) break;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(email);
  }
  return result;
}
