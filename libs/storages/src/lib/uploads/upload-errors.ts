import { ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { AppConfig, ValidationFailedException } from '@ls/core';

/** The HTTP answers of uploads' failures, in one place. */

/** 413: the files of one request went over `IMPORT_MAX_FILE_SIZE` together. */
export function totalSizeExceeded(config: AppConfig): HttpException {
  const limit = config.IMPORT_MAX_FILE_SIZE;
  return new HttpException(
    {
      detail: `Maximum total size of all files is ${limit} bytes, current size is more than ${limit} bytes`,
    },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

/** 400, in Label Studio's words: an extension it does not import. */
export function unsupportedExtension(extension: string): ValidationFailedException {
  return new ValidationFailedException({
    non_field_errors: [`${extension} extension is not supported`],
  });
}

/** 400: a replacement sent more than one file. */
export function oneFileOnly(): ValidationFailedException {
  return new ValidationFailedException({ file: ['Send one file to replace the upload.'] });
}

/** 409: another request replaced the upload's file meanwhile. */
export function uploadChanged(): ConflictException {
  return new ConflictException({ detail: 'The upload changed meanwhile; try again.' });
}

/** 404, whether the upload (or its file) does not exist or is another organization's. */
export function uploadNotFound(): NotFoundException {
  return new NotFoundException('Not found.');
}
