// Relations between roles that pages state in prose: who a role reports to, and which role it extends.

/**
 * `reports to the SMB Regional Manager.`, `will report to Worldwide Director of ...`, `Reporting to the
 * Chief Revenue Officer, you will ...`. The title runs to the next sentence or clause break; bounded.
 */
const REPORTS_TO = /\b(?:reports|report|reporting)[ \t]+(?:directly[ \t]+)?(?:in)?to[ \t]+(?:the[ \t]+|our[ \t]+|a[ \t]+)?([^.;:()\n]{2,120}?)(?=[ \t]*(?:[.;:()\n]|,[ \t]+(?:you|and|who|the|with|this|they|we)\b|[ \t]+(?:and|who|with|to|on|in|for)[ \t]|$))/i;

/**
 * `role extends the responsibilities of the SMB Advocate role`, `Extends that of the Regional Manager,
 * SMB responsibilities`, `Extends those of the SMB Advocate requirements`, `extends the Senior X role`.
 */
const EXTENDS = /\bextends[ \t]+(?:that[ \t]+of[ \t]+|those[ \t]+of[ \t]+)?(?:the[ \t]+)?(?:(?:responsibilities|requirements)[ \t]+of[ \t]+(?:the[ \t]+|an?[ \t]+)?)?([^.;:\n]{2,120}?)[ \t]+(?:role|job|position|responsibilities|requirements)\b/i;

/** The title of the role a text says this one reports to, or null. */
export function findReportsTo(text: string): string | null {
  const m = REPORTS_TO.exec(text);
  const title = m?.[1]?.trim();
  return title ? title : null;
}

/** The title of the role a text says this one extends, or null. */
export function findExtends(text: string): string | null {
  const m = EXTENDS.exec(text);
  const title = m?.[1]?.trim();
  return title ? title : null;
}
