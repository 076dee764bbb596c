import { ContractOperation, contractOperations, operationResponseErrors } from './contract';

/** A request and the response it got, as a test saw them. */
export interface Exchange {
  method: string;
  /** A path, or an absolute URL; the query string is ignored. */
  url: string;
  status: number;
  /** The response's `Content-Type`. */
  contentType?: string;
  body: unknown;
}

interface RoutePattern {
  operation: ContractOperation;
  pattern: RegExp;
  /** Literal segments before the first parameter break ties: `/projects/counts` beats `{id}`. */
  rank: number[];
}

let patterns: RoutePattern[] | undefined;

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

function routePatterns(): RoutePattern[] {
  if (!patterns) {
    patterns = contractOperations().map((operation) => {
      const segments = trimSlash(operation.path).split('/');
      const source = segments
        .map((segment) =>
          /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      return {
        operation,
        pattern: new RegExp(`^${source}/*$`),
        rank: segments.map((segment) => (segment.startsWith('{') ? 0 : 1)),
      };
    });
  }
  return patterns;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return b[i] - a[i];
  }
  return 0;
}

/** The contract operation a request names, by method and path; none for a route beyond it. */
export function operationOf(method: string, url: string): ContractOperation | undefined {
  const path = new URL(url, 'http://localhost').pathname;
  return routePatterns()
    .filter(
      (candidate) =>
        candidate.operation.method === method.toUpperCase() && candidate.pattern.test(path),
    )
    .sort((a, b) => compareRanks(a.rank, b.rank))[0]?.operation;
}

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);

/**
 * What is wrong with a response by the contract; empty when it fits or when the contract does not
 * have the route. A success must have a status the contract documents for the operation; a JSON
 * body (of any status) must fit the schema the contract gives that status, if it gives one.
 */
export function contractProblems(exchange: Exchange): string[] {
  const operation = operationOf(exchange.method, exchange.url);
  if (!operation) return [];
  const { status } = exchange;
  if (status >= 200 && status < 300 && !(String(status) in operation.responses)) {
    const documented = Object.keys(operation.responses).join(', ');
    return [`status ${status} is not one the contract documents (${documented})`];
  }
  if (!isJson(exchange.contentType)) return [];
  return operationResponseErrors(operation, status, exchange.body) ?? [];
}

/** Fails the test when the response does not fit the contract (see {@link contractProblems}). */
export function expectContractResponse(exchange: Exchange): void {
  const problems = contractProblems(exchange);
  if (problems.length === 0) return;
  const { method, url, status } = exchange;
  const operation = operationOf(method, url)?.operationId;
  const path = new URL(url, 'http://localhost').pathname;
  throw new Error(
    `${method} ${path} answered ${status}, which does not fit the contract's ${operation}:\n  ${problems.join('\n  ')}`,
  );
}
