import { describe, expect, it } from 'vitest';
import { runbookFolders } from '../../src/model/runbook-paths.js';

describe('runbookFolders', () => {
  it('gives a runbook its safe folder, and the folder in lower case when it has capitals', () => {
    expect(runbookFolders(['kubernetes/KubePodCrashLooping', 'nodes/node-down', 'ops/Primary Down'])).toEqual(
      new Map([
        ['kubernetes/KubePodCrashLooping', ['runbooks/kubernetes/KubePodCrashLooping', 'runbooks/kubernetes/kubepodcrashlooping']],
        ['nodes/node-down', ['runbooks/nodes/node-down']],
        ['ops/Primary Down', ['runbooks/ops/Primary-Down', 'runbooks/ops/primary-down']],
      ]),
    );
  });

  it('gives no lower-case folder to runbooks whose paths differ only in case or unsafe characters (duplicate-id)', () => {
    expect(runbookFolders(['Disk/Full', 'disk/full', 'DB/Primary Down', 'db/primary-down', 'Other'])).toEqual(
      new Map([
        ['DB/Primary Down', ['runbooks/DB/Primary-Down']],
        ['Disk/Full', ['runbooks/Disk/Full']],
        ['Other', ['runbooks/Other', 'runbooks/other']],
        ['db/primary-down', ['runbooks/db/primary-down-2']],
        ['disk/full', ['runbooks/disk/full-2']],
      ]),
    );
  });

  it('never gives two runbooks folders that are one where case is ignored', () => {
    const ids = ['A', 'a', 'a-2', 'A-2', 'b/C', 'B/c', 'b/c-2', 'Ä', 'ä', 'x y', 'X-Y'];
    const folders = [...runbookFolders(ids)].flatMap(([id, paths]) => paths.map((path) => ({ id, path: path.toLowerCase() })));
    const owners = new Map<string, Set<string>>();
    for (const { id, path } of folders) owners.set(path, (owners.get(path) ?? new Set()).add(id));
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });
});
