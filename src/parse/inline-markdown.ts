import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { textInline, type Inlines } from '../model/prose.js';
import { crowdedParagraph } from './crowded-paragraph.js';
import { tooDeepLine } from './nesting.js';
import { inlinesOf } from './prose-blocks.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Characters that may start Markdown inline formatting; text without them is plain as written. */
const MARKUP = /[`*_[\]<>&\\!~]|https?:|www\./;

/**
 * A frontmatter text (a step, what to expect) read as one line of inline Markdown, so that
 * `` `list` `` is code and `**now**` bold. Text that is not one paragraph of Markdown (it would be a
 * heading, a list, a block) or that the parser's limits refuse stays plain, as written. What looks like
 * HTML is kept as written: `Scale <deployment> in <namespace>` names placeholders, not tags.
 */
export function inlineMarkdown(text: string): Inlines {
  if (!MARKUP.test(text) || crowdedParagraph(text) !== undefined || tooDeepLine(text) !== undefined) return textInline(text);
  const [only, ...more] = processor.parse(text).children;
  return only?.type === 'paragraph' && more.length === 0 ? inlinesOf(only.children, new Map(), true) : textInline(text);
}
