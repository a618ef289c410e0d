/**
 * Address → `file:line` of the `resource "TYPE" "NAME"` / `data "TYPE" "NAME"` block that declares it, so
 * reports can annotate the .tf source rather than the plan. Each module's directory comes from its call's
 * local `source` (`./modules/x`), else from `.terraform/modules/modules.json` (what `terraform init` wrote
 * for registry and git modules). Parsing uses tree-sitter's Terraform grammar, which keeps positions and
 * tolerates syntax errors (a half-edited file still yields the blocks it can).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { SourceLocation } from './document.js';
import { findConfigModule, moduleCall, resourceKey } from './configuration.js';
import { isObject, type JsonObject } from './shape.js';

/** Resources found in one module directory: `mode.type.name` → where. */
type BlockIndex = Map<string, SourceLocation>;

let parserPromise: Promise<Parser> | undefined;
/** Absolute .tf path → its blocks. Files are parsed once per process, however many documents share them. */
const fileCache = new Map<string, Promise<BlockIndex>>();

function terraformParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    await Parser.init();
    const language = await Language.load(wasmPath);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export interface LocatableResource {
  mode: string;
  type: string;
  name: string;
  /** Module call names from the root, instance keys dropped. */
  moduleNames: readonly string[];
}

export class SourceLocator {
  private readonly sourceDir: string;
  private readonly rootModule: JsonObject | undefined;
  private installedModules: Promise<Map<string, string>> | undefined;
  private readonly dirIndexes = new Map<string, Promise<BlockIndex | undefined>>();

  constructor(sourceDir: string, rootConfigModule: JsonObject | undefined) {
    this.sourceDir = resolve(sourceDir);
    this.rootModule = rootConfigModule;
  }

  /** Where each resource's block is declared, in the same order; undefined where it was not found. */
  async locate(resources: readonly LocatableResource[]): Promise<(SourceLocation | undefined)[]> {
    // Resolve each module's directory index once, then look resources up synchronously.
    const indexes = new Map<readonly string[], BlockIndex | undefined>();
    for (const { moduleNames } of resources) {
      if (!indexes.has(moduleNames)) indexes.set(moduleNames, await this.indexForModule(moduleNames));
    }
    return resources.map(({ moduleNames, mode, type, name }) => indexes.get(moduleNames)?.get(resourceKey(mode, type, name)));
  }

  private indexForModule(moduleNames: readonly string[]): Promise<BlockIndex | undefined> {
    const key = moduleNames.join('.');
    let index = this.dirIndexes.get(key);
    if (!index) {
      index = this.moduleDirectory(moduleNames).then((dir) => (dir ? indexDirectory(dir) : undefined));
      this.dirIndexes.set(key, index);
    }
    return index;
  }

  private async moduleDirectory(moduleNames: readonly string[]): Promise<string | undefined> {
    if (moduleNames.length === 0) return this.sourceDir;
    const parentNames = moduleNames.slice(0, -1);
    const parentConfig = findConfigModule(this.rootModule, parentNames);
    const source = parentConfig ? moduleCall(parentConfig, moduleNames[moduleNames.length - 1])?.source : undefined;
    if (source !== undefined && isLocalSource(source)) {
      const parentDir = await this.moduleDirectory(parentNames);
      if (parentDir) return resolve(parentDir, source);
    }
    const installedDir = (await this.installedModuleDirs()).get(moduleNames.join('.'));
    return installedDir === undefined ? undefined : resolve(this.sourceDir, installedDir);
  }

  /** `.terraform/modules/modules.json`: `{"Modules":[{"Key":"vpc.subnets","Dir":"..."}]}`, keys are dotted call names. */
  private installedModuleDirs(): Promise<Map<string, string>> {
    this.installedModules ??= readFile(join(this.sourceDir, '.terraform', 'modules', 'modules.json'), 'utf8').then(
      (text) => {
        const dirs = new Map<string, string>();
        const parsed: unknown = JSON.parse(text);
        const modules = isObject(parsed) && Array.isArray(parsed.Modules) ? (parsed.Modules as unknown[]) : [];
        for (const entry of modules) {
          if (isObject(entry) && typeof entry.Key === 'string' && typeof entry.Dir === 'string') dirs.set(entry.Key, entry.Dir);
        }
        return dirs;
      },
      () => new Map<string, string>(),
    );
    return this.installedModules;
  }
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source.startsWith('.\\') || source.startsWith('..\\');
}

/** All resource/data blocks of the directory's `.tf` files; undefined when the directory is missing. */
async function indexDirectory(dir: string): Promise<BlockIndex | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.tf')).map((entry) => entry.name);
  } catch {
    return undefined;
  }
  const merged: BlockIndex = new Map();
  for (const name of names.sort()) {
    for (const [key, location] of await indexFile(join(dir, name))) {
      // Terraform refuses duplicate blocks; if a broken tree has them anyway, the first one wins.
      if (!merged.has(key)) merged.set(key, location);
    }
  }
  return merged;
}

function indexFile(file: string): Promise<BlockIndex> {
  let index = fileCache.get(file);
  if (!index) {
    index = parseFile(file);
    fileCache.set(file, index);
  }
  return index;
}

async function parseFile(file: string): Promise<BlockIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Map();
  }
  const parser = await terraformParser();
  const tree = parser.parse(text);
  const index: BlockIndex = new Map();
  if (!tree) return index;
  try {
    const displayPath = displayPathOf(file);
    // Error recovery can nest the blocks after a syntax error inside the broken one; search deeper then.
    const blocks = tree.rootNode.hasError ? tree.rootNode.descendantsOfType('block') : topLevelBlocks(tree.rootNode);
    for (const node of blocks) {
      const declared = declaredResource(node);
      if (declared && !index.has(declared)) {
        index.set(declared, { file: displayPath, line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
      }
    }
  } finally {
    tree.delete();
  }
  return index;
}

/** The blocks of the file's top-level body. */
function topLevelBlocks(root: Node): Node[] {
  const blocks: Node[] = [];
  for (const child of root.namedChildren) {
    if (child.type === 'body') blocks.push(...child.namedChildren.filter((node) => node.type === 'block'));
    else if (child.type === 'block') blocks.push(child);
  }
  return blocks;
}

/** `resource "aws_s3_bucket" "logs" {` → `managed.aws_s3_bucket.logs`; `data "x" "y"` → `data.x.y`. */
function declaredResource(block: Node): string | undefined {
  const [keyword, typeLabel, nameLabel] = block.namedChildren;
  if (!keyword || keyword.type !== 'identifier' || !typeLabel || !nameLabel) return undefined;
  const mode = keyword.text === 'resource' ? 'managed' : keyword.text === 'data' ? 'data' : undefined;
  if (!mode) return undefined;
  const type = labelText(typeLabel);
  const name = labelText(nameLabel);
  return type && name ? resourceKey(mode, type, name) : undefined;
}

function labelText(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'string_lit') return undefined;
  const text = node.text;
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : undefined;
}

/** Relative to the working directory with forward slashes, as the reports print it. */
function displayPathOf(file: string): string {
  const relativePath = relative(process.cwd(), file);
  const shown = relativePath === '' || isAbsolute(relativePath) ? file : relativePath;
  return shown.split(sep).join('/');
}
