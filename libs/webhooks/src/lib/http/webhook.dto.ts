import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { IsRequired } from '@ls/core';
import { WEBHOOK_ACTION_NAMES, WebhookActionName } from '../subscriptions/webhook-actions';

/** What every write may set; the project is set at creation only and kept for life. */
class WebhookFieldsDto {
  @IsOptional()
  @IsBoolean()
  send_payload?: boolean;

  @IsOptional()
  @IsBoolean()
  send_for_all_actions?: boolean;

  @IsOptional()
  @IsObject()
  headers?: Record<string, unknown>;

  @IsOptional()
  @IsBoolean()
  is_active?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_ACTION_NAMES, { each: true, message: 'Not a valid webhook action.' })
  actions?: WebhookActionName[];

  /** The signing secret (`X-Label-Studio-Signature`); generated when a webhook is created without one. */
  @IsOptional()
  @IsString()
  @Length(16, 256)
  secret?: string;
}

/** PUT: the URL is required. */
export class WebhookUpdateDto extends WebhookFieldsDto {
  @IsRequired()
  @IsString()
  @MaxLength(2048)
  url!: string;
}

export class WebhookCreateDto extends WebhookUpdateDto {
  @IsOptional()
  @IsInt()
  project?: number | null;
}

export class WebhookPatchDto extends WebhookFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;
}
