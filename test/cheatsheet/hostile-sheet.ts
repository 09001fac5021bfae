import type { CheatSheet } from '../../src/cheatsheet/sheet.js';

/** A sheet whose every text tries to become markup, a script or a link: the renderers must not let it. */
export const HOSTILE: CheatSheet = {
  kind: 'team',
  key: 'red-team',
  name: 'Red <b>team</b>',
  slug: 'red-team',
  page: 'teams/red-team/index.html',
  teams: [{ key: 'red-team', name: 'Red <b>team</b>', chat: '#red & <i>blue</i>', contacts: [{ name: '1. *Boss*', via: 'pager', target: '[x](javascript:alert(1))' }] }],
  runbooks: [
    {
      id: 'evil',
      title: '<img src=x onerror=alert(1)> *bold* [link](https://evil.example) ##',
      severity: { id: 'critical', rank: 0 },
      alerts: ['Alert`With`Ticks'],
      status: 'stale',
      statusText: 'STALE (last tested 2025-01-01, due 2025-04-01): the steps may no longer work',
      flagged: true,
      steps: [
        {
          text: '1. not a list <script>alert(1)</script> _under_ snake_case',
          textInlines: [{ kind: 'text', text: '1. not a list <script>alert(1)</script> _under_ snake_case' }],
          run: 'echo "```" && echo </pre><script>alert(1)</script>',
        },
        { text: '', textInlines: [], run: 'only-a-command --flag' },
        {
          text: 'no command here click me `<b>` bold',
          textInlines: [
            { kind: 'text', text: 'no command here ' },
            { kind: 'link', url: 'javascript:alert(2)', children: [{ kind: 'text', text: 'click me' }] },
            { kind: 'text', text: ' ' },
            { kind: 'code', text: '`<b>`\u001b]52;c;SGFja2Vk\u0007' },
            { kind: 'text', text: ' ' },
            { kind: 'strong', children: [{ kind: 'link', url: ' java\tscript:alert(3)', children: [{ kind: 'text', text: 'bold\u001b[2J' }] }] },
          ],
          expectInlines: [{ kind: 'text', text: '</p><img src=x onerror=alert(4)> \u001b[31mred' }],
        },
      ],
      moreSteps: 0,
      escalation: [],
      link: { url: 'https://runbooks.example.com/runbooks/evil/', page: 'runbooks/evil/index.html' },
    },
  ],
  generated: '2026-11-27',
  commit: { kind: 'unknown' },
};
