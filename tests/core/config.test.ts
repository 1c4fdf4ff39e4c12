import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseServeArgs } from '../../electron/core/config';

describe('serve options', () => {
  it('reads flags over environment over defaults', () => {
    const env = { DESK_PORT: '5000', DESK_HOST: '0.0.0.0', DESK_DATA_DIR: '/env/data' };
    expect(parseServeArgs([], env)).toMatchObject({ host: '0.0.0.0', port: 5000, dataDir: '/env/data' });
    expect(parseServeArgs(['--port', '6000', '--data-dir=/flag/data'], env)).toMatchObject({
      host: '0.0.0.0',
      port: 6000,
      dataDir: '/flag/data',
    });
  });

  it('rejects unknown options and bad ports with a message', () => {
    expect(() => parseServeArgs(['--prot', '1'], {})).toThrow(/Unknown option --prot/);
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/Invalid port/);
  });

  it('defaults to the per-user application data folder', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/home/u/.local/share' })).toMatch(/akimat-live-desk$/);
  });
});
