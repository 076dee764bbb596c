import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Label Studio's `FileUpload`. */
@ApiSchema({ name: 'FileUpload' })
export class FileUploadResponse {
  @ApiProperty({ type: 'integer', readOnly: true }) id!: number;
  @ApiProperty({ description: 'Stored name, relative to the data folder: upload/<project>/<name>' })
  file!: string;
  @ApiProperty({ type: 'integer', nullable: true, readOnly: true }) size!: number | null;
}
