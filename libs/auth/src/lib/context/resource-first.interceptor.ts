import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  NotFoundException,
} from '@nestjs/common';
import { catchError, from, Observable } from 'rxjs';
import { routePolicyOf } from '@ls/core';
import { AuthenticatedRequest } from './current-auth.decorator';
import { OrganizationResources } from './organization-resources';

interface RoutedRequest extends AuthenticatedRequest {
  params?: Record<string, string>;
}

/**
 * A request about an object the caller cannot reach answers 404, whatever is wrong with its body:
 * when a route refuses input (a 400, from validation or a service), the objects its path names are
 * looked up first, and a missing one turns the answer into 404. Costs nothing on success.
 */
@Injectable()
export class ResourceFirstInterceptor implements NestInterceptor {
  constructor(private readonly resources: OrganizationResources) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(catchError((error: unknown) => from(this.notFoundFirst(error, context))));
  }

  private async notFoundFirst(error: unknown, context: ExecutionContext): Promise<never> {
    const refusedInput =
      error instanceof HttpException && error.getStatus() === HttpStatus.BAD_REQUEST;
    const named = routePolicyOf(context.getHandler()).resources;
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    if (!refusedInput || !named || !request.auth) throw error;
    for (const [param, kind] of Object.entries(named)) {
      const value = request.params?.[param];
      if (value === undefined) continue;
      if (!(await this.resources.exists(kind, request.auth, value))) {
        throw new NotFoundException('Not found.');
      }
    }
    throw error;
  }
}
