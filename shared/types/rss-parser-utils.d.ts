/** The part of rss-parser's internal utils module that shared/feeds/parse.ts replaces. */
declare module 'rss-parser/lib/utils.js' {
  const utils: { getSnippet: (html: string) => string };
  export default utils;
}
