// Which of a company's names the views show first: its legal name in the UI language where the register holds one
// (a Belgian enterprise has one per language), else its main name. Pure and zod-free: the card uses it too.
import type { Company, LocalName } from './registry/domain';

/** The name to show first in `lang`, and the legal names in the register's other languages. */
export function namesInLanguage(
  company: Pick<Company, 'name' | 'names'>,
  lang: string,
): { name: string; others: LocalName[] } {
  const names = company.names ?? [];
  const name = names.find((n) => n.language === lang)?.name ?? company.name;
  return { name, others: names.filter((n) => n.name !== name) };
}
