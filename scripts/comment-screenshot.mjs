#!/usr/bin/env node
/**
 * Makes docs/pr-comment.png: the PR comment the Action posts for the fixture in fixtures/github/,
 * rendered as GitHub renders Markdown (GFM, via marked) inside a GitHub-like comment frame, and
 * screenshotted with headless Chromium. Not part of `npm test`.
 *
 *   npm run build && npm run docs:comment-screenshot [-- --html-only] [-- --open "How to fix"]
 *
 * Needs /usr/bin/chromium (Debian: apt-get install chromium fonts-noto-color-emoji).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { marked } from 'marked';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const htmlOnly = args.includes('--html-only');
/** Folded sections shown open in the picture (by the start of their summary). */
const opened = args.flatMap((a, i) => (args[i - 1] === '--open' ? [a] : []));
if (opened.length === 0) opened.push('Waived', '💰 Cost estimate');

const { runAction } = await import(pathToFileURL(join(root, 'dist/src/github/action.js')).href);
const { FakeGitHub } = await import(pathToFileURL(join(root, 'dist/src/github/test-support/fake-api.js')).href);

/** Runs the Action in process on the fixture workspace, against an in-memory GitHub, and returns the comment. */
async function fixtureComment() {
  const runner = mkdtempSync(join(tmpdir(), 'tfguard-shot-'));
  const event = join(runner, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 42, head: { sha: '3f9c2ab7d41e5c6f8a9b0c1d2e3f4a5b6c7d8e9f' } } }));
  const api = new FakeGitHub();
  const workspace = join(root, 'fixtures/github/workspace');
  const inputs = { plan: 'plan.json', policies: join(root, 'fixtures/github/policies'), 'builtin-policies': 'false', 'github-token': 't', 'sarif-file': '' };
  const cwd = process.cwd();
  process.chdir(workspace);
  try {
    await runAction({
      env: { GITHUB_REPOSITORY: 'acme/infra', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_SHA: 'merge', GITHUB_WORKSPACE: workspace, GITHUB_RUN_ID: '8812345', RUNNER_TEMP: runner },
      readInput: (name) => inputs[name] ?? '',
      setOutput: () => undefined,
      info: () => undefined,
      warning: (m) => console.warn(m),
      annotate: () => undefined,
      api: () => api,
    });
  } finally {
    process.chdir(cwd);
  }
  return api.comments[0].body;
}

const CSS = `
  body { margin: 0; padding: 24px; background: #f6f8fa; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
  .comment { max-width: 1040px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
  .header { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; font-size: 14px; color: #59636e; }
  .avatar { width: 20px; height: 20px; border-radius: 4px; background: #2da44e; color: #fff; font-size: 12px; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; }
  .header b { color: #1f2328; } .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; }
  .markdown-body { padding: 16px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
  .markdown-body > :first-child { margin-top: 0 !important; }
  h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; line-height: 1.25; }
  h4 { font-size: 1em; font-weight: 600; margin: 24px 0 16px; }
  p, table, details, ul, blockquote, pre { margin: 0 0 16px; }
  a { color: #0969da; text-decoration: none; }
  code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%; padding: .2em .4em; background: rgba(129,139,152,.12); border-radius: 6px; }
  pre { padding: 16px; background: #f6f8fa; border-radius: 6px; overflow: auto; } pre code { background: none; padding: 0; font-size: 85%; }
  table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; } th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
  details summary { cursor: pointer; } details[open] > summary { margin-bottom: 16px; }
  ul { padding-left: 2em; } li + li { margin-top: .25em; }
  sub { color: #59636e; }
  blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
`;

function page(markdown) {
  let html = marked.parse(markdown, { gfm: true, breaks: false });
  for (const summary of opened) html = html.replaceAll(`<details><summary>${summary}`, `<details open><summary>${summary}`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="comment"><div class="header"><span class="avatar">▶</span><b>github-actions</b><span class="bot">bot</span> commented 2 minutes ago</div>
<div class="markdown-body">${html}</div></div></body></html>`;
}

const body = await fixtureComment();
const html = page(body);
const out = mkdtempSync(join(tmpdir(), 'tfguard-shot-html-'));
const htmlFile = join(out, 'comment.html');
writeFileSync(htmlFile, html);
writeFileSync(join(out, 'comment.md'), body);
console.log(`comment-screenshot: ${htmlFile}`);
if (!htmlOnly) {
  const png = join(root, 'docs/pr-comment.png');
  mkdirSync(dirname(png), { recursive: true });
  execFileSync('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'tfguard-chromium-'))}`,
    '--hide-scrollbars', `--screenshot=${png}`, '--window-size=1100,1400', pathToFileURL(htmlFile).href,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  console.log(`comment-screenshot: ${png} (${readFileSync(png).length} bytes)`);
}
