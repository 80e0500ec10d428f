import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';

const extensions = [frontmatter(['yaml']), gfmTable()];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()];

/** Markdown (CommonMark + GFM tables + YAML front matter) → mdast with positions. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions, mdastExtensions });
}
