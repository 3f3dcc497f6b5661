/**
 * The parts of GitHub Flavored Markdown the reader needs (task list items, tables, strikethrough),
 * as a unified plugin. Not remark-gfm: its autolink-literal extension carries regex lookbehind,
 * which the WebViews of iOS before 16.4 cannot parse (the plugin would not load there), and
 * plans need neither autolinked URLs nor footnotes.
 */
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Processor } from "unified";

export function remarkGfmSubset(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem(), gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown(), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}
