import type { SearchDocument } from '../../src/site/search-document.js';

/**
 * Synthetic runbooks for size tests, made quickly and deterministically: a vocabulary of made-up
 * words whose first letters are skewed like English (`co`, `re`, `pr` are common) and whose use in
 * bodies follows Zipf's law, so shard sizes look like those of a real corpus.
 */
export function syntheticRunbooks(count: number, options: { readonly vocabulary: number; readonly bodyWords: number }): readonly SearchDocument[] {
  const random = mulberry32(42);
  const vocabulary = makeVocabulary(options.vocabulary, random);
  const pick = zipfSampler(vocabulary.length, random, 1);
  const teams = ['data', 'platform', 'payments', 'identity', 'search', 'edge', 'storage', 'mobile', 'growth', 'billing', 'infra', 'security'];
  const severities = ['critical', 'high', 'medium', 'low'];
  const statuses = ['Fresh', 'Due soon', 'Stale', 'Never tested', 'Incomplete'];
  const word = (): string => vocabulary[pick()] ?? 'word';
  const any = <T>(list: readonly T[]): T => {
    const value = list[Math.floor(random() * list.length)];
    if (value === undefined) throw new Error('empty list');
    return value;
  };
  return Array.from({ length: count }, (_, index): SearchDocument => {
    const [a, b, c] = [word(), word(), word()];
    const team = any(teams);
    const service = `${word()}-${any(['api', 'db', 'worker', 'queue', 'cache'])}`;
    const id = `${team}/${a}-${b}-${index}`;
    const body = new Set<string>();
    while (body.size < options.bodyWords) body.add(word());
    return {
      id,
      url: `runbooks/${id}/index.html`,
      title: `${capital(a)} ${b} ${c} on ${service}`,
      alerts: [`${capital(a)}${capital(b)}${capital(c)}`, ...(index % 3 === 0 ? [`${a}_${c}_high`] : [])],
      service,
      owner: team,
      severity: any(severities),
      status: any(statuses),
      tags: [word(), word()],
      headings: ['Symptoms', 'Diagnosis', `Mitigate the ${word()}`, 'Verify'],
      text: `When the ${a} is ${b}, then ${[...body].join(' ')}.`,
    };
  });
}

function makeVocabulary(size: number, random: () => number): readonly string[] {
  // Word starts weighted roughly by how often English words begin with them.
  const starts = ['co', 're', 'pr', 'de', 'in', 'st', 'ca', 'di', 'ma', 'pa', 'se', 'tr', 'un', 'ex', 'ba', 'po', 'ha', 'mi', 'sh', 'fo', 'ch', 'ac', 'ap', 'bo', 'da', 'fi', 'ge', 'la', 'le', 'lo', 'mo', 'ne', 'pe', 'ra', 'ro', 'sa', 'sc', 'sp', 'su', 'te', 'th', 'to', 'wa', 'wi', 'al', 'an', 'ar', 'be', 'bl', 'br', 'cl', 'cr', 'dr', 'fl', 'fr', 'gr', 'im', 'li', 'me', 'no', 'ob', 'ov', 'pl', 'qu', 'sl', 'sm', 'sw', 'ti', 'ty', 'up', 'va', 'vi', 'we', 'wh', 'ye', 'zo', 'ki', 'ju', 'ja', 'ho', 'he', 'hi', 'gl', 'go', 'ga', 'fa', 'fe', 'em', 'en', 'ev', 'ea', 'ed', 'ad', 'af', 'ag', 'am', 'as', 'at', 'au', 'bi', 'bu', 'ce', 'ci', 'cu', 'do', 'du', 'ef', 'el', 'es', 'fu', 'gu', 'hu', 'id', 'il', 'ir', 'is', 'ke', 'ku', 'lu', 'mu', 'na', 'ni', 'nu', 'of', 'op', 'or', 'ou', 'ph', 'pi', 'pu', 'ri', 'ru', 'si', 'sk', 'sn', 'so', 'ta', 'tu', 'tw', 'ul', 'um', 've', 'vo', 'wo', 'wr'];
  const syllables = ['ar', 'en', 'ic', 'ol', 'um', 'ing', 'er', 'at', 'ion', 'ed', 'al', 'ous', 'ly', 'ent', 'ist', 'or', 'an', 'et', 'ine', 'ure', 'ab', 'ov', 'ick', 'amp', 'ell', 'ond'];
  const pickStart = zipfSampler(starts.length, random, 0.5);
  const words = new Set<string>();
  while (words.size < size) {
    const parts = Math.floor(random() * 3) + 1;
    let text = starts[pickStart()] ?? 'xx';
    for (let i = 0; i < parts; i++) text += syllables[Math.floor(random() * syllables.length)] ?? '';
    words.add(text);
  }
  // Shuffle, so that how common a word is does not depend on how it starts.
  const list = [...words];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] ?? '', list[i] ?? ''];
  }
  return list;
}

/** Draws ranks 0..size-1 with probability proportional to 1 / (rank + 1) ** exponent. */
function zipfSampler(size: number, random: () => number, exponent: number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cumulative.push((sum += 1 / (rank + 1) ** exponent));
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? Infinity) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A small seeded pseudo-random generator, so the corpus is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
