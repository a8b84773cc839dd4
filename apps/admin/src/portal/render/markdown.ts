import { escapeHtml, SafeHtml } from './html';

/**
 * A small Markdown renderer for the IdP setup guides (docs/idp/*.md): headings,
 * paragraphs, ordered and unordered lists (one nesting level by indentation),
 * fenced code, block quotes, tables, horizontal rules, and inline code, bold,
 * italic and links. All text is escaped; only http(s), mailto and relative links
 * are kept, so a guide cannot inject markup or script.
 */
export function renderMarkdown(source: string): SafeHtml {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index += 1;
    } else if (/^\s*```/.test(line)) {
      index = fencedCode(lines, index, out);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(line.match(/^#+/)![0].length + 1, 6);
      out.push(`<h${level}>${inline(line.replace(/^#+\s*/, '').replace(/\s*#+\s*$/, ''))}</h${level}>`);
      index += 1;
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('<hr>');
      index += 1;
    } else if (/^\s*>/.test(line)) {
      index = blockQuote(lines, index, out);
    } else if (isListItem(line)) {
      index = list(lines, index, out);
    } else if (isTableStart(lines, index)) {
      index = table(lines, index, out);
    } else {
      index = paragraph(lines, index, out);
    }
  }
  return new SafeHtml(out.join('\n'));
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

function fencedCode(lines: string[], start: number, out: string[]): number {
  const body: string[] = [];
  let index = start + 1;
  while (index < lines.length && !/^\s*```/.test(lines[index]!)) body.push(lines[index++]!);
  out.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
  return index + 1;
}

function blockQuote(lines: string[], start: number, out: string[]): number {
  const body: string[] = [];
  let index = start;
  while (index < lines.length && /^\s*>/.test(lines[index]!)) body.push(lines[index++]!.replace(/^\s*>\s?/, ''));
  out.push(`<blockquote>${renderMarkdown(body.join('\n')).value}</blockquote>`);
  return index;
}

interface ListItem {
  indent: number;
  ordered: boolean;
  text: string[];
}

function list(lines: string[], start: number, out: string[]): number {
  const items: ListItem[] = [];
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    const match = LIST_ITEM.exec(line);
    if (match) {
      items.push({ indent: match[1]!.length, ordered: /\d/.test(match[2]!), text: [match[3]!] });
    } else if (line.trim() !== '' && /^\s+/.test(line) && items.length > 0) {
      items[items.length - 1]!.text.push(line.trim());
    } else if (line.trim() === '' && index + 1 < lines.length && (isListItem(lines[index + 1]!) || /^\s{2,}\S/.test(lines[index + 1]!))) {
      // A blank line between items keeps the list going.
    } else {
      break;
    }
    index += 1;
  }
  out.push(renderItems(items));
  return index;
}

function renderItems(items: ListItem[]): string {
  const base = items[0]!.indent;
  const tag = items[0]!.ordered ? 'ol' : 'ul';
  const parts: string[] = [];
  let index = 0;
  while (index < items.length) {
    const item = items[index]!;
    const children: ListItem[] = [];
    index += 1;
    while (index < items.length && items[index]!.indent > base) children.push(items[index++]!);
    parts.push(`<li>${inline(item.text.join(' '))}${children.length ? renderItems(children) : ''}</li>`);
  }
  return `<${tag}>${parts.join('')}</${tag}>`;
}

function isTableStart(lines: string[], index: number): boolean {
  return /^\s*\|.*\|\s*$/.test(lines[index]!) && /^\s*\|?\s*:?-{3,}/.test(lines[index + 1] ?? '');
}

function table(lines: string[], start: number, out: string[]): number {
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const head = cells(lines[start]!);
  let index = start + 2;
  const rows: string[][] = [];
  while (index < lines.length && /^\s*\|/.test(lines[index]!)) rows.push(cells(lines[index++]!));
  const th = head.map((cell) => `<th scope="col">${inline(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('');
  out.push(`<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`);
  return index;
}

function paragraph(lines: string[], start: number, out: string[]): number {
  const body: string[] = [];
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '' || /^#{1,6}\s/.test(line) || /^\s*```/.test(line) || /^\s*>/.test(line) || isListItem(line)) break;
    body.push(line.trim());
    index += 1;
  }
  out.push(`<p>${inline(body.join(' '))}</p>`);
  return index;
}

/** Inline spans: `code` first (its content is literal), then links, bold and italic on escaped text. */
function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : spans(part)))
    .join('');
}

function spans(text: string): string {
  let out = escapeHtml(text);
  out = out.replace(/!?\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, href: string) => link(label, href));
  out = out.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '<strong>$2</strong>');
  out = out.replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1<em>$2</em>');
  out = out.replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1<em>$2</em>');
  return out;
}

// `href` arrives HTML-escaped already; the scheme check runs on the decoded form.
function link(label: string, href: string): string {
  const decoded = href.replace(/&amp;/g, '&');
  const safe = /^(https?:|mailto:)/i.test(decoded) || /^[/#.]/.test(decoded) || !/^[a-z][a-z0-9+.-]*:/i.test(decoded);
  if (!safe) return label;
  const external = /^https?:/i.test(decoded) ? ' rel="noopener noreferrer" target="_blank"' : '';
  return `<a href="${href}"${external}>${label}</a>`;
}
