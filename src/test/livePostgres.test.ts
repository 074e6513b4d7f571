import { describe, expect, it } from 'vitest';
import { findPostgresBin, INSTALL_HINT, startLivePostgres } from './livePostgres';

describe('the live PostgreSQL harness', () => {
  it('fails with the install command when PostgreSQL is not installed (no silent skip)', async () => {
    const nowhere = { path: '/nonexistent-bin', debianRoot: '/nonexistent-postgresql' };
    expect(findPostgresBin(nowhere)).toBeUndefined();
    await expect(startLivePostgres(nowhere)).rejects.toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain('apt-get install -y postgresql');
  });

  it('finds the server installed on this machine', () => {
    expect(findPostgresBin()).toMatch(/bin$/);
  });
});
