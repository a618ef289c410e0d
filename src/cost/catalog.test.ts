import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, PriceCatalog, parseCatalogFile } from './catalog.js';
import { compareDecimal, parseDecimal } from './decimal.js';

const catalog = new PriceCatalog(BUILTIN_CATALOGS);
const entries = [...catalog.entries()];

function countFor(service: string, region: string): number {
  return entries.filter((entry) => entry.service === service && entry.region === region).length;
}

describe('built-in catalog', () => {
  it('names a source URL and an as-of for every group', () => {
    for (const file of BUILTIN_CATALOGS) {
      for (const group of file.groups) {
        const source = group.source ?? file.source;
        expect(source.url).toMatch(/^https:\/\//);
        expect(source.asOf).not.toBe('');
      }
    }
  });

  it('holds only positive decimal prices', () => {
    for (const entry of entries) expect(compareDecimal(parseDecimal(entry.price), parseDecimal('0'))).toBe(1);
  });

  // The floor: at least 100 current-generation instance types in each of the regions our users run in.
  it.each(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1'])('prices 100+ EC2 instance types in %s', (region) => {
    expect(countFor('ec2', region)).toBeGreaterThanOrEqual(100);
  });

  it('has no EC2 price outside us-east-1 that was not read from the regional source', () => {
    for (const entry of entries.filter((candidate) => candidate.service === 'ec2' && candidate.region !== 'us-east-1')) {
      expect(entry.sourceId).toBe('skypilot-catalog-v8-aws-vms');
    }
  });

  it('has sources that agree wherever two built-in files price the same thing', () => {
    const seen = new Map<string, { price: string; unit: string; file: number }>();
    BUILTIN_CATALOGS.forEach((file, index) => {
      for (const group of file.groups) {
        for (const [region, keyed] of Object.entries(group.prices)) {
          for (const [key, price] of Object.entries(keyed)) {
            const id = `${group.service} ${region} ${key}`;
            const earlier = seen.get(id);
            if (earlier && earlier.file !== index) {
              expect({ id, unit: group.unit, price: compareDecimal(parseDecimal(price), parseDecimal(earlier.price)) }).toEqual({
                id,
                unit: earlier.unit,
                price: 0,
              });
            }
            seen.set(id, { price, unit: group.unit, file: index });
          }
        }
      }
    });
  });

  it('rejects malformed catalog files', () => {
    const source = { id: 'x', title: 't', url: 'https://example.com', asOf: '2026-01-01' };
    expect(() => parseCatalogFile({ source, groups: [{ service: 'ec2', unit: 'hour', prices: { r: { k: 0.1 } } }] }, 'f')).toThrow(
      /price must be a decimal string/,
    );
    expect(() => parseCatalogFile({ source: { ...source, asOf: '' }, groups: [] }, 'f')).toThrow(/asOf must be a non-empty string/);
  });
});
