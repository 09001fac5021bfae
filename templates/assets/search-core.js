/**
 * Runbook site search, the pure part: tokenizer, index store, matching and ranking. No DOM and no
 * network: `search.js` feeds it the `search/*.js` data files and renders what it returns, and the
 * tests run it in Node. Attaches `runbookSearchCore` to the global object.
 *
 * The tokenizer mirrors `src/site/search-tokens.ts` (the rules are documented there; a test checks
 * that both agree) and the data format is described in `src/site/search-index.ts`.
 */
(function (global) {
  'use strict';

  /** Must equal SEARCH_FORMAT_VERSION in src/site/search-index.ts. */
  const FORMAT_VERSION = 1;

  /** Weight of each field bit (SEARCH_FIELDS in src/site/search-index.ts): an alert name outranks everything. */
  const FIELD_WEIGHTS = [
    [64, 1000], // the whole alert name
    [32, 50], // a part of an alert name
    [16, 30], // title
    [8, 15], // id, service, owner
    [4, 15], // tag
    [2, 8], // heading
    [1, 2], // body
  ];
  /** The weight of every field combination, summed, indexed by the bits. */
  const WEIGHT_OF = Array.from({ length: 128 }, function (_, fields) {
    return FIELD_WEIGHTS.reduce(function (sum, entry) {
      return fields & entry[0] ? sum + entry[1] : sum;
    }, 0);
  });

  /** Field bits as they are (a whole query word), and with a whole alert name counted as an alert part. */
  const WHOLE_MASK = Array.from({ length: 128 }, function (_, fields) {
    return fields;
  });
  const PART_MASK = WHOLE_MASK.map(function (fields) {
    return fields & 64 ? (fields & ~64) | 32 : fields;
  });

  /** A query word matches longer terms as a prefix from this length on. */
  const MIN_PREFIX = 2;
  /** A query word matches terms one typo away from this length on (when nothing matches exactly). */
  const MIN_FUZZY = 4;
  /** Score factor of a term one typo away (an exact term has 1, a prefix 0.5 to 0.9). */
  const FUZZY_FACTOR = 0.4;
  /** Words after this many in a query are ignored. */
  const MAX_WORDS = 8;
  /** What matching a term gave: documents, none, or not known until more data files are loaded. */
  const FOUND = 'found';
  const NONE = 'none';
  const PENDING = 'pending';
  /** How far matchTerm looks: only the term and its prefixes, also typos in its shard, or also elsewhere. */
  const EXACT = 0;
  const SAME_SHARD_TYPO = 1;
  const ANY_TYPO = 2;
  /** Added to the above when the term is a part of a query word. */
  const AS_PART = 4;

  // ---- Tokenizer: mirrors src/site/search-tokens.ts -------------------------------------------

  const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’._-]+[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
  const JOINERS = /['’._-]+/u;
  const LOWER_THEN_UPPER = /([\p{Ll}\p{N}])(\p{Lu})/gu;
  const UPPER_THEN_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
  const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
  const SAFE_KEY_CHARACTER = /^[a-z0-9]$/;

  /** The words of a text, each with its whole form and its parts (when it has more than one). */
  function searchWords(text) {
    const words = [];
    for (const match of text.matchAll(WORD)) {
      const parts = match[0]
        .split(JOINERS)
        .flatMap(function (piece) {
          return piece.replace(LOWER_THEN_UPPER, '$1 $2').replace(UPPER_THEN_WORD, '$1 $2').split(' ');
        })
        .map(fold)
        .filter(function (part) {
          return part !== '';
        });
      const whole = parts.join('');
      if (whole !== '') words.push({ whole: whole, parts: parts.length > 1 ? parts : [] });
    }
    return words;
  }

  /** The data file holding a term: `pr` for `primary` (see shardKey in src/site/search-tokens.ts). */
  function shardKey(term) {
    const first = term.charAt(0);
    const second = term.charAt(1);
    if (!SAFE_KEY_CHARACTER.test(first)) return '_' + (first === '' ? '' : first.charCodeAt(0).toString(36));
    if (second === '') return first;
    return SAFE_KEY_CHARACTER.test(second) ? first + second : first + '_';
  }

  function fold(part) {
    return part.toLowerCase().normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFC');
  }

  // ---- Query parsing ------------------------------------------------------------------------

  /**
   * The words a query searches for: distinct, without stop words and one-letter words (unless the
   * query has nothing else), at most MAX_WORDS.
   */
  function queryWords(text, stopWords) {
    const seen = new Set();
    const words = searchWords(text).filter(function (word) {
      if (seen.has(word.whole)) return false;
      seen.add(word.whole);
      return true;
    });
    const useful = words.filter(function (word) {
      return word.whole.length > 1 && !stopWords.has(word.whole);
    });
    return (useful.length > 0 ? useful : words).slice(0, MAX_WORDS);
  }

  /**
   * The query a "not found" page searches for: the last segment of its path, without `index.html`
   * or `.html`, decoded (`/site/alerts/DiskFull/` → `DiskFull`); none when the page was opened as
   * itself (`…/404.html`).
   */
  function queryFromPath(pathname) {
    const segments = pathname.split('/').filter(function (segment) {
      return segment !== '';
    });
    const last = segments[segments.length - 1];
    const name = last !== undefined && /^index\.html?$/i.test(last) ? segments[segments.length - 2] : last;
    if (name === undefined || /^404\.html?$/i.test(name)) return '';
    const raw = name.replace(/\.html?$/i, '');
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      return raw; // a malformed %-escape: search for the text as it was typed
    }
  }

  // ---- Small pure helpers -------------------------------------------------------------------

  /** The first index of `sorted` whose value is not below `value` (code-unit order, as built). */
  function lowerBound(sorted, value) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    const lengthA = a.length;
    const lengthB = b.length;
    if (Math.abs(lengthA - lengthB) > 1) return false;
    let i = 0;
    while (i < lengthA && i < lengthB && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (lengthA > lengthB) return a.slice(i + 1) === b.slice(i);
    if (lengthA < lengthB) return a.slice(i) === b.slice(i + 1);
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }

  /** Decodes a posting list (`<gap>[.<fields>]`, comma-separated, base 36) into documents and field bits. */
  function decodePostings(text) {
    const entries = text.split(',');
    const documents = new Int32Array(entries.length);
    const fields = new Uint8Array(entries.length);
    let document = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const dot = entry.indexOf('.');
      document += parseInt(dot < 0 ? entry : entry.slice(0, dot), 36);
      documents[i] = document;
      fields[i] = dot < 0 ? 1 : parseInt(entry.slice(dot + 1), 36);
    }
    return { documents: documents, fields: fields };
  }

  // ---- The index ----------------------------------------------------------------------------

  /**
   * An empty index. Feed it data files with `register(name, data)` (or `markFailed(name)` when one
   * cannot be loaded); `search(text, limit)` answers with one of:
   * - `{ kind: 'empty' }`: nothing to search for;
   * - `{ kind: 'loading', files }`: load these data files (`manifest`, `terms-pr`, `docs-3`, …),
   *   then search again;
   * - `{ kind: 'unavailable' }`: the manifest could not be loaded;
   * - `{ kind: 'results', results, total, incomplete }`: the best `limit` matches as
   *   `{ document, score }`, best first; `incomplete` when a data file it needed failed.
   */
  function createIndex() {
    let table;
    const files = new Map();
    const failed = new Set();

    function register(name, data) {
      const valid =
        data !== null &&
        typeof data === 'object' &&
        data.version === FORMAT_VERSION &&
        (name === 'manifest' || table === undefined || data.build === table.build);
      if (!valid) {
        failed.add(name);
        return false;
      }
      if (name === 'manifest') table = prepareManifest(data);
      else files.set(name, { terms: data.terms, postings: data.postings, decoded: new Map(), first: data.first, docs: data.docs });
      return true;
    }

    function markFailed(name) {
      if (!has(name)) failed.add(name);
    }

    function has(name) {
      return name === 'manifest' ? table !== undefined : files.has(name);
    }

    function search(text, limit) {
      if (table === undefined) {
        if (searchWords(text).length === 0) return { kind: 'empty' };
        return failed.has('manifest') ? { kind: 'unavailable' } : { kind: 'loading', files: ['manifest'] };
      }
      const words = queryWords(text, table.stopWords);
      if (words.length === 0) return { kind: 'empty' };
      const query = { missing: new Set(), incomplete: false };
      const perWord = words.map(function (word) {
        return matchWord(query, word);
      });
      if (query.missing.size > 0) return loading(query);
      const ranked = rank(perWord);
      const results = [];
      for (const index of ranked.order.slice(0, limit)) {
        const file = need(query, 'docs-' + Math.floor(index / table.documentsPerFile), table.documentFiles);
        if (file !== undefined) results.push({ document: documentAt(file, index), score: ranked.scores[index] });
      }
      if (query.missing.size > 0) return loading(query);
      return { kind: 'results', total: ranked.order.length, incomplete: query.incomplete, results: results };
    }

    function loading(query) {
      return { kind: 'loading', files: Array.from(query.missing).sort() };
    }

    /** A data file if loaded; otherwise notes it as missing (when it exists) and gives undefined. */
    function need(query, name, existing) {
      const file = files.get(name);
      if (file !== undefined) return file;
      if (failed.has(name)) query.incomplete = true;
      else if (existing.has(name)) query.missing.add(name);
      return undefined;
    }

    /**
     * The scores of every document for one query word: documents with a term that is the word or
     * starts with it; else those with all of its parts (a compound the index does not have whole,
     * like `PrimaryDown`) or with a term one typo away, whichever is best.
     */
    function matchWord(query, word) {
      const scores = new Float64Array(table.count);
      if (matchTerm(query, word.whole, scores, EXACT) !== NONE) return scores;
      const parts = word.parts.filter(function (part) {
        return part.length > 1 && !table.stopWords.has(part);
      });
      const byParts = parts.length > 0 ? matchParts(query, parts) : undefined;
      if (byParts === PENDING) return scores;
      if (byParts !== undefined) for (let i = 0; i < scores.length; i++) scores[i] = byParts[i];
      // With the parts found, typos in the first letters are not worth loading more files for.
      matchTerm(query, word.whole, scores, byParts === undefined ? ANY_TYPO : SAME_SHARD_TYPO);
      return scores;
    }

    /** The scores of documents with every part (ANDed), undefined when none has, or PENDING. */
    function matchParts(query, parts) {
      const perPart = [];
      let pending = false;
      for (const part of parts) {
        const scores = new Float64Array(table.count);
        pending = matchTerm(query, part, scores, ANY_TYPO | AS_PART) === PENDING || pending;
        perPart.push(scores);
      }
      if (pending) return PENDING;
      const together = allOf(perPart);
      return together.some(isPositive) ? together : undefined;
    }

    /**
     * Raises each document's score to the best this term gives it: terms equal to it or starting
     * with it; else, as `typos` allows, terms one typo away in the same shard, then in the tail
     * shards (a typo in the first two letters). Tells whether it found any (FOUND, NONE), or must
     * wait for data files (PENDING: they are in `query.missing`). With AS_PART in `how`, the term is
     * only a part of what was typed, so a whole alert name it matches counts as an alert part.
     */
    function matchTerm(query, term, scores, how) {
      const typos = how & ~AS_PART;
      const mask = how & AS_PART ? PART_MASK : WHOLE_MASK;
      const name = 'terms-' + shardKey(term);
      const shard = need(query, name, table.termFiles);
      if (query.missing.has(name)) return PENDING;
      let found = false;
      if (shard !== undefined) {
        for (let i = lowerBound(shard.terms, term); i < shard.terms.length; i++) {
          const candidate = shard.terms[i];
          if (candidate === term) found = addPostings(shard, i, 1, scores, mask) || found;
          else if (term.length >= MIN_PREFIX && candidate.startsWith(term)) {
            found = addPostings(shard, i, 0.5 + (0.4 * term.length) / candidate.length, scores, mask) || found;
          } else break;
        }
      }
      if (found) return FOUND;
      if (typos === EXACT || term.length < MIN_FUZZY) return NONE;
      if (shard !== undefined) {
        shard.terms.forEach(function (candidate, i) {
          if (withinOneEdit(term, candidate)) found = addPostings(shard, i, FUZZY_FACTOR, scores, mask) || found;
        });
      }
      if (found) return FOUND;
      return typos === ANY_TYPO ? matchFirstLetterTypo(query, term, scores, mask) : NONE;
    }

    /**
     * Terms one typo away that start differently: a swap of letters 2 and 3 is in the shard of
     * letters 1 and 3; any other typo in the first two letters leaves the rest of the term as the
     * query from letter 2, 3 or 4 on, which is what the tail shards are keyed by.
     */
    function matchFirstLetterTypo(query, term, scores, mask) {
      const waiting = query.missing.size;
      const candidates = new Set();
      const swapped = need(query, 'terms-' + shardKey(term.charAt(0) + term.slice(2)), table.termFiles);
      const tails = [1, 2, 3].map(function (start) {
        return need(query, 'tails-' + shardKey(term.slice(start)), table.tailFiles);
      });
      for (const file of [swapped].concat(tails)) {
        if (file === undefined) continue;
        for (const candidate of file.terms) if (withinOneEdit(term, candidate)) candidates.add(candidate);
      }
      let found = false;
      for (const candidate of candidates) {
        const shard = need(query, 'terms-' + shardKey(candidate), table.termFiles);
        if (shard === undefined) continue;
        const i = lowerBound(shard.terms, candidate);
        if (shard.terms[i] === candidate) found = addPostings(shard, i, FUZZY_FACTOR, scores, mask) || found;
      }
      return query.missing.size > waiting ? PENDING : found ? FOUND : NONE;
    }

    /**
     * Raises each document's score to what this term gives it, with field bits mapped by `mask`;
     * rarer terms weigh up to twice as much.
     */
    function addPostings(shard, termIndex, factor, scores, mask) {
      let postings = shard.decoded.get(termIndex);
      if (postings === undefined) {
        postings = decodePostings(shard.postings[termIndex]);
        shard.decoded.set(termIndex, postings);
      }
      const count = table.count;
      const rarity = 1 + Math.log(count / postings.documents.length) / Math.log(count + 1);
      for (let i = 0; i < postings.documents.length; i++) {
        const score = WEIGHT_OF[mask[postings.fields[i]]] * factor * rarity;
        if (score > scores[postings.documents[i]]) scores[postings.documents[i]] = score;
      }
      return postings.documents.length > 0;
    }

    /** The documents every word matches, best first (then in id order), and every document's score. */
    function rank(perWord) {
      const scores = allOf(perWord);
      const order = [];
      for (let i = 0; i < scores.length; i++) if (scores[i] > 0) order.push(i);
      order.sort(function (a, b) {
        return scores[b] - scores[a] || a - b;
      });
      return { order: order, scores: scores };
    }

    function documentAt(file, index) {
      const row = file.docs[index - file.first];
      const text = function (value) {
        return value === null ? undefined : value;
      };
      return {
        id: row[0],
        title: row[1],
        url: row[2] === null ? table.urlPattern[0] + row[0] + table.urlPattern[1] : row[2],
        alerts: row[3],
        service: text(row[4]),
        owner: text(row[5]),
        severity: text(row[6]),
        status: row[7],
      };
    }

    return { register: register, markFailed: markFailed, has: has, search: search };
  }

  function isPositive(score) {
    return score > 0;
  }

  /** The sum of the scores of documents that every list scores (the words of a query are ANDed). */
  function allOf(lists) {
    const total = new Float64Array(lists[0].length);
    for (let i = 0; i < total.length; i++) {
      let sum = 0;
      for (const scores of lists) {
        if (scores[i] === 0) {
          sum = 0;
          break;
        }
        sum += scores[i];
      }
      total[i] = sum;
    }
    return total;
  }

  function prepareManifest(data) {
    return {
      build: data.build,
      count: data.count,
      documentsPerFile: data.documentsPerFile,
      documentFiles: new Set(
        Array.from({ length: Math.ceil(data.count / data.documentsPerFile) }, function (_, index) {
          return 'docs-' + index;
        }),
      ),
      urlPattern: data.urlPattern,
      termFiles: new Set(
        data.terms.map(function (key) {
          return 'terms-' + key;
        }),
      ),
      tailFiles: new Set(
        data.tails.map(function (key) {
          return 'tails-' + key;
        }),
      ),
      stopWords: new Set(data.stopWords),
    };
  }

  global.runbookSearchCore = {
    FORMAT_VERSION: FORMAT_VERSION,
    searchWords: searchWords,
    shardKey: shardKey,
    queryWords: queryWords,
    queryFromPath: queryFromPath,
    withinOneEdit: withinOneEdit,
    decodePostings: decodePostings,
    createIndex: createIndex,
  };
})(globalThis);
