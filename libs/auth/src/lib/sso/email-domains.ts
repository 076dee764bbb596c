/** A host name of at least two labels, such as `humansignal.com`. */
const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

/** Mail services anyone can sign up with: owning one is not owning its users. */
const PUBLIC_MAIL_DOMAINS = new Set([
  '163.com',
  'aol.com',
  'gmail.com',
  'gmx.com',
  'gmx.de',
  'googlemail.com',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'yahoo.com',
  'yandex.ru',
  'zoho.com',
]);

/** What is wrong with a comma-separated list of an organization's email domains, if anything. */
export function domainListProblems(list: string): string[] {
  const problems: string[] = [];
  for (const domain of list.split(',')) {
    if (!DOMAIN.test(domain)) {
      problems.push(
        `"${domain.slice(0, 80)}" is not a domain; separate domains with commas, without spaces.`,
      );
    } else if (PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase())) {
      problems.push(`"${domain}" is a public email domain and cannot be used for SSO.`);
    }
  }
  return problems;
}
