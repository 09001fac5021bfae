/**
 * The alert rule file of the alert rules' examples: one alert, `DiskFull`, whose `runbook_url`
 * leads to the runbook `disk` (under `alerts.url: https://runbooks.example.com/{id}/`).
 */
export const RULE_FILE = [
  'groups:',
  '  - name: disk',
  '    rules:',
  '      - alert: DiskFull',
  '        expr: node_filesystem_avail_bytes == 0',
  '        annotations:',
  '          runbook_url: https://runbooks.example.com/disk/',
  '',
].join('\n');
