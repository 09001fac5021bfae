import { describe, expect, it } from 'vitest';
import { alertFolders } from '../../src/model/alert-paths.js';
import { runbookFolders } from '../../src/model/runbook-paths.js';
import { MAX_SEGMENT_BYTES, uniquePaths, utf8Length } from '../../src/model/site-paths.js';
import { caseFold } from '../../src/text/case-fold.js';

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

  it('writes no lower-case folder longer than a file name may be (capitals that grow in UTF-8 when lowered)', () => {
    const id = 'İ'.repeat(100);
    const grown = 'Ⱥ'.repeat(100);
    expect(runbookFolders([id, grown, `ops/${id}`])).toEqual(
      new Map([
        [id, [`runbooks/${id}`]],
        [grown, [`runbooks/${grown}`]],
        [`ops/${id}`, [`runbooks/ops/${id}`]],
      ]),
    );
    const alert = 'İ'.repeat(67);
    expect(alertFolders([alert, 'İx'])).toEqual(new Map([[alert, [`alerts/${alert}`]], ['İx', ['alerts/İx', 'alerts/i̇x']]]));
    for (const paths of [...runbookFolders([id, grown]).values(), ...alertFolders([alert]).values()]) {
      for (const path of paths) expect(Math.max(...path.split('/').map(utf8Length))).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    }
  });

  it('ignores case as a file system ignoring it does: ΑΣ and ασ (a final sigma), ſ and s share a folder', () => {
    expect(runbookFolders(['ΑΣ', 'ασ', 'ſ', 's'])).toEqual(
      new Map([
        ['s', ['runbooks/s']],
        ['ſ', ['runbooks/ſ-2']],
        ['ΑΣ', ['runbooks/ΑΣ']],
        ['ασ', ['runbooks/ασ-2']],
      ]),
    );
    expect(uniquePaths(['ΑΣ', 'ας', 'ασ'], (key) => key)).toEqual(new Map([['ΑΣ', 'ΑΣ'], ['ας', 'ας-2'], ['ασ', 'ασ-3']]));
    expect(alertFolders(['ΑΣ', 'ασ'])).toEqual(new Map([['ΑΣ', ['alerts/ΑΣ']], ['ασ', ['alerts/ασ']]]));
    expect([caseFold('ΑΣ'), caseFold('ſ'), caseFold('ı'), caseFold('ß'), caseFold('KubePod')]).toEqual(['ασ', 's', 'i', 'ß', 'kubepod']);
  });
});
