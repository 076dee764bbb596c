import { Injectable, OnModuleInit } from '@nestjs/common';
import { RE2JS } from 're2js';
import { DataSource } from 'typeorm';
import { dialectOfDataSource } from '@ls/core';
import { compiledRe2, MAX_PATTERN_LENGTH } from './portable-regex';

interface SqliteConnection {
  function(
    name: string,
    options: { deterministic: boolean; varargs: boolean },
    implementation: (pattern: unknown, value: unknown) => number | null,
  ): unknown;
}

const CACHED_PATTERNS = 200;

/**
 * SQLite has no `regexp` function of its own: this registers one on the data source's
 * connection (better-sqlite3 keeps a single one). It matches with RE2 (`re2js`), whose time grows
 * with the text, never exponentially: a pattern such as `(a+)+$` cannot stall the process, which
 * in embedded mode serves every request. An invalid pattern matches nothing rather than failing
 * the statement, as Label Studio's `regex` filter does.
 */
@Injectable()
export class SqliteRegexpFunction implements OnModuleInit {
  private readonly compiled = new Map<string, RE2JS | null>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (dialectOfDataSource(this.dataSource) !== 'sqlite') return;
    const driver = this.dataSource.driver as unknown as { databaseConnection?: SqliteConnection };
    driver.databaseConnection?.function(
      'regexp',
      { deterministic: true, varargs: false },
      (pattern, value) => {
        if (typeof pattern !== 'string' || value === null || value === undefined) return null;
        const regex = this.compile(pattern);
        return regex && regex.matcher(String(value)).find() ? 1 : 0;
      },
    );
  }

  private compile(pattern: string): RE2JS | null {
    if (this.compiled.has(pattern)) return this.compiled.get(pattern) ?? null;
    const regex = pattern.length <= MAX_PATTERN_LENGTH ? compiledRe2(pattern) : null;
    if (this.compiled.size >= CACHED_PATTERNS) this.compiled.clear();
    this.compiled.set(pattern, regex);
    return regex;
  }
}
