// The peer sites bench/run.mjs builds from the same corpus, as lean as ours: one template per page
// kind, no syntax highlighting, no feeds, no sitemap. Ours has a page per runbook, an index of every
// runbook, a page per team, per service and per alert, an alerts index and a search index; so do these
// (the search index is Pagefind's, run after the build, indexing only the runbook pages).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const HEAD = '<!doctype html><html lang="en"><meta charset="utf-8">';

/**
 * Hugo (Debian's): content/<team>/<runbook>.md, so the sections are the team pages; taxonomies
 * `service` and `alerts` (front matter keys as they are) give /service/<name>/, /alerts/<name>/ and their
 * indexes. `markup.highlight.codeFences = false`: Hugo highlights fenced code with Chroma by default,
 * which was ~70% of its CPU time on this corpus (ours does not highlight): the old bench's site took 5.6
 * CPU seconds at 1k runbooks, 1.8 without highlighting, 2.8 as here with the taxonomies and tables of
 * contents (same minute, load ~10; `--quiet` changes nothing). Tags are not a taxonomy.
 */
const HUGO = {
  'hugo.toml': [
    'baseURL = "https://example.com/"',
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]',
    '[taxonomies]',
    'service = "service"',
    'alert = "alerts"',
    '[markup.highlight]',
    'codeFences = false',
    '[markup.goldmark.extensions]',
    'typographer = false',
    'definitionList = false',
    '',
  ].join('\n'),
  'layouts/_default/single.html': `${HEAD}<title>{{ .Title }}</title><body><main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.owner }} · {{ .Params.service }} · {{ .Params.severity }}</p>{{ .TableOfContents }}{{ .Content }}</main></body></html>\n`,
  'layouts/_default/list.html': `${HEAD}<title>{{ .Title }}</title><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n`,
  'layouts/index.html': `${HEAD}<title>Runbooks</title><body><h1>Runbooks</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.owner }} {{ .Params.severity }}</li>{{ end }}</ul></body></html>\n`,
};

const listing = (kind) =>
  [
    '---',
    `pagination: {data: collections.${kind}, size: 1, alias: group}`,
    `permalink: "${kind}/{{ group.slug }}/"`,
    '---',
    `${HEAD}<title>{{ group.name }}</title><body><h1>{{ group.name }}</h1><ul>{% for page in group.pages %}<li><a href="{{ page.url }}">{{ page.data.title }}</a></li>{% endfor %}</ul></body></html>`,
    '',
  ].join('\n');

/**
 * Eleventy 3: src/runbooks/<team>/<runbook>.md with a Nunjucks layout; an index of every runbook; team
 * (owner), service and alert pages paginated from collections grouped once in the config, and an alerts
 * index. Markdown is not run through Liquid first (`markdownTemplateEngine: false`: ours does not
 * template runbooks, and the corpus's `{{ … }}` in shell commands must stay as written); slugs are made
 * in the config, not with the `slugify` filter (28% of the build at 1k). Front matter `tags` still
 * become collections, as Eleventy always does.
 */
const ELEVENTY = {
  'eleventy.config.mjs': `const groupBy = (pages, field) => {
  const groups = new Map();
  for (const page of pages) {
    for (const name of [page.data[field]].flat()) {
      if (typeof name !== 'string') continue;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(page);
    }
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, pages]) => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), pages }));
};
export default function (config) {
  const runbooks = (api) => api.getFilteredByGlob('src/runbooks/**/*.md');
  config.addCollection('runbooks', runbooks);
  config.addCollection('teams', (api) => groupBy(runbooks(api), 'owner'));
  config.addCollection('services', (api) => groupBy(runbooks(api), 'service'));
  config.addCollection('alerts', (api) => groupBy(runbooks(api), 'alerts'));
  return { dir: { input: 'src' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`,
  'src/runbooks/runbooks.json': '{ "layout": "runbook.njk" }\n',
  'src/_includes/runbook.njk': `${HEAD}<title>{{ title }}</title><body><main data-pagefind-body><h1>{{ title }}</h1><p>{{ owner }} · {{ service }} · {{ severity }}</p>{{ content | safe }}</main></body></html>\n`,
  'src/index.njk': `${HEAD}<title>Runbooks</title><body><h1>Runbooks</h1><ul>{% for page in collections.runbooks %}<li><a href="{{ page.url }}">{{ page.data.title }}</a> {{ page.data.owner }} {{ page.data.severity }}</li>{% endfor %}</ul></body></html>\n`,
  'src/teams.njk': listing('teams'),
  'src/services.njk': listing('services'),
  'src/alerts.njk': listing('alerts'),
  'src/alerts-index.njk': `---\npermalink: "alerts/"\n---\n${HEAD}<title>Alerts</title><body><h1>Alerts</h1><ul>{% for group in collections.alerts %}<li><a href="/alerts/{{ group.slug }}/">{{ group.name }}</a> ({{ group.pages.length }})</li>{% endfor %}</ul></body></html>\n`,
};

/** Bumped whenever the sites above change, so that a work folder made by an older bench is rebuilt. */
const VERSION = '2';

/**
 * Writes a peer's source folder once per corpus and bench version: the corpus copied to `content`
 * (relative), the files above beside it. Returns the folder.
 */
function writeSite(folder, corpus, content, files) {
  const marker = join(folder, '.bench-site');
  if (existsSync(marker)) return folder;
  rmSync(folder, { recursive: true, force: true });
  cpSync(corpus, join(folder, content), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  writeFileSync(marker, VERSION);
  return folder;
}

/** The Hugo site for a corpus, in `folder` (built into `folder/public`). */
export const hugoSite = (folder, corpus) => writeSite(`${folder}-v${VERSION}`, corpus, 'content', HUGO);

/** The Eleventy site for a corpus, in `folder` (built into `folder/out`). */
export const eleventySite = (folder, corpus) => writeSite(`${folder}-v${VERSION}`, corpus, 'src/runbooks', ELEVENTY);
