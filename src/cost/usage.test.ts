import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal.js';
import { ResourceUsage, parseUsageFile } from './usage.js';

const usage = parseUsageFile(`
version: 0.1
resource_usage:
  aws_lambda_function.api:
    monthly_requests: 2000000
  aws_instance.worker[*]:
    monthly_hours: 100
  aws_instance.worker[1]:
    monthly_hours: "50.5"
resource_type_default_usage:
  aws_lambda_function:
    monthly_requests: 10
    request_duration_ms: 250
`);

describe('usage file', () => {
  it('prefers the exact address, then [*], then the type default', () => {
    const worker1 = new ResourceUsage(usage, 'aws_instance.worker[1]', 'aws_instance');
    const worker0 = new ResourceUsage(usage, 'aws_instance.worker[0]', 'aws_instance');
    expect(formatDecimal(worker1.getOrZero('monthly_hours'))).toBe('50.5');
    expect(formatDecimal(worker0.getOrZero('monthly_hours'))).toBe('100');
    const api = new ResourceUsage(usage, 'aws_lambda_function.api', 'aws_lambda_function');
    expect(formatDecimal(api.getOrZero('monthly_requests'))).toBe('2000000');
    expect(formatDecimal(api.getOrZero('request_duration_ms'))).toBe('250');
    expect(api.get('not_given')).toBeUndefined();
  });

  it('accepts an empty file', () => {
    expect(parseUsageFile('')).toEqual({ resourceUsage: {}, resourceTypeDefaultUsage: {} });
  });

  it.each([
    ['resource_usage: [1, 2]', /resource_usage: expected a mapping/],
    ['resource_usage:\n  a.b:\n    x: -1', /a\.b\.x: expected a non-negative number/],
    ['resource_usage:\n  a.b:\n    x: lots', /expected a non-negative number/],
    ['surprise: 1', /unknown top-level key "surprise"/],
  ])('rejects %j', (text, message) => {
    expect(() => parseUsageFile(text)).toThrow(message);
  });
});
