/** «Иванов Иван Иванович» → «Иванов И. И.»; a name of one word stays as it is. */
export function shortPersonName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return '';
  const initials = rest.map((w) => `${w.charAt(0).toLocaleUpperCase('ru-RU')}.`);
  return [surname, ...initials].join(' ');
}
