import { describe, expect, it } from 'vitest';
import { costDeltaLine, costSection, signedMoney, totalDeltaPlain } from './cost-markdown.js';
import type { CostEstimate, ResourceCost } from '../cost/types.js';

const resource = (address: string, action: ResourceCost['action'], before: string, after: string, delta: string): ResourceCost => ({ address, type: address.split('.')[0], action, region: 'us-east-1', before, after, delta, components: [], usageBased: false });

const estimate = (over: Partial<CostEstimate> = {}): CostEstimate => ({
  currency: 'USD',
  asOf: '2026-02-09',
  resources: [resource('aws_instance.web', 'update', '15.184', '70.08', '54.896'), resource('aws_db_instance.orders', 'create', '0', '117.35', '117.35'), resource('aws_s3_bucket.x', 'no-op', '0', '0', '0')],
  totals: { before: '15.184', after: '187.43', delta: '172.246', percent: '1134.39' },
  notPriced: [{ address: 'aws_foo.bar', type: 'aws_foo', reason: 'unsupported type' }],
  sources: [{ id: 's', title: 'AWS Price List', url: 'https://aws.example/prices', asOf: '2026-02-09' }],
  ...over,
});

describe('cost markdown', () => {
  it.each([
    ['12.4', '+$12.40'],
    ['-3', '-$3.00'],
    ['0', '$0.00'],
    ['1234.567', '+$1,234.57'],
  ])('signed money %s → %s', (value, text) => {
    expect(signedMoney(value)).toBe(text);
  });

  it('the delta line has sign and percent; no percent when nothing existed before', () => {
    expect(costDeltaLine(estimate())).toBe('💰 **Cost:** **+$172.25/month** (+1134.39%) — $15.18 → $187.43 per month · 1 resource not priced');
    expect(costDeltaLine(estimate({ totals: { before: '0', after: '5', delta: '5', percent: null }, notPriced: [] }))).toBe('💰 **Cost:** **+$5.00/month** — $0.00 → $5.00 per month');
    expect(costDeltaLine(estimate({ totals: { before: '10', after: '5', delta: '-5', percent: '-50.00' } }))).toContain('**-$5.00/month** (-50.00%)');
  });

  it('the table lists changed resources, largest delta first, and what was not priced', () => {
    const section = costSection(estimate());
    expect(section).toMatch(/^<details><summary>💰 Cost estimate: \+\$172\.25\/month<\/summary>/);
    expect(section.indexOf('aws_db_instance.orders')).toBeLessThan(section.indexOf('aws_instance.web'));
    expect(section).not.toContain('aws_s3_bucket.x');
    expect(section).toContain('- `aws_foo.bar`: unsupported type');
    expect(section).toContain('<sub>USD on-demand list prices, oldest dated source 2026-02-09 · sources [1](https://aws.example/prices "AWS Price List")</sub>');
  });

  it('the output is a plain decimal summed over plans', () => {
    expect(totalDeltaPlain([estimate(), estimate({ totals: { before: '0', after: '0', delta: '-2.5', percent: null } })])).toBe('169.75');
  });
});
