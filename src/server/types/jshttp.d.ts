// Types for two small jshttp packages express itself uses, taken directly so the GraphQL fast lane
// sets Vary and the charset exactly as express does (neither ships its own types).
declare module 'vary' {
  import type { ServerResponse } from 'node:http';
  /** Appends `field` to the response's Vary header unless it is there already (or Vary is `*`). */
  function vary(res: Pick<ServerResponse, 'getHeader' | 'setHeader'>, field: string | string[]): void;
  export = vary;
}

declare module 'content-type' {
  export interface ParsedMediaType {
    type: string;
    parameters: Record<string, string>;
  }
  export function parse(type: string): ParsedMediaType;
  export function format(obj: ParsedMediaType): string;
}
