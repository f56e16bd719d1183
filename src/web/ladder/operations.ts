// The page's GraphQL operations. Their text lives in schema/examples.graphql, where a test runs
// each against the schema; scripts/buildWeb.js puts each operation's printed text in these
// identifiers when it bundles the page, so the page can only send what that test has run.
declare const LADDER_PAGE_OPERATION: string;
declare const LADDER_DEPARTMENTS_OPERATION: string;
declare const LADDER_SEARCH_OPERATION: string;

/** `query LadderPage(...)`: the boxes, links, changes and exports of one view. */
export const LADDER_QUERY: string = LADDER_PAGE_OPERATION;

/** `query LadderDepartments`: department names to suggest in the form; never needed to draw. */
export const DEPARTMENTS_QUERY: string = LADDER_DEPARTMENTS_OPERATION;

/** `query LadderSearch($text, $at)`: roles and families to suggest in the search box. */
export const SEARCH_QUERY: string = LADDER_SEARCH_OPERATION;
