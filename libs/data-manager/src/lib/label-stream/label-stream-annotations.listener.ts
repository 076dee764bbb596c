import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Annotation, AnnotationsCreated } from '@ls/annotations';
import { OnDomainEvent, TransactionRunner } from '@ls/core';
import { LabelStreamHistoryStore } from './label-stream-history';

/**
 * Label Studio's `fill_history_annotation`: an annotation submitted on a task the stream handed
 * to its author fills in that entry of their history. Run in process once the annotation has
 * committed (the request waits for it), so the next read of the history shows it; annotations
 * made in bulk are not submissions of the stream.
 */
@Injectable()
export class LabelStreamAnnotationsListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly history: LabelStreamHistoryStore,
  ) {}

  @OnDomainEvent(AnnotationsCreated)
  async annotationsCreated(event: AnnotationsCreated): Promise<void> {
    if (event.bulk || event.annotationIds.length === 0) return;
    const made =
      event.created ??
      (await this.dataSource.manager.find(Annotation, {
        select: { id: true, task_id: true, updated_by_id: true },
        where: { id: In(event.annotationIds) },
      }));
    // The submitter (Label Studio fills the requesting user's history), whoever it names as author.
    const entries = made.flatMap((annotation) =>
      annotation.updated_by_id === null
        ? []
        : [
            {
              userId: annotation.updated_by_id,
              taskId: annotation.task_id,
              annotationId: annotation.id,
            },
          ],
    );
    if (entries.length === 0) return;
    // Through the runner: on SQLite it keeps this write out of another request's transaction.
    await this.transactions.run(({ manager }) => this.history.annotated(manager, entries));
  }
}
