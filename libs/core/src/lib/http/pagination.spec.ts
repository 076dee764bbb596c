import { NotFoundException } from '@nestjs/common';
import { pageWindow, toPage } from './pagination';

const url = new URL('http://localhost:8080/api/things?page=2&page_size=10&ordering=id');

describe('pagination', () => {
  it('computes offset and size, capping the size', () => {
    expect(pageWindow({ page: 3, page_size: 20 })).toEqual({ page: 3, size: 20, offset: 40 });
    expect(pageWindow({}, { defaultSize: 30, maxSize: 100 })).toEqual({
      page: 1,
      size: 30,
      offset: 0,
    });
    expect(pageWindow({ page_size: 5000 }, { defaultSize: 30, maxSize: 100 }).size).toBe(100);
  });

  it('links to the neighbouring pages and keeps other parameters', () => {
    const page = toPage(['k'], 25, pageWindow({ page: 2, page_size: 10 }), url);
    expect(page.count).toBe(25);
    expect(page.results).toEqual(['k']);
    expect(page.next).toBe('http://localhost:8080/api/things?page=3&page_size=10&ordering=id');
    expect(page.previous).toBe('http://localhost:8080/api/things?page_size=10&ordering=id');
  });

  it('has no next link on the last page and none back from the first', () => {
    const last = toPage([], 20, pageWindow({ page: 2, page_size: 10 }), url);
    expect(last.next).toBeNull();
    const first = toPage([], 20, pageWindow({ page: 1, page_size: 10 }), url);
    expect(first.previous).toBeNull();
  });

  it('answers an empty first page for an empty list and 404 past the end', () => {
    expect(toPage([], 0, pageWindow({}), url)).toMatchObject({
      count: 0,
      next: null,
      previous: null,
    });
    expect(() => toPage([], 5, pageWindow({ page: 2, page_size: 10 }), url)).toThrow(
      NotFoundException,
    );
  });
});
