/**
 * Keys for place-name lookup. `foldPlaceName` folds case, diacritics and punctuation so that spellings of one
 * name meet ("Tikrit" = "Tikrīt", "U.S." = "US", "Washington, D.C." = "Washington DC"); `loosePlaceKey` also
 * absorbs the usual variation of romanised Arabic names ("Falluja" = "Al Fallūjah", "Basra" = "Basrah").
 */

const APOSTROPHES = /[’‘ʼʻ`´′]/g;

/** "Al Ḩillah" → "al hillah"; "Washington, D.C." → "washington dc"; "Kazemi-Qomi" → "kazemi qomi". */
export function foldPlaceName(name: string): string {
  // Most names are plain ASCII; decomposing them would only cost time.
  const plain = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '').replace(UNDECOMPOSED, (c) => UNDECOMPOSED_AS[c] ?? c);
  return plain
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(/\./g, '')
    .replace(/[\s,\-–—/]+/g, ' ')
    .trim();
}

// Letters with no decomposition that English text writes plainly: "Puławy" → Pulawy, "Doğubayazıt" → Dogubayazit, "Østfold".
const UNDECOMPOSED = /[łŁıøØæÆßđĐðÐþÞœŒ]/g;
const UNDECOMPOSED_AS: Record<string, string> = { ł: 'l', Ł: 'L', ı: 'i', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', œ: 'oe', Œ: 'Oe' };

// The Arabic article as romanised, written apart or hyphenated: "Al Başrah", "al-Hilla", "Ar Ramādī", "El Arish".
const ARABIC_ARTICLE = /^(?:al|el|an|ar|as|ash|at|ath|ad|adh|az|ag) /;

/**
 * A coarser key for transliteration variants, used with a penalty: no article, no apostrophes, no doubled
 * letters, final "-ah" as "-a" ("Al Fallūjah" → "faluja", "Falluja" → "faluja", "Sāmarrā’" → "samara").
 */
export function loosePlaceKey(folded: string): string {
  return folded
    .replace(ARABIC_ARTICLE, '')
    .replace(/'/g, '')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ah\b/g, 'a');
}
