import { describe, expect, it } from 'vitest';
import { piecesHtml } from '../../src/parse/body-pieces.js';
import { renderBody } from '../../src/parse/render-body.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { resolveLinks } from '../../src/site/resolve-links.js';
import { safeIdPath, safeSegment, uniquePaths, relativeUrl } from '../../src/model/site-paths.js';
import { runbookOf } from '../helpers.js';

const context = { pagePath: 'runbooks/example/index.html', pageOfFile: (path: string) => (path === '/runbooks/db/primary.md' ? 'runbooks/db/primary/index.html' : undefined) };

describe('renderBody', () => {
  it('drops the frontmatter and renders the body', () => {
    const { pieces, text } = renderBody(parseMarkdown('---\ntitle: x\n---\n# Hello\n\nSome *text*.\n'));
    const html = piecesHtml(pieces, () => undefined);
    expect(html).toBe('<h1 id="hello">Hello</h1>\n<p>Some <em>text</em>.</p>');
    expect(text).toBe('Hello Some text.');
  });

  it('removes scripts, event handlers and javascript: URLs from raw HTML and links', () => {
    const { pieces } = renderBody(
      parseMarkdown(
        [
          '<script>alert(1)</script>',
          '<img src="x" onerror="alert(2)">',
          '<a href="javascript:alert(3)">a</a>',
          '[b](javascript:alert(4))',
          '<iframe src="https://evil.example"></iframe>',
          '<svg><script>alert(5)</script></svg>',
          '<details open ontoggle="alert(6)"><summary>s</summary>ok</details>',
          '<a href="&#106;avascript:alert(7)">c</a>',
        ].join('\n\n'),
      ),
    );
    const html = piecesHtml(pieces, () => undefined);
    expect(html).not.toMatch(/<script|onerror|ontoggle|javascript:|<iframe|alert\(\d\)<\/script/i);
    expect(html).toContain('<details open><summary>s</summary>ok</details>');
  });

  it('takes the search text from what the page shows: none of the raw HTML the sanitiser drops', () => {
    const markdown = '# Disk <script>SECRET1</script>full\n\nRestart <script>SECRET2</script> the <template>SECRET3</template> pod <b>now</b>.\n\n| a <script>SECRET4</script> | b |\n|---|---|\n| c | ![alt](x.png) d |\n';
    const { pieces, text } = renderBody(parseMarkdown(markdown));
    expect(text).not.toContain('SECRET');
    expect(piecesHtml(pieces, () => undefined)).not.toContain('SECRET');
    expect(text).toBe('Disk full Restart the pod now. a b c alt d');
  });

  it('gives headings GitHub-style ids and points links to other runbooks at their pages', () => {
    const text = '## Fail over now!\n\nSee [primary](db/primary.md#recovery) and [missing](nope.md) and [amp](db/primary.md?a=1&b=2).\n';
    const html = resolveLinks(renderBody(parseMarkdown(text)).pieces, runbookOf(text), context);
    expect(html).toContain('<h2 id="fail-over-now">');
    expect(html).toContain('href="../../runbooks/db/primary/index.html#recovery"');
    expect(html).toContain('href="nope.md"');
    expect(html).toContain('href="../../runbooks/db/primary/index.html"');
  });
});

describe('site paths', () => {
  it('cannot escape the output folder whatever the id', () => {
    for (const id of ['../../etc/passwd', '/abs/path', 'a/../../b', '..', '.', 'C:\\x\\y', 'a\u0000b', '']) {
      const path = safeIdPath(id);
      expect(path.split('/')).not.toContain('..');
      expect(path.startsWith('/')).toBe(false);
      expect(path).not.toMatch(/[\0\\]/);
    }
    expect(safeSegment('Disk full: ünïcode/../x')).toBe('Disk-full-ünïcode-..-x');
  });

  it('makes colliding paths unique, case-insensitively', () => {
    const paths = uniquePaths(['a b', 'a-b', 'A-B'], (key) => safeSegment(key));
    expect(new Set([...paths.values()].map((path) => path.toLowerCase())).size).toBe(3);
  });

  it('links pages relatively, so the site works under any base path and from file://', () => {
    expect(relativeUrl('runbooks/db/x/index.html', 'alerts/index.html')).toBe('../../../alerts/index.html');
    expect(relativeUrl('index.html', 'teams/data/index.html')).toBe('teams/data/index.html');
  });
});
