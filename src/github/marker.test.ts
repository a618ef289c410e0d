import { describe, expect, it } from 'vitest';
import { parseMarker, renderMarker, resultFingerprint } from './marker.js';
import { reportFinding as finding } from './test-support/findings.js';

describe('marker', () => {
  it.each([
    ['plain', { project: 'plan.json', fingerprint: '0123abcd' }],
    ['spaces and a comment end in the name', { project: 'envs/prod plan --> x', fingerprint: 'ff' }],
    ['no fingerprint', { project: 'infra' }],
  ])('round-trips: %s', (_name, marker) => {
    const text = renderMarker(marker);
    expect(text).toMatch(/^<!-- tfguard:project=\S+( fingerprint=\S+)? -->$/);
    expect(parseMarker(`${text}\n### report`)).toEqual(marker);
  });

  it.each([['a quote', `> ${renderMarker({ project: 'x' })}`], ['no marker', '### tfguard'], ['empty', ''], ['null body', null]])('only counts a marker that starts the body: %s', (_name, body) => {
    expect(parseMarker(body)).toBeUndefined();
  });

  it('fingerprints the result, not where it points', () => {
    const base = resultFingerprint([finding(), finding({ policyId: 'FX-ENC-001' })], '12.00');
    expect(resultFingerprint([finding({ policyId: 'FX-ENC-001' }), finding({ location: { file: 'main.tf', line: 9 } })], '12.00')).toBe(base);
    expect(resultFingerprint([finding(), finding({ policyId: 'FX-ENC-001', change: 'existing' })], '12.00')).not.toBe(base);
    expect(resultFingerprint([finding(), finding({ policyId: 'FX-ENC-001' })], '13.00')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });
});
