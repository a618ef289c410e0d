import { compareDecimal, multiply, parseDecimal } from '../decimal.js';
import { type ComponentDraft, NotPricedError, type PricingInput } from '../pricing.js';

const PER_MILLION = parseDecimal('0.000001');
/** Only the first duration tier is in the catalog (first 6B GB-seconds x86, 7.5B arm64). */
const FIRST_TIER_GB_SECONDS: Record<string, string> = { x86_64: '6000000000', arm64: '7500000000' };

/** aws_lambda_function: requests and GB-seconds, both from usage (zero without it). */
export function priceLambdaFunction(input: PricingInput): readonly ComponentDraft[] {
  const { attributes, usage } = input;
  const architecture = lambdaArchitecture(input);
  const memoryGb = multiply(attributes.number('memory_size', 128), parseDecimal('0.0009765625'));
  const requests = usage.get('monthly_requests');
  const durationMs = usage.get('request_duration_ms');
  const components = [...input.usageBased('Requests', 'monthly_requests', 'lambda', 'requests', PER_MILLION)];
  const gbSeconds =
    requests && durationMs ? multiply(multiply(requests, multiply(durationMs, parseDecimal('0.001'))), memoryGb) : undefined;
  if (gbSeconds && compareDecimal(gbSeconds, parseDecimal(FIRST_TIER_GB_SECONDS[architecture])) > 0) {
    throw new NotPricedError('no catalog price: lambda duration beyond the first tier');
  }
  components.push(...input.usageQuantity(`Duration (${architecture})`, gbSeconds, 'lambda', `duration:${architecture}`));
  return components;
}

function lambdaArchitecture(input: PricingInput): string {
  const value = input.attributes.get('architectures');
  const first = Array.isArray(value) ? (value[0] as unknown) : undefined;
  return first === 'arm64' ? 'arm64' : 'x86_64';
}
