import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { REPO_ROOT } from '../../helpers/core';

describe('schema migrations', () => {
  it('run in ascending order, one per numbered file, each number its file name', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const files = readdirSync(join(REPO_ROOT, 'electron/core/store/migrations')).filter((f) => /^\d{4}-/.test(f));
    expect(files.map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b)).toEqual(versions);
  });
});
