/**
 * Pages of a PDF as the importer keeps them: `pageStarts[i]` is the offset in the document's text where
 * page i + 1 begins. Pure, so the server, the client and the importer read pages the same way.
 */

/** The page (1-based) that holds offset `at`, or undefined for a document without pages. */
export function pageAt(pageStarts: readonly number[] | undefined | null, at: number): number | undefined {
  if (!pageStarts?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageStarts.length && pageStarts[i] <= at; i++) page = i + 1;
  return page;
}
