/**
 * Secrets stay secret. Terraform marks sensitive values with masks beside them (`after_sensitive`,
 * `sensitive_values`, sensitive variables and outputs) but writes the values themselves in clear. We
 * replace them before policies see the document, and keep the list so every output can be scrubbed
 * again (defence in depth: a policy could still print a value it derived from an unmarked field).
 */
export const REDACTED = '(sensitive value)';

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (x: Json): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export interface Redaction {
  document: Obj;
  /** The clear-text values that were replaced (strings of 4+ characters and numbers of 4+ digits). */
  secrets: string[];
}

export function redactSensitive(raw: Obj): Redaction {
  const secrets = new Set<string>();
  const collect = (x: Json): void => {
    if (typeof x === 'string' && x.length >= 4) secrets.add(x);
    else if (typeof x === 'number' && String(x).length >= 4) secrets.add(String(x));
    else if (Array.isArray(x)) x.forEach(collect);
    else if (isObj(x)) Object.values(x).forEach(collect);
  };
  /** Copy-on-write: only the paths a mask marks are copied. */
  const mask = (value: Json, m: Json): Json => {
    if (m === true) {
      if (value === null || value === undefined) return value;
      collect(value);
      return REDACTED;
    }
    if (Array.isArray(m) && Array.isArray(value)) return value.map((v, i) => mask(v, m[i]));
    if (isObj(m) && isObj(value)) {
      const out: Obj = { ...value };
      for (const k of Object.keys(m)) if (k in out) out[k] = mask(out[k], m[k]);
      return out;
    }
    return value;
  };
  const change = (c: Json): Json => {
    if (!isObj(c)) return c;
    return { ...c, before: mask(c.before, c.before_sensitive), after: mask(c.after, c.after_sensitive) };
  };
  const changes = (list: Json): Json => (Array.isArray(list) ? (list as Json[]).map((rc: Json) => (isObj(rc) ? { ...rc, change: change(rc.change) } : rc)) : list);
  const moduleValues = (mod: Json): Json => {
    if (!isObj(mod)) return mod;
    const out: Obj = { ...mod };
    if (Array.isArray(mod.resources)) out.resources = (mod.resources as Json[]).map((r: Json) => (isObj(r) ? { ...r, values: mask(r.values, r.sensitive_values) } : r));
    if (Array.isArray(mod.child_modules)) out.child_modules = (mod.child_modules as Json[]).map(moduleValues);
    return out;
  };
  const values = (v: Json): Json => {
    if (!isObj(v)) return v;
    const out: Obj = { ...v, root_module: moduleValues(v.root_module) };
    if (isObj(v.outputs)) {
      const outputs: Obj = {};
      for (const [name, o] of Object.entries(v.outputs)) outputs[name] = isObj(o) && o.sensitive === true ? { ...o, value: mask(o.value, true) } : o;
      out.outputs = outputs;
    }
    return out;
  };

  const doc: Obj = { ...raw };
  if ('resource_changes' in raw) doc.resource_changes = changes(raw.resource_changes);
  if ('resource_drift' in raw) doc.resource_drift = changes(raw.resource_drift);
  if (isObj(raw.output_changes)) {
    const oc: Obj = {};
    for (const [name, c] of Object.entries(raw.output_changes)) oc[name] = change(c);
    doc.output_changes = oc;
  }
  if ('planned_values' in raw) doc.planned_values = values(raw.planned_values);
  if ('values' in raw) doc.values = values(raw.values);
  if (isObj(raw.prior_state)) doc.prior_state = { ...raw.prior_state, values: values(raw.prior_state.values) };
  // Variable values are written in clear even when declared sensitive.
  const declared = isObj(raw.configuration) && isObj(raw.configuration.root_module) ? raw.configuration.root_module.variables : undefined;
  if (isObj(raw.variables) && isObj(declared)) {
    const vars: Obj = { ...raw.variables };
    for (const [name, decl] of Object.entries(declared)) {
      const v = vars[name];
      if (isObj(decl) && decl.sensitive === true && isObj(v)) vars[name] = { ...v, value: mask(v.value, true) };
    }
    doc.variables = vars;
  }
  // Longest first, so a secret that contains another is replaced whole.
  return { document: doc, secrets: [...secrets].sort((a, b) => b.length - a.length) };
}

/** Replaces every known secret in a text by the redaction marker. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}
