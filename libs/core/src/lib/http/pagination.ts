import { NotFoundException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `?page=&page_size=` as Label Studio's paginated lists take them. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'A page number within the paginated result set.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ description: 'Number of results to return per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page_size?: number;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface PageSizing {
  /** Page size when the request gives none. */
  defaultSize: number;
  /** Larger requested sizes are cut to this. */
  maxSize: number;
}

export const DEFAULT_PAGE_SIZING: PageSizing = { defaultSize: 100, maxSize: 1000 };

export interface PageWindow {
  page: number;
  size: number;
  offset: number;
}

/** The rows to fetch for a request: use `offset`/`size` as the query's OFFSET/LIMIT. */
export function pageWindow(query: PageQuery, sizing: PageSizing = DEFAULT_PAGE_SIZING): PageWindow {
  const page = query.page ?? 1;
  const size = Math.min(query.page_size ?? sizing.defaultSize, sizing.maxSize);
  return { page, size, offset: (page - 1) * size };
}

function withPage(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl);
  if (page <= 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
}

/**
 * The `{count, next, previous, results}` body. `requestUrl` is the absolute URL of the request,
 * whose other query parameters the links keep. A page past the end is a 404, as in Label Studio.
 */
export function toPage<T>(
  results: T[],
  count: number,
  window: PageWindow,
  requestUrl: URL,
): Page<T> {
  const lastPage = Math.max(1, Math.ceil(count / window.size));
  if (window.page > lastPage) throw new NotFoundException('Invalid page.');
  return {
    count,
    next: window.page < lastPage ? withPage(requestUrl, window.page + 1) : null,
    previous: window.page > 1 ? withPage(requestUrl, window.page - 1) : null,
    results,
  };
}

/** The absolute URL of a request, from the Host (or X-Forwarded-*) headers a proxy passes on. */
export function requestUrlOf(request: {
  protocol: string;
  host?: string;
  hostname: string;
  url: string;
}): URL {
  return new URL(request.url, `${request.protocol}://${request.host ?? request.hostname}`);
}
