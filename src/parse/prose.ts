// Relations between roles that pages state in prose: who a role reports to, and which role it extends.

/**
 * Abbreviations inside titles whose dot does not end the sentence: `Sr. Manager, Engagement
 * Management`. Followed by a title word, not by the start of the next sentence (`Sr. The team ...`).
 */
const TITLE_ABBREVIATION = String.raw`\b(?:Sr|Jr|Snr|Mgr|Dir|Assoc|Exec)\.(?=[ \t]+[A-Z])(?![ \t]+(?:the|this|that|these|you|we|they|it|in|as|our|he|she)\b)`;

/**
 * `reports to the SMB Regional Manager.`, `will report to Worldwide Director of ...`, `Reporting to the
 * Chief Revenue Officer, you will ...`, `reports to the Sr. Manager, Engagement Management`. The title runs
 * to the next sentence or clause break (an abbreviation's dot is neither); bounded.
 */
const REPORTS_TO = new RegExp(
  String.raw`\b(?:reports|report|reporting)[ \t]+(?:directly[ \t]+)?(?:in)?to[ \t]+(?:the[ \t]+|our[ \t]+|a[ \t]+)?` +
    String.raw`((?:${TITLE_ABBREVIATION}|[^.;:()\n]){2,120}?)(?=[ \t]*(?:[.;:()\n]|,[ \t]+(?:you|and|who|the|with|this|they|we)\b|$))`,
  'i',
);

/**
 * A joining word followed by a lower-case word ends a title: `the CFO and works closely with`, `the VP who
 * sets`. Case-sensitive on purpose (REPORTS_TO is not), so `Accounting and External Reporting Manager` stays whole.
 */
const CLAUSE_AFTER_TITLE = /[ \t]+(?:and|who|with|to|on|in|for)[ \t]+(?=[a-z])/;

/**
 * `role extends the responsibilities of the SMB Advocate role`, `Extends that of the Regional Manager,
 * SMB responsibilities`, `Extends those of the SMB Advocate requirements`, `extends the Senior X role`.
 */
const EXTENDS = /\bextends[ \t]+(?:that[ \t]+of[ \t]+|those[ \t]+of[ \t]+)?(?:the[ \t]+)?(?:(?:responsibilities|requirements)[ \t]+of[ \t]+(?:the[ \t]+|an?[ \t]+)?)?([^.;:\n]{2,120}?)[ \t]+(?:role|job|position|responsibilities|requirements)\b/i;

/** `Everything in the Associate Brand Designer role, plus:` (brand-designer levels build on the one below). */
const EVERYTHING_IN = /\beverything[ \t]+(?:in|of|from)[ \t]+(?:the[ \t]+|an?[ \t]+)?([^.;:,\n]{2,120}?)[ \t]+(?:role|job|position)\b/i;

/**
 * `share the same responsibilities and requirements as the Community Advocate listed above`,
 * `share the same requirements as the Intermediate recruiter listed above`. The title ends before
 * `listed`/`above`/`role` or a clause break; bounded.
 */
const SHARES_SAME = /\bshares?[ \t]+the[ \t]+same[ \t]+(?:responsibilities|requirements)(?:[ \t]+and[ \t]+(?:responsibilities|requirements))?[ \t]+(?:as|of)[ \t]+(?:the[ \t]+|an?[ \t]+)?([^.;:,()\n]{2,120}?)(?=[ \t]+(?:listed|above|role|described|outlined)\b|[ \t]*[.;:,]|$)/i;

/** Leading lower-case words before a title: articles and typos (`an Area Sales Manager`, `thet Junior ...`). */
const LEADING_LOWERCASE_WORDS = /^(?:[a-z][\w'’-]*[ \t]+){1,3}(?=[A-Z0-9])/;

/** A title as a reader quotes it: leading articles dropped; null unless it starts like a title (`you`, `them` are not). */
function asTitle(raw: string | undefined): string | null {
  const t = (raw ?? '').trim().replace(LEADING_LOWERCASE_WORDS, '');
  return /^[A-Z0-9]/.test(t) ? t : null;
}

/** `the Vice President of Security at GitLab`: the company is where the role is, not part of its title. */
const AT_COMPANY = /[ \t]+at[ \t]+GitLab$/i;

/** The title of the role a text says this one reports to, or null. */
export function findReportsTo(text: string): string | null {
  const raw = REPORTS_TO.exec(text)?.[1];
  return asTitle(raw === undefined ? undefined : raw.split(CLAUSE_AFTER_TITLE, 1)[0]?.replace(AT_COMPANY, ''));
}

/** The title of the role a text says this one extends, or null. */
export function findExtends(text: string): string | null {
  return asTitle(EXTENDS.exec(text)?.[1] ?? EVERYTHING_IN.exec(text)?.[1] ?? SHARES_SAME.exec(text)?.[1]);
}
