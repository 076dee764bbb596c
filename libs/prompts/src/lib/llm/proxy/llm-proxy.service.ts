import { BadRequestException, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AuthContext } from '@ls/auth';
import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { ConnectionBudget } from '../budget/connection-budget';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { ModelProviderConnections } from '../connections/model-provider-connections.service';
import { openAiError } from '../providers/openai-compatible.provider';
import { LlmProviders } from '../providers/llm-providers';
import { costOf } from '../providers/model-prices';
import { ProxiedRequest } from './chat-completion-request';
import { SseUsageReader } from './sse-usage-reader';

/** The provider's answer as it is to be relayed. */
export interface ProxiedAnswer {
  status: number;
  contentType: string;
  /** The whole JSON answer, or the event stream as it arrives. */
  body: Buffer | Readable;
}

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

/**
 * `POST /api/llm/openai/chat/completions`: the caller's organization's connection for the named
 * provider, checked against its budget, called through its OpenAI-compatible endpoint; the
 * answer relayed byte for byte (streams as they come) and its cost added to the budget.
 */
@Injectable()
export class LlmProxy {
  private readonly logger = new Logger(LlmProxy.name);

  constructor(
    private readonly connections: ModelProviderConnections,
    private readonly providers: LlmProviders,
    private readonly budget: ConnectionBudget,
  ) {}

  async complete(
    auth: AuthContext,
    request: ProxiedRequest,
    signal: AbortSignal,
  ): Promise<ProxiedAnswer> {
    const connection = await this.connections.forModel(auth, request.provider, request.model);
    if (!connection) {
      throw new BadRequestException(
        `No ${request.provider} model provider connection is available in this organization.`,
      );
    }
    try {
      await this.budget.assertWithinBudget(connection);
    } catch (error) {
      if (error instanceof BudgetExceededError) throw new BadRequestException(error.message);
      throw error;
    }
    const client = await this.clientOf(connection);
    let response: Response;
    try {
      response = await client.chat.completions
        .create(request.body as unknown as OpenAI.Chat.ChatCompletionCreateParams, { signal })
        .asResponse();
    } catch (error) {
      throw relayed(openAiError(error));
    }
    const contentType = response.headers.get('content-type') ?? 'application/json';
    const record = (usage: Usage | null) => this.recordSpend(connection, request.model, usage);
    if (!request.stream || !response.body) {
      const body = Buffer.from(await response.arrayBuffer());
      await record(usageOf(body));
      return { status: response.status, contentType, body };
    }
    const reader = new SseUsageReader();
    const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        reader.push(chunk);
        done(null, chunk);
      },
      flush: (done) => {
        record(reader.usage() as Usage | null).then(() => done(), done);
      },
    });
    source.on('error', (error) => tap.destroy(error));
    return { status: response.status, contentType, body: source.pipe(tap) };
  }

  private async clientOf(connection: ModelProviderConnection): Promise<OpenAI> {
    try {
      return await this.providers.openAiCompatible(await this.connections.settingsOf(connection));
    } catch (error) {
      throw relayed(openAiError(error));
    }
  }

  private async recordSpend(
    connection: ModelProviderConnection,
    model: string,
    usage: Usage | null,
  ): Promise<void> {
    const cost = costOf(model, usage?.prompt_tokens ?? 0, usage?.completion_tokens ?? 0);
    if (cost === null) {
      this.logger.debug(`No price known for ${model}: the call is not counted in the budget`);
      return;
    }
    await this.budget.recordSpend(connection.id, cost);
  }
}

function usageOf(body: Buffer): Usage | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { usage?: Usage };
    return parsed.usage ?? null;
  } catch {
    return null;
  }
}

/**
 * The provider's failure with its status and message, except that its refusal of our
 * credentials is no 401 of the caller's (a client would take that as its own sign-out).
 */
function relayed(error: { kind: string; status: number | null; message: string }): HttpException {
  if (error.kind === 'auth') {
    return new BadRequestException(
      `The provider refused the connection's credentials: ${error.message}`,
    );
  }
  if (error.status === null) {
    return new HttpException(`Can't reach the provider: ${error.message}`, HttpStatus.BAD_GATEWAY);
  }
  return new HttpException(error.message, error.status);
}
