import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { JobQueue, ValidationFailedException } from '@ls/core';
import { AuthContext } from '../../context/auth-context';
import { OrganizationScope } from '../../context/organization-scope';
import { OrganizationMemberTagImport } from '../../entities/organization-member-tag-import.entity';
import { assertActiveOrganization } from '../organization-in-path';
import { labelsOfList, MemberTagCsvError, parseMemberTagCsv } from './member-tag-csv';
import { MemberTagImportForm } from './member-tag-import-form';
import { MemberTagImportJobPayload } from './member-tag-import.job';
import { MEMBER_TAG_IMPORT_JOB, MEMBER_TAG_IMPORT_QUEUE } from './member-tag-import.job-names';

function checked<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MemberTagCsvError) {
      throw new ValidationFailedException({ [field]: [error.message] });
    }
    throw error;
  }
}

@Injectable()
export class MemberTagImportsService {
  private readonly scope: OrganizationScope<OrganizationMemberTagImport>;

  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(OrganizationMemberTagImport)
    private readonly imports: Repository<OrganizationMemberTagImport>,
  ) {
    this.scope = new OrganizationScope(imports);
  }

  /** Checks the file, keeps it with a new import record and queues the job that runs it. */
  async start(
    auth: AuthContext,
    organizationId: number,
    form: MemberTagImportForm,
  ): Promise<OrganizationMemberTagImport> {
    assertActiveOrganization(auth, organizationId);
    checked('file', () => parseMemberTagCsv(form.csv));
    const bulkTags = checked('bulk_tags', () => labelsOfList(form.bulkTags, 'bulk_tags'));
    const record = await this.imports.save(
      this.imports.create({
        organization_id: auth.organizationId,
        created_by_id: auth.user.id,
        status: 'created',
        users_skipped: [],
        bulk_tags: bulkTags,
        csv: form.csv,
        error: null,
        finished_at: null,
      }),
    );
    try {
      await this.enqueue(record.id);
    } catch (error) {
      await this.imports.update(
        { id: record.id, status: 'created' },
        {
          status: 'failed',
          error: 'The import could not be queued',
          finished_at: new Date(),
          csv: '',
        },
      );
      throw error;
    }
    return record;
  }

  async get(
    auth: AuthContext,
    organizationId: number,
    importId: number,
  ): Promise<OrganizationMemberTagImport> {
    assertActiveOrganization(auth, organizationId);
    return this.reconciled(await this.scope.findOneOr404(auth, { id: importId }));
  }

  /**
   * An unfinished import whose job is gone (lost with an embedded process that stopped) is queued
   * again: the runner resumes after the last batch it recorded. One whose job failed for good is
   * failed, with the job's reason.
   */
  private async reconciled(
    record: OrganizationMemberTagImport,
  ): Promise<OrganizationMemberTagImport> {
    if (record.status !== 'created' && record.status !== 'in_progress') return record;
    const job = await this.queue.getJob(MEMBER_TAG_IMPORT_QUEUE, jobIdOf(record.id));
    if (!job) {
      await this.enqueue(record.id);
      return record;
    }
    if (job.status !== 'failed') return record;
    await this.imports.update(
      { id: record.id, status: In(['created', 'in_progress']) },
      { status: 'failed', error: job.failedReason ?? 'The import failed', finished_at: new Date() },
    );
    return this.imports.findOneByOrFail({ id: record.id });
  }

  private async enqueue(importId: number): Promise<void> {
    await this.queue.enqueue<MemberTagImportJobPayload>(
      MEMBER_TAG_IMPORT_QUEUE,
      MEMBER_TAG_IMPORT_JOB,
      { importId },
      { jobId: jobIdOf(importId) },
    );
  }
}

const jobIdOf = (importId: number) => `member-tag-import-${importId}`;
