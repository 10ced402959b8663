import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, INSTALL_HINT } from './support/chromium';

// In CI a missing browser must fail the run; elsewhere the journeys skip with an install hint.
describe('browser availability', () => {
  it.runIf(Boolean(process.env.CI))('has Chromium in CI', () => {
    expect(HAS_CHROMIUM, INSTALL_HINT).toBe(true);
  });
  it.skipIf(HAS_CHROMIUM || Boolean(process.env.CI))(INSTALL_HINT, () => {});
});
