/** JSON Schema of `.tfguard.yml`. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    policies: {
      type: 'object',
      additionalProperties: false,
      properties: {
        include: { type: 'array', items: { type: 'string', minLength: 1 } },
        exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
        dirs: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    params: { type: 'object' },
    exceptions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['policy', 'reason', 'owner', 'expires'],
        properties: {
          policy: { type: 'string', minLength: 1 },
          resource: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 1 },
          owner: { type: 'string', minLength: 1 },
          expires: { type: 'string', format: 'date' },
        },
      },
    },
    fail_on: { enum: ['low', 'medium', 'high', 'critical'] },
  },
} as const;
