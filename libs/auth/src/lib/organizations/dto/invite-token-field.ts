import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** An invitation's token, or an organization's invite-link token. */
export const InviteTokenField = () => applyDecorators(ApiProperty(), IsString(), Length(16, 256));
