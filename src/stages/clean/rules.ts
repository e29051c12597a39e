/**
 * Scrape furniture and wire-copy conventions, as data. Each rule has an id that the output cites
 * (`article.furniture[].rule`) and an example it must match (checked in test/stages/clean/rules.test.ts).
 */

export interface LineRule {
  id: string;
  /** Tested against one whole trimmed line. */
  pattern: RegExp;
  example: string;
}

/** Lines that are page furniture, not article text. */
export const FURNITURE_RULES: readonly LineRule[] = [
  { id: 'clean.related-coverage', pattern: /^(related (coverage|content|stories|articles|news|topics|links)|more from [\w ]+|see also|full coverage|trending( now)?|most (read|popular|viewed)|recommended( for you)?|top stories|you (may|might) also like)\s*:?$/i, example: 'Related Coverage' },
  { id: 'clean.slideshow', pattern: /^(slideshow|gallery|photos?|pictures|images?|videos?)\s*(\(\s*\d+\s*(images?|photos?|pictures|videos?)?\s*\))?\s*$/i, example: 'Slideshow ( 15 images )' },
  { id: 'clean.read-more', pattern: /^(read more|continue reading|click here|read the full (story|article)|full story|more\s*>+|see more)\b.{0,80}$/i, example: 'Read more: Iran talks' },
  { id: 'clean.share', pattern: /^((share|tweet|email|print|save|comment)( this( article| story)?)?\s*(on\s+\w+)?[\s|,/]*){1,6}$/i, example: 'Share this article' },
  { id: 'clean.social', pattern: /^((facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|e-mail|print|copy link)\s*[|,/·•]?\s*){2,}$/i, example: 'Facebook Twitter LinkedIn Email' },
  { id: 'clean.advertisement', pattern: /^(advertisement|sponsored( content)?|ad|story continues below( advertisement)?|scroll to continue( with content)?)$/i, example: 'Advertisement' },
  // The ad's own words go with it: its "today" is not a date of the story.
  { id: 'clean.advertisement-block', pattern: /^(advertisement|sponsored( content)?|promoted|paid (content|post))\s*[-–—:|]\s*.{1,200}$/i, example: 'Advertisement — Buy the new Phone X today!' },
  // A byline on its own line, already in the page's metadata; left in the text its name would become a person.
  { id: 'clean.byline', pattern: /^[Bb][Yy]\s+(?:[A-Z][\p{L}.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\p{L}.'’-]*\s*){1,4}){0,3}(?:[,|]\s*(?:[A-Z][\p{L}.'’-]*\s*){1,4})?$/u, example: 'By Jane Doe' },
  { id: 'clean.subscribe', pattern: /^(sign up|subscribe)( (now|here|today|to our newsletter))?\b.{0,80}$/i, example: 'Sign up for our newsletter' },
  { id: 'clean.copyright', pattern: /^(©|\(c\)|copyright)\s*\d{0,4}.{0,120}$/i, example: '© 2007 Reuters. All rights reserved.' },
  { id: 'clean.photo-credit', pattern: /^(photo|image|picture)\s*:\s*.{0,120}$|^\(?(reuters|ap|afp|getty images?)\s*\/\s*[\w .]+\)?$/i, example: 'Photo: Reuters/Ceerwan Aziz' },
  { id: 'clean.reuter-trailer', pattern: /^reuters?$/i, example: 'Reuter' },
  { id: 'clean.keep-reading', pattern: /^(keep reading|also read|read also|watch|listen)\s*:.{0,120}$/i, example: 'Also read: Oil prices rise' },
];

/** "BAGHDAD (Reuters) -", "WASHINGTON, May 28 (Reuters) -", "Baghdad, Iraq (CNN) --", "SALVADOR, Feb 26 -". */
export const DATELINE_RULES: readonly { id: string; pattern: RegExp; example: string }[] = [
  {
    id: 'clean.dateline.agency',
    pattern: /^(?<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?)(?:,\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*\((?<source>[A-Za-z][A-Za-z.&' -]{0,30})\)\s*(?:[-–—]{1,2}|:)\s*/,
    example: 'BAGHDAD (Reuters) - The United States urged Iran',
  },
  {
    id: 'clean.dateline.caps-date',
    pattern: /^(?<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?),\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:[-–—]{1,2})\s*/,
    example: 'SALVADOR, Feb 26 - Showers continued',
  },
  {
    id: 'clean.dateline.caps',
    pattern: /^(?<place>[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?)\s*(?:[-–—]{1,2})\s+/,
    example: 'LONDON — Prime Minister',
  },
];

/** Credit lines: "With additional reporting by …", "Reporting by …; Editing by …", "(Writing by …)". */
export const CREDIT_LINE = /^\(?\s*(?:(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)\s+by\b[^()]*)\)?\s*\.?$/i;
export const CREDIT_TRAILER = /\s*\(\s*(?:(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)\s+by\b[^()]*)\)\s*$/i;
export const CREDIT_ROLES: ReadonlyArray<[RegExp, 'additional reporting' | 'reporting' | 'writing' | 'editing']> = [
  [/^(?:with\s+)?additional\s+reporting\s+by\s+/i, 'additional reporting'],
  [/^(?:with\s+)?reporting\s+by\s+/i, 'reporting'],
  [/^(?:writing|written|compiled)\s+by\s+/i, 'writing'],
  [/^(?:editing|edited)\s+by\s+/i, 'editing'],
];
