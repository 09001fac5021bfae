/**
 * Runbook site search, the pure part: tokenizer, index store, matching, ranking and snippets. No DOM
 * and no network: `search.js` feeds it the `search/*.js` data files and renders what it returns, and
 * the tests run it in Node. Attaches `runbookSearchCore` to the global object.
 *
 * The tokenizer and stemmer mirror `src/site/search-tokens.ts` (the rules are documented there; a
 * test checks that both agree) and the data format is described in `src/site/search-index.ts`.
 *
 * Ranking is BM25F: each query word scores a runbook by the idf of the term it matched times a
 * saturated, field-weighted term frequency (alert part > title > heading > id/service/owner/tag >
 * body, the body count normalised by the runbook's length), times how the term matched (exactly 1,
 * a prefix 0.5 to 0.9, a synonym 0.6, one typo 0.4). A whole alert name adds ALERT_BONUS, so the
 * runbook of an exact alert name always comes first. Runbooks with every word come first; when
 * fewer than MIN_ALL_WORDS have them all, runbooks with some of the words follow.
 */
(function (global) {
  'use strict';

  /** Must equal SEARCH_FORMAT_VERSION in src/site/search-index.ts. */
  const FORMAT_VERSION = 3;

  /** BM25F weight of each field bit but the body (SEARCH_FIELDS in src/site/search-index.ts); the body weighs 1 per occurrence. */
  const FIELD_WEIGHTS = [
    [32, 12], // a part of an alert name (a whole one counts as a part too)
    [16, 8], // title
    [2, 4], // heading
    [8, 3], // id, service, owner
    [4, 3], // tag
  ];
  /** The field weight of every field combination but the body, summed, indexed by the bits. */
  const WEIGHT_OF = Array.from({ length: 128 }, function (_, fields) {
    return FIELD_WEIGHTS.reduce(function (sum, entry) {
      return fields & entry[0] ? sum + entry[1] : sum;
    }, 0);
  });
  /** BM25's saturation and length normalisation. */
  const K1 = 1.2;
  const B = 0.75;
  /** Added for a whole alert name (times how it matched): above any sum of BM25 scores. */
  const ALERT_BONUS = 1000;
  /** Score factor of the parts of a compound query word found apart, when some runbook has it whole. */
  const SCATTERED_PARTS_FACTOR = 0.5;
  /** A synonym matches longer terms as a prefix from this length on. */
  const MIN_SYNONYM_PREFIX = 6;
  /** Score factor of a synonym of a query word. */
  const SYNONYM_FACTOR = 0.6;
  /** Fewer runbooks with every word than this, and runbooks with some of them are shown too. */
  const MIN_ALL_WORDS = 3;
  /** Characters of a snippet, about two lines. */
  const SNIPPET_LENGTH = 180;
  /** The quantised body lengths of the manifest (LENGTH_ALPHABET in src/site/search-index.ts). */
  const LENGTH_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

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
  /** What matching a term gave: documents, none, or not known until more data files are loaded (see merge). */
  const FOUND = 'found';
  const NONE = 'none';
  const PENDING = 'pending';
  /** How far matchTerm looks: only the term and its prefixes, also typos in its shard, or also elsewhere. */
  const EXACT = 0;
  const SAME_SHARD_TYPO = 1;
  const ANY_TYPO = 2;
  /** Added to the above when the term is a part of a query word, or a synonym (neither is a whole alert name). */
  const AS_PART = 4;
  /** Added to the above for a synonym: the term itself only, no prefixes. */
  const WHOLE_TERM = 8;

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

  const STEMMABLE = /^[a-z]+$/;
  const VOWEL = /[aeiouy]/;
  const DOUBLE_CONSONANT = /([^aeioulsz])\1$/;
  const SHORT_SYLLABLE = /^[^aeiouy]*[aeiouy][^aeiouwxy]$/;

  /** The stem of a lower-case term (`restarting` → `restart`): see stem in src/site/search-tokens.ts. */
  function stem(term) {
    if (term.length < 4 || !STEMMABLE.test(term)) return term;
    const stemmed = stripEnding(stripPlural(term));
    return stemmed.length >= 3 ? stemmed : term;
  }

  function stripPlural(term) {
    if (term.endsWith('sses')) return term.slice(0, -2);
    if (term.endsWith('ies')) return term.slice(0, -3) + 'y';
    if (term.endsWith('xes') || term.endsWith('shes')) return term.slice(0, -2);
    if (term.endsWith('ss') || term.endsWith('us') || term.endsWith('is')) return term;
    return term.endsWith('s') ? term.slice(0, -1) : term;
  }

  function stripEnding(term) {
    if (term.endsWith('eed')) return term;
    const base = term.endsWith('ing') ? term.slice(0, -3) : term.endsWith('ed') ? term.slice(0, -2) : undefined;
    if (base === undefined || base.length < 2 || !VOWEL.test(base)) return term;
    if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) return base + 'e';
    if (DOUBLE_CONSONANT.test(base)) return base.slice(0, -1);
    if (base.endsWith('i')) return base.slice(0, -1) + 'y';
    if (SHORT_SYLLABLE.test(base)) return base + 'e';
    return base;
  }

  /** The terms a word of text is indexed as (or found by): its whole form, its parts, and their stems. */
  function termsOfWord(word) {
    const terms = [word.whole];
    if (word.parts.length === 0) terms.push(stem(word.whole));
    for (const part of word.parts) terms.push(part, stem(part));
    return terms;
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

  /**
   * Decodes a posting list (`<gap>[.<code>]`, comma-separated, base 36) into documents, field bits
   * and body counts (0 when the term is not in the body).
   */
  function decodePostings(text) {
    const entries = text.split(',');
    const documents = new Int32Array(entries.length);
    const fields = new Uint8Array(entries.length);
    const counts = new Uint8Array(entries.length);
    let document = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const dot = entry.indexOf('.');
      document += parseInt(dot < 0 ? entry : entry.slice(0, dot), 36);
      documents[i] = document;
      const code = dot < 0 ? 1 : parseInt(entry.slice(dot + 1), 36);
      fields[i] = code & 127;
      counts[i] = code & 1 ? (code >> 7) + 1 : 0;
    }
    return { documents: documents, fields: fields, counts: counts };
  }

  /**
   * The best passage of `text` for the matched index `terms` (a Set): the stretch of about
   * SNIPPET_LENGTH characters with the most distinct matched words, as segments
   * `{ text, mark }` (`mark` for a matched word), with `…` where it was cut. The start of the text
   * when no word matches; none for an empty text.
   */
  function snippet(text, terms) {
    const words = [];
    for (const match of text.matchAll(WORD)) {
      const found = searchWords(match[0]);
      const hit =
        found.length > 0 &&
        termsOfWord(found[0]).some(function (term) {
          return terms.has(term);
        });
      if (hit) words.push({ start: match.index, end: match.index + match[0].length, key: found[0].whole });
    }
    let best = { start: 0, score: 0 };
    for (let i = 0; i < words.length; i++) {
      const seen = new Set();
      let count = 0;
      for (let j = i; j < words.length && words[j].end - words[i].start <= SNIPPET_LENGTH; j++) {
        seen.add(words[j].key);
        count++;
      }
      const score = seen.size * 100 + count;
      if (score > best.score) best = { start: words[i].start, score: score };
    }
    // A little context before the first matched word, from a word start.
    let start = Math.max(0, best.start - 30);
    if (start > 0) {
      const space = text.slice(start, best.start).search(/\s/);
      start = space < 0 ? best.start : start + space + 1;
    }
    let end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) {
      const cut = text.slice(start, end).search(/\s\S*$/);
      if (cut > SNIPPET_LENGTH / 2) end = start + cut;
    }
    const segments = [];
    const push = function (piece, mark) {
      const clean = piece.replace(/\s+/g, ' ');
      if (clean !== '') segments.push({ text: clean, mark: mark });
    };
    if (start > 0) push('… ', false);
    let at = start;
    for (const word of words) {
      if (word.start < start || word.end > end) continue;
      push(text.slice(at, word.start), false);
      push(text.slice(word.start, word.end), true);
      at = word.end;
    }
    push(text.slice(at, end), false);
    if (end < text.length) push(' …', false);
    return segments;
  }

  // ---- The index ----------------------------------------------------------------------------

  /**
   * An empty index. Feed it data files with `register(name, data)` (or `markFailed(name)` when one
   * cannot be loaded); `search(text, limit)` answers with one of:
   * - `{ kind: 'empty' }`: nothing to search for;
   * - `{ kind: 'loading', files }`: load these data files (`manifest`, then files named by the
   *   manifest and the document rows: `terms-pr.<digest>`, `docs-3.<digest>`, …), then search again;
   * - `{ kind: 'unavailable' }`: the manifest could not be loaded;
   * - `{ kind: 'results', results, total, allWords, terms, incomplete }`: the best `limit` matches
   *   as `{ document, number, score, allWords }`, best first: `total` runbooks match, `allWords` of
   *   them every word (they come first); `terms` are the index terms that matched (for snippets);
   *   `incomplete` when a data file it needed failed.
   * `snippet(number, terms)` gives the snippet of a result once its text file is loaded (undefined
   * before, see `textFile`). Every file but the manifest is named after a digest of its content, so a
   * name the manifest (or a row it led to) gives can only hold this build's data: files of two builds
   * are never mixed.
   */
  function createIndex() {
    let table;
    const files = new Map();
    const texts = new Map();
    /** Document number → the name of its text file (from the rows of the docs files loaded). */
    const textNames = new Map();
    const failed = new Set();

    function register(name, data) {
      const valid =
        data !== null &&
        typeof data === 'object' &&
        data.version === FORMAT_VERSION;
      if (!valid) {
        failed.add(name);
        return false;
      }
      if (name === 'manifest') table = prepareManifest(data);
      else if (name.startsWith('text/')) texts.set(name, String(data.text));
      else {
        files.set(name, { terms: data.terms, postings: data.postings, decoded: new Map(), first: data.first, docs: data.docs });
        if (Array.isArray(data.docs)) {
          data.docs.forEach(function (row, offset) {
            textNames.set(data.first + offset, 'text/' + row[8]);
          });
        }
      }
      return true;
    }

    function markFailed(name) {
      if (!has(name)) failed.add(name);
    }

    function has(name) {
      return name === 'manifest' ? table !== undefined : files.has(name) || texts.has(name);
    }

    function search(text, limit) {
      if (table === undefined) {
        if (searchWords(text).length === 0) return { kind: 'empty' };
        return failed.has('manifest') ? { kind: 'unavailable' } : { kind: 'loading', files: ['manifest'] };
      }
      const words = queryWords(text, table.stopWords);
      if (words.length === 0) return { kind: 'empty' };
      const query = { missing: new Set(), incomplete: false, terms: new Set() };
      const perWord = words.map(function (word) {
        return matchWord(query, word);
      });
      if (query.missing.size > 0) return loading(query);
      const ranked = rank(perWord);
      const results = [];
      for (const index of ranked.order.slice(0, limit)) {
        const file = need(query, 'docs-' + Math.floor(index / table.documentsPerFile));
        if (file !== undefined) results.push({ document: documentAt(file, index), number: index, score: ranked.scores[index], allWords: ranked.all[index] === 1 });
      }
      if (query.missing.size > 0) return loading(query);
      return {
        kind: 'results',
        total: ranked.order.length,
        allWords: ranked.allCount,
        incomplete: query.incomplete,
        terms: Array.from(query.terms).sort(),
        results: results,
      };
    }

    /** The data file with the text of result `number` (for its snippet), none when it is loaded or failed (or its row is not loaded). */
    function textFile(number) {
      const name = textNames.get(number);
      return table === undefined || name === undefined || texts.has(name) || failed.has(name) || number >= table.count ? undefined : name;
    }

    /** The snippet of result `number` for the matched `terms` (see `snippet`); undefined until its text is loaded. */
    function snippetOf(number, terms) {
      const name = textNames.get(number);
      const text = name === undefined ? undefined : texts.get(name);
      return text === undefined ? undefined : snippet(text, new Set(terms));
    }

    function loading(query) {
      return { kind: 'loading', files: Array.from(query.missing).sort() };
    }

    /**
     * The data file `key` (`terms-pr`, `docs-3`) if loaded; otherwise notes its file (the name the
     * manifest gives it) as missing, when there is one, and gives undefined.
     */
    function need(query, key) {
      const name = table.fileNames.get(key);
      if (name === undefined) return undefined;
      const file = files.get(name);
      if (file !== undefined) return file;
      if (failed.has(name)) query.incomplete = true;
      else query.missing.add(name);
      return undefined;
    }

    /**
     * The scores of every document for one query word: documents with a term that is the word, its
     * stem, or starts with either, or with all of its parts (a compound: `PrimaryDown`,
     * `BlockedUserAttemptsIsHigh` in a runbook that never names the alert), whichever is best; when
     * none has the word whole, also those with a term one typo away. Synonyms of the word add their
     * documents, below the word itself.
     */
    function matchWord(query, word) {
      const scores = new Float64Array(table.count);
      const stemmed = word.parts.length === 0 ? stem(word.whole) : word.whole;
      let found = matchTerm(query, stemmed, scores, EXACT);
      if (stemmed !== word.whole) found = merge(found, matchTerm(query, word.whole, scores, EXACT));
      const synonyms = matchSynonyms(query, [word.whole, stemmed], scores);
      if (found === PENDING || synonyms === PENDING) return scores;
      const parts = word.parts.filter(function (part) {
        return part.length > 1 && !table.stopWords.has(part);
      });
      // Found whole, its parts are only worth the files they are in, not typos in them.
      const byParts = parts.length > 0 ? matchParts(query, parts, found === FOUND ? EXACT : ANY_TYPO) : undefined;
      if (byParts === PENDING) return scores;
      const factor = found === FOUND ? SCATTERED_PARTS_FACTOR : 1;
      if (byParts !== undefined) for (let i = 0; i < scores.length; i++) scores[i] = Math.max(scores[i], factor * byParts[i]);
      // With the parts found, typos in the first letters are not worth loading more files for.
      if (found === NONE) matchTerm(query, word.whole, scores, byParts === undefined ? ANY_TYPO : SAME_SHARD_TYPO);
      return scores;
    }

    /** Raises the scores to what the synonyms of `forms` (the groups they are in) give; PENDING while their shards load. */
    function matchSynonyms(query, forms, scores) {
      const others = new Set();
      for (const form of forms) {
        for (const group of table.groups.get(form) || []) for (const term of group) others.add(term);
      }
      for (const form of forms) others.delete(form);
      let result = NONE;
      for (const term of others) {
        // Short synonyms (`mem`, `disk`) only as they are; longer ones also as prefixes (`oomkill` → `oomkilled`).
        const how = term.length < MIN_SYNONYM_PREFIX ? EXACT | AS_PART | WHOLE_TERM : EXACT | AS_PART;
        result = merge(result, matchTerm(query, term, scores, how, SYNONYM_FACTOR));
      }
      return result;
    }

    /**
     * The scores of documents with every part (ANDed), undefined when none has, or PENDING. With
     * `typos` EXACT (the word was found whole), only the parts themselves, no prefixes or typos.
     */
    function matchParts(query, parts, typos) {
      const perPart = [];
      let pending = false;
      for (const part of parts) {
        const scores = new Float64Array(table.count);
        const stemmed = stem(part);
        // Found whole elsewhere, the parts must be there as they are (`stat`, not `statements`).
        const how = typos === EXACT ? EXACT | AS_PART | WHOLE_TERM : EXACT | AS_PART;
        let found = matchTerm(query, part, scores, how);
        if (stemmed !== part) found = merge(found, matchTerm(query, stemmed, scores, how));
        if (found === NONE && typos !== EXACT) found = matchTerm(query, part, scores, typos | AS_PART);
        pending = found === PENDING || pending;
        perPart.push(scores);
      }
      if (pending) return PENDING;
      const together = allOf(perPart);
      return together.some(isPositive) ? together : undefined;
    }

    /**
     * Raises each document's score to the best this term gives it: terms equal to it or starting
     * with it; else, as `how` allows, terms one typo away in the same shard, then in the tail
     * shards (a typo in the first two letters). Tells whether it found any (FOUND, NONE), or must
     * wait for data files (PENDING: they are in `query.missing`). With AS_PART in `how`, the term is
     * only a part of what was typed, so a whole alert name it matches counts as an alert part; with
     * WHOLE_TERM, only the term itself matches. `factor` (default 1) scales what it gives.
     */
    function matchTerm(query, term, scores, how, factor) {
      const scale = factor === undefined ? 1 : factor;
      const typos = how & 3;
      const mask = how & AS_PART ? PART_MASK : WHOLE_MASK;
      const waiting = query.missing.size;
      const shard = need(query, 'terms-' + shardKey(term));
      if (query.missing.size > waiting) return PENDING;
      let found = false;
      if (shard !== undefined) {
        const start = lowerBound(shard.terms, term);
        // A word of its own (`alert`) is no prefix of an alert name (`AlertmanagerDown`) that earns its bonus.
        const prefixMask = shard.terms[start] === term ? PART_MASK : mask;
        for (let i = start; i < shard.terms.length; i++) {
          const candidate = shard.terms[i];
          if (candidate === term) found = addPostings(query, shard, i, scale, scores, mask) || found;
          else if (!(how & WHOLE_TERM) && term.length >= MIN_PREFIX && candidate.startsWith(term)) {
            found = addPostings(query, shard, i, scale * (0.5 + (0.4 * term.length) / candidate.length), scores, prefixMask) || found;
          } else break;
        }
      }
      if (found) return FOUND;
      if (typos === EXACT || term.length < MIN_FUZZY) return NONE;
      if (shard !== undefined) {
        shard.terms.forEach(function (candidate, i) {
          if (withinOneEdit(term, candidate)) found = addPostings(query, shard, i, FUZZY_FACTOR, scores, mask) || found;
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
      const swapped = need(query, 'terms-' + shardKey(term.charAt(0) + term.slice(2)));
      const tails = [1, 2, 3].map(function (start) {
        return need(query, 'tails-' + shardKey(term.slice(start)));
      });
      for (const file of [swapped].concat(tails)) {
        if (file === undefined) continue;
        for (const candidate of file.terms) if (withinOneEdit(term, candidate)) candidates.add(candidate);
      }
      let found = false;
      for (const candidate of candidates) {
        const shard = need(query, 'terms-' + shardKey(candidate));
        if (shard === undefined) continue;
        const i = lowerBound(shard.terms, candidate);
        if (shard.terms[i] === candidate) found = addPostings(query, shard, i, FUZZY_FACTOR, scores, mask) || found;
      }
      return query.missing.size > waiting ? PENDING : found ? FOUND : NONE;
    }

    /**
     * Raises each document's score to what this term gives it (BM25F, see the top of this file),
     * with field bits mapped by `mask`, times `factor`; notes the term as matched.
     */
    function addPostings(query, shard, termIndex, factor, scores, mask) {
      let postings = shard.decoded.get(termIndex);
      if (postings === undefined) {
        postings = decodePostings(shard.postings[termIndex]);
        shard.decoded.set(termIndex, postings);
      }
      const count = table.count;
      const matching = postings.documents.length;
      const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
      for (let i = 0; i < matching; i++) {
        const document = postings.documents[i];
        const fields = mask[postings.fields[i]];
        const frequency = WEIGHT_OF[fields] + postings.counts[i] / table.norms[document];
        const score = factor * (idf * ((K1 + 1) * frequency) / (K1 + frequency) + (fields & 64 ? ALERT_BONUS : 0));
        if (score > scores[document]) scores[document] = score;
      }
      if (matching > 0) query.terms.add(shard.terms[termIndex]);
      return matching > 0;
    }

    /**
     * The matching documents, best first (then in id order): those every word matches, by the sum
     * of their scores, then (when fewer than MIN_ALL_WORDS) those some words match, by how many
     * words, then score. Also every document's score, and whether it has every word (`all`: 1).
     */
    function rank(perWord) {
      const scores = new Float64Array(table.count);
      const matched = new Uint8Array(table.count);
      for (const list of perWord) {
        for (let i = 0; i < list.length; i++) {
          if (list[i] > 0) {
            scores[i] += list[i];
            matched[i]++;
          }
        }
      }
      const all = new Uint8Array(table.count);
      const order = [];
      for (let i = 0; i < scores.length; i++) {
        if (matched[i] === perWord.length) {
          all[i] = 1;
          order.push(i);
        }
      }
      const allCount = order.length;
      if (allCount < MIN_ALL_WORDS && perWord.length > 1) for (let i = 0; i < scores.length; i++) if (matched[i] > 0 && all[i] === 0) order.push(i);
      order.sort(function (a, b) {
        return all[b] - all[a] || matched[b] - matched[a] || scores[b] - scores[a] || a - b;
      });
      return { order: order, scores: scores, all: all, allCount: allCount };
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

    return { register: register, markFailed: markFailed, has: has, search: search, textFile: textFile, snippet: snippetOf };
  }

  /** The outcome of two matches together: pending if either is, found if either found. */
  function merge(a, b) {
    return a === PENDING || b === PENDING ? PENDING : a === FOUND || b === FOUND ? FOUND : NONE;
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
      count: data.count,
      documentsPerFile: data.documentsPerFile,
      urlPattern: data.urlPattern,
      /** `terms-pr` → `terms-pr.<digest>`: the file names of this build (see src/site/search-index.ts). */
      fileNames: new Map(
        data.files.map(function (name) {
          return [name.slice(0, name.indexOf('.')), name];
        }),
      ),
      stopWords: new Set(data.stopWords),
      norms: lengthNorms(data.lengths, data.count),
      groups: synonymIndex(data.groups),
    };
  }

  /** Each document's BM25 length normalisation, 1 - B + B × length / average length, from the quantised lengths. */
  function lengthNorms(quantised, count) {
    const lengths = new Float64Array(count);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      lengths[i] = Math.pow(2, Math.max(0, LENGTH_ALPHABET.indexOf(quantised.charAt(i))) / 4) - 1;
      sum += lengths[i];
    }
    const average = count > 0 && sum > 0 ? sum / count : 1;
    return lengths.map(function (length) {
      return 1 - B + (B * length) / average;
    });
  }

  /** Term → the synonym groups holding it. */
  function synonymIndex(groups) {
    const index = new Map();
    for (const group of groups) {
      for (const term of group) {
        if (!index.has(term)) index.set(term, []);
        index.get(term).push(group);
      }
    }
    return index;
  }

  global.runbookSearchCore = {
    FORMAT_VERSION: FORMAT_VERSION,
    searchWords: searchWords,
    shardKey: shardKey,
    queryWords: queryWords,
    queryFromPath: queryFromPath,
    withinOneEdit: withinOneEdit,
    decodePostings: decodePostings,
    stem: stem,
    snippet: snippet,
    createIndex: createIndex,
  };
})(globalThis);
