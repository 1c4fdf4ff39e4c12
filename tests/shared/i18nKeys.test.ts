import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/core';

/** Type-checks one line of screen code the way the UI is checked (tsconfig.web.json, renderer/i18next.d.ts). */
function typeCheck(line: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(REPO_ROOT, 'tests', '.i18n-keys-'));
  try {
    writeFileSync(
      join(dir, 'screen.ts'),
      `import { useTranslation } from 'react-i18next';\nexport function label(): string {\n  const { t } = useTranslation();\n  return ${line};\n}\n`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.web.json', include: ['screen.ts', '../../renderer/i18next.d.ts'] }),
    );
    const result = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    return { ok: result.status === 0, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('translation keys in screen code', () => {
  it('type-check when the strings have them, plural keys included', () => {
    const good = typeCheck("t('console.title') + t('console.askedBy', { count: 2 })");
    expect(good.output).toBe('');
    expect(good.ok).toBe(true);
  });

  it('fail the type-check when a key is missing', () => {
    const bad = typeCheck("t('console.noSuchKey')");
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain('console.noSuchKey');
  });
}, 120_000);
