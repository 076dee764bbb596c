import { BadRequestException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { LLM_PROVIDERS, LlmProviderName } from '../connections/model-provider-connection.entity';
import type { LlmMessage } from '../providers/llm-provider';

const ROLES = new Set(['system', 'user', 'assistant']);

class ChatMessageDto {
  @ApiProperty({ enum: ['system', 'user', 'assistant'] }) role!: string;
  @ApiProperty() content!: string;
}

/** The documented body; any other OpenAI parameter (temperature, stream, ...) passes through. */
export class ChatCompletionRequestDto {
  @ApiProperty({
    example: 'gpt-4',
    description: '"model_name", "provider/model_name" or "provider:model_name"',
  })
  model!: string;

  @ApiProperty({ type: [ChatMessageDto] })
  messages!: ChatMessageDto[];
}

export interface ProxiedRequest {
  provider: LlmProviderName;
  model: string;
  body: Record<string, unknown>;
  stream: boolean;
}

/** The body checked (400 `{detail}` naming the problem) and the provider named by `model`. */
export function proxiedRequest(body: unknown): ProxiedRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestException('The body must be a JSON object with "model" and "messages".');
  }
  const fields = body as Record<string, unknown>;
  if (typeof fields.model !== 'string' || fields.model.trim() === '') {
    throw new BadRequestException('"model" is required.');
  }
  if (!Array.isArray(fields.messages) || fields.messages.length === 0) {
    throw new BadRequestException('"messages" is required: a non-empty list of messages.');
  }
  fields.messages.forEach((message: unknown, index) => {
    const { role, content } = (message ?? {}) as Partial<LlmMessage>;
    if (!ROLES.has(role as string) || typeof content !== 'string') {
      throw new BadRequestException(
        `messages[${index}] must be {role: system|user|assistant, content: string}.`,
      );
    }
  });
  const { provider, model } = providerOfModel(fields.model.trim());
  const stream = fields.stream === true;
  return {
    provider,
    model,
    stream,
    body: {
      ...fields,
      model,
      // The spend is counted from the last event's usage, which OpenAI sends only when asked.
      ...(stream
        ? { stream_options: { ...asObject(fields.stream_options), include_usage: true } }
        : {}),
    },
  };
}

/** `name` (OpenAI), `provider/name` or `provider:name`; 400 on a provider that does not exist. */
export function providerOfModel(text: string): { provider: LlmProviderName; model: string } {
  const separator = text.search(/[/:]/);
  if (separator < 0) return { provider: 'OpenAI', model: text };
  const name = text.slice(0, separator).toLowerCase();
  const provider = LLM_PROVIDERS.find((candidate) => candidate.toLowerCase() === name);
  const model = text.slice(separator + 1);
  if (!provider) throw new BadRequestException(`Unknown provider "${text.slice(0, separator)}".`);
  if (!model) throw new BadRequestException('"model" names no model after the provider.');
  return { provider, model };
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
