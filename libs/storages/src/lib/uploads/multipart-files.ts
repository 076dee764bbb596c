import { Readable } from 'node:stream';
import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type {} from '@fastify/multipart'; // its typing of FastifyRequest (isMultipart, parts)
import type { FastifyRequest } from 'fastify';
import { AppConfig, MULTIPART_FIELD_LIMIT } from '@ls/core';
import { totalSizeExceeded } from './upload-errors';

/** A file of a multipart request, to be read (or destroyed) before the next part arrives. */
export interface UploadedPart {
  fieldname: string;
  /** As the client named it; `UploadFileStore.write` makes it safe. */
  filename: string;
  mimetype: string;
  content: Readable;
}

/**
 * The text fields of a multipart request (the last value when a name repeats), in an object
 * without a prototype: field names are the client's.
 */
export type MultipartFields = Record<string, string>;

function fieldTooLarge(name: string): HttpException {
  return new HttpException(
    {
      detail: `Form field "${name}" is larger than ${MULTIPART_FIELD_LIMIT} bytes: send large content as a file`,
    },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

function notMultipart(): HttpException {
  return new BadRequestException({ detail: 'Expected a multipart/form-data request' });
}

/** Errors @fastify/multipart raises while parsing, by code. */
const MULTIPART_ERRORS: Record<string, (config: AppConfig) => HttpException> = {
  FST_FILES_LIMIT: (config) =>
    new HttpException(
      {
        detail: `Maximum number of files is ${config.IMPORT_MAX_FILES}, current number is more than ${config.IMPORT_MAX_FILES}`,
      },
      HttpStatus.PAYLOAD_TOO_LARGE,
    ),
  FST_REQ_FILE_TOO_LARGE: (config) => totalSizeExceeded(config),
  FST_PARTS_LIMIT: () =>
    new HttpException({ detail: 'Too many parts in the form' }, HttpStatus.PAYLOAD_TOO_LARGE),
  FST_FIELDS_LIMIT: () =>
    new HttpException({ detail: 'Too many fields in the form' }, HttpStatus.PAYLOAD_TOO_LARGE),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => notMultipart(),
};

/** Maps @fastify/multipart's parse errors to our 400s and 413s. */
async function* translated<T>(parts: AsyncIterable<T>, config: AppConfig): AsyncGenerator<T> {
  try {
    yield* parts;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const translate = code ? MULTIPART_ERRORS[code] : undefined;
    if (translate) throw translate(config);
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      throw new BadRequestException({ detail: (error as Error).message });
    }
    throw error;
  }
}

/**
 * The files of a multipart request, in order, whatever their field names; text fields (1 MiB at
 * most each: more is a 413) are put in `fields` as they go by (all of them once the iteration
 * has ended). Each file must be read or destroyed before the next one comes. More than
 * `IMPORT_MAX_FILES` files, or one larger than `IMPORT_MAX_FILE_SIZE`, is a 413; a request that
 * is not multipart a 400.
 */
export async function* multipartFiles(
  request: FastifyRequest,
  config: AppConfig,
  fields: MultipartFields = Object.create(null),
): AsyncGenerator<UploadedPart> {
  if (typeof request.isMultipart !== 'function') {
    throw new Error('@fastify/multipart is not registered (configureHttpApp does it)');
  }
  if (!request.isMultipart()) throw notMultipart();
  let finished = false;
  try {
    const parts = request.parts({
      limits: { fileSize: config.IMPORT_MAX_FILE_SIZE, files: config.IMPORT_MAX_FILES },
    });
    for await (const part of translated(parts, config)) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw fieldTooLarge(part.fieldname);
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      yield {
        fieldname: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        content: part.file,
      };
    }
    finished = true;
  } finally {
    if (!finished) {
      // Stopped early (a refused file, an error): read the rest of the body into nothing, so
      // the client gets its answer and the connection stays usable.
      request.raw.unpipe();
      request.raw.resume();
    }
  }
}
