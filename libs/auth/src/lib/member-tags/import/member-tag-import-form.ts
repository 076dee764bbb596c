import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type {} from '@fastify/multipart'; // its typing of FastifyRequest (isMultipart, parts)
import type { FastifyRequest } from 'fastify';
import { ValidationFailedException } from '@ls/core';

/** Largest member tag CSV file accepted. */
export const MEMBER_TAG_CSV_MAX_BYTES = 20 * 1024 * 1024;

export interface MemberTagImportForm {
  csv: string;
  bulkTags: string;
}

function tooLarge(): HttpException {
  return new HttpException(
    { detail: `The CSV file is larger than ${MEMBER_TAG_CSV_MAX_BYTES} bytes` },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationFailedException({ file: ['The CSV file must be UTF-8 text.'] });
  }
}

/**
 * The form of an import: the CSV (`file`, a file part or a text field) and `bulk_tags`. The file
 * is read into memory, at most {@link MEMBER_TAG_CSV_MAX_BYTES} (more is a 413); other files are
 * refused.
 */
export async function readImportForm(request: FastifyRequest): Promise<MemberTagImportForm> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw new BadRequestException({ detail: 'Expected a multipart/form-data request' });
  }
  let csv: string | undefined;
  let bulkTags = '';
  let finished = false;
  try {
    const parts = request.parts({ limits: { fileSize: MEMBER_TAG_CSV_MAX_BYTES, files: 1 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : '';
        if (part.fieldname === 'bulk_tags') bulkTags = value;
        else if (part.fieldname === 'file') csv = value;
        continue;
      }
      if (part.fieldname !== 'file') {
        throw new ValidationFailedException({ [part.fieldname]: ['Only `file` may be a file.'] });
      }
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
      csv = utf8(bytes);
    }
    finished = true;
  } catch (error) {
    throw translated(error);
  } finally {
    if (!finished) {
      // Stopped early: read the rest of the body into nothing so the client gets its answer.
      request.raw.unpipe();
      request.raw.resume();
    }
  }
  if (csv === undefined) throw new ValidationFailedException({ file: ['No file was submitted.'] });
  return { csv, bulkTags };
}

/** @fastify/multipart's parse errors as our 400s and 413s. */
function translated(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_FILES_LIMIT') {
    return new ValidationFailedException({ file: ['Send one CSV file.'] });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new BadRequestException({ detail: (error as Error).message });
  }
  return error;
}
