/**
 * What src/input produces: a Terraform document exactly as Terraform wrote it (the policies' `input`),
 * plus an index the reports need. Policies never see the index; they see `raw` only.
 */

export type DocumentKind = 'plan' | 'state';

/** One resource (or data source) of the document, from root and child modules. */
export interface IndexedResource {
  /** Full address, e.g. `module.vpc.aws_subnet.private["a"]`. */
  address: string;
  type: string;
  name: string;
  mode: 'managed' | 'data';
  /** e.g. `registry.terraform.io/hashicorp/aws`. */
  providerName: string;
  /** Module address (`module.vpc`), '' for the root module. */
  module: string;
  /** Plan actions (`["create"]`, `["delete","create"]`, `["no-op"]`…); state documents have none. */
  actions: string[];
  /** Region or location the resource lives in, when it can be resolved. */
  region?: string;
  /** Where the resource block is declared, when the source was found. */
  source?: SourceLocation;
}

export interface SourceLocation {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  line: number;
  column?: number;
}

export interface TerraformDocument {
  /** The path the document was read from (as given by the user). */
  path: string;
  kind: DocumentKind;
  /** `format_version` of the document. */
  formatVersion: string;
  terraformVersion?: string;
  /** The parsed JSON, untouched. */
  raw: Record<string, unknown>;
  resources: IndexedResource[];
  /** Address → resource, for the reports. */
  byAddress: Map<string, IndexedResource>;
}

/** A bad input: one clear line for the user (exit code 2). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'InputError';
  }
}
