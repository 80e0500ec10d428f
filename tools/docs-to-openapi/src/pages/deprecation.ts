const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `October 15, 2025`, `15 October 2025` or `2025-10-15` → `2025-10-15`; undefined when it is not a date. */
export function isoDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const us = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  const eu = /^(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})$/.exec(text);
  const [monthName, day, year] = us ? [us[1], us[2], us[3]] : eu ? [eu[2], eu[1], eu[3]] : [];
  const month = months.indexOf((monthName ?? '').toLowerCase()) + 1;
  if (!month || !day || !year) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The date a text says something "will be removed" / "retired" on (or by, after), as an ISO date. */
export function removalDate(text: string): string | undefined {
  const match =
    /\b(?:will be|is scheduled to be|to be)\s+(?:removed|retired|deleted)\s+(?:on|by|after|as of)\s+([A-Za-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+,?\s+\d{4}|\d{4}-\d{2}-\d{2})/i.exec(
      text,
    );
  return match?.[1] ? isoDate(match[1].replace(/\s+/g, ' ')) : undefined;
}
