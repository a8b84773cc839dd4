import { ScimError } from '../errors/scim-error';

export type FilterToken =
  | { readonly type: '(' | ')' | '[' | ']' | 'end'; readonly position: number }
  | { readonly type: 'string'; readonly value: string; readonly position: number }
  | { readonly type: 'word'; readonly text: string; readonly position: number };

type ErrorFactory = (detail: string) => ScimError;

const PUNCTUATION = new Set(['(', ')', '[', ']']);
const WHITESPACE = /\s/;

/**
 * Splits a filter into punctuation, JSON strings and words. A word is any run of
 * other characters: attribute paths (URNs included), keywords, numbers and
 * literals; the parser decides which. Positions are 0-based offsets.
 */
export function tokenizeFilter(text: string, fail: ErrorFactory = ScimError.invalidFilter): FilterToken[] {
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (WHITESPACE.test(char)) {
      index += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ type: char as '(' | ')' | '[' | ']', position: index });
      index += 1;
    } else if (char === '"') {
      const end = findStringEnd(text, index, fail);
      tokens.push({ type: 'string', value: decodeString(text.slice(index, end), index, fail), position: index });
      index = end;
    } else {
      const end = findWordEnd(text, index);
      tokens.push({ type: 'word', text: text.slice(index, end), position: index });
      index = end;
    }
  }
  tokens.push({ type: 'end', position: text.length });
  return tokens;
}

function findStringEnd(text: string, start: number, fail: ErrorFactory): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index + 1;
  }
  throw fail(`Unterminated string at position ${start + 1}`);
}

function decodeString(raw: string, start: number, fail: ErrorFactory): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    throw fail(`Invalid string literal at position ${start + 1}`);
  }
}

function findWordEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const char = text[index] as string;
    if (WHITESPACE.test(char) || PUNCTUATION.has(char) || char === '"') break;
    index += 1;
  }
  return index;
}
