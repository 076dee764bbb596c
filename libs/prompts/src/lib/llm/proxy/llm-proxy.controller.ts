import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthContext, CurrentAuth, Requires } from '@ls/auth';
import { ChatCompletionRequestDto, proxiedRequest } from './chat-completion-request';
import { LlmProxy } from './llm-proxy.service';

/** The contract's "LLM" route: in-app AI features call the organization's model through it. */
@ApiTags('LLM')
@Controller('api/llm/openai/chat/completions')
export class LlmProxyController {
  constructor(private readonly proxy: LlmProxy) {}

  @Post()
  @HttpCode(200)
  @Requires('models.view')
  @ApiOperation({
    operationId: 'api_llm_openai_chat_completions_create',
    summary: 'Proxy to OpenAI-Compatible Chat Completions',
  })
  @ApiBody({ type: ChatCompletionRequestDto })
  @ApiOkResponse({
    description: 'The provider’s OpenAI-style chat completion, unchanged (or its event stream).',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiBadRequestResponse({ description: 'Missing fields, unknown provider, budget exhausted.' })
  async complete(
    @CurrentAuth() auth: AuthContext,
    // Left unvalidated by the pipe on purpose: every OpenAI parameter passes through.
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const aborted = new AbortController();
    // The caller hanging up stops the provider call (and the stream relayed to it).
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) aborted.abort();
    });
    const answer = await this.proxy.complete(auth, proxiedRequest(body), aborted.signal);
    reply.status(answer.status).header('content-type', answer.contentType);
    if (!Buffer.isBuffer(answer.body)) reply.header('cache-control', 'no-cache');
    await reply.send(answer.body);
  }
}
