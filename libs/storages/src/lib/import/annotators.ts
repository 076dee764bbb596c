import { EntityManager } from 'typeorm';
import { OrganizationMember, OrganizationScope, User } from '@ls/auth';
import { queryInChunks, ValidationFailedException } from '@ls/core';
import { ImportedAnnotation } from './task-items';

const emailOf = (by: unknown): string | undefined =>
  typeof by === 'object' && by !== null && typeof (by as { email?: unknown }).email === 'string'
    ? (by as { email: string }).email.toLowerCase()
    : undefined;

/** Ids outside the id column's range name nobody (and would be a database error). */
const isRowId = (id: number) => id > 0 && id <= 2_147_483_647;

/**
 * Who completed imported annotations: `completed_by` names an organization member by email
 * (`{"email": ...}`) or by id; without it the importer. Members are looked up once per import.
 */
export class AnnotatorDirectory {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly manager: EntityManager,
    private readonly organizationId: number,
    private readonly importerId: number,
  ) {}

  /** Looks up the annotators of these annotations not seen yet; an unknown one is a 400. */
  async learn(annotations: ImportedAnnotation[]): Promise<void> {
    const emails = new Set<string>();
    const ids = new Set<number>();
    for (const { completed_by: by } of annotations) {
      if (by === undefined || by === null) continue;
      const email = emailOf(by);
      if (typeof by === 'number' && Number.isInteger(by)) {
        if (!this.known.has(`id:${by}`)) ids.add(by);
      } else if (email !== undefined) {
        if (!this.known.has(`email:${email}`)) emails.add(email);
      } else {
        throw new ValidationFailedException({
          completed_by: [`Unknown annotator ${JSON.stringify(by)}`],
        });
      }
    }
    // An import batch may name thousands of annotators: looked up in chunks.
    const members = [
      ...(await queryInChunks([...emails], (chunk) =>
        this.members().andWhere('LOWER(user.email) IN (:...chunk)', { chunk }).getMany(),
      )),
      ...(await queryInChunks([...ids].filter(isRowId), (chunk) =>
        this.members().andWhere('user.id IN (:...chunk)', { chunk }).getMany(),
      )),
    ];
    for (const user of members) {
      this.known.set(`email:${user.email.toLowerCase()}`, user.id);
      this.known.set(`id:${user.id}`, user.id);
    }
    const unknownEmail = [...emails].find((email) => !this.known.has(`email:${email}`));
    if (unknownEmail) {
      throw new ValidationFailedException({
        completed_by: [`Unknown annotator's email ${unknownEmail}`],
      });
    }
    const unknownId = [...ids].find((id) => !this.known.has(`id:${id}`));
    if (unknownId !== undefined) {
      throw new ValidationFailedException({ completed_by: [`Unknown annotator ${unknownId}`] });
    }
  }

  /** Active members of the organization, to narrow down. */
  private members() {
    const query = this.manager
      .createQueryBuilder(User, 'user')
      .innerJoin(
        OrganizationMember,
        'member',
        'member.user_id = user.id AND member.deleted_at IS NULL',
      );
    return OrganizationScope.restrict(query, 'member', { organizationId: this.organizationId });
  }

  /** The user id of an annotation's annotator; {@link learn} must have seen it. */
  idOf(annotation: ImportedAnnotation): number {
    const by = annotation.completed_by;
    if (typeof by === 'number') return this.known.get(`id:${by}`) as number;
    const email = emailOf(by);
    return email === undefined ? this.importerId : (this.known.get(`email:${email}`) as number);
  }
}
