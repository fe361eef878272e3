// Formatting shared by the three pages: dates as the reader's locale writes them, actor type names.
import type { ActorType } from '../core/types';
import { t, uiLang } from '../shared/i18n';

/** "31 Oct 2003" for `2003-10-31`, "Oct 2003" for `2003-10`, "2003" for `2003`; the input itself if unparseable. */
export function formatDate(iso: string | null | undefined, lang: string = uiLang()): string {
  if (!iso) return '';
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (mo) opts.month = 'short';
  if (d) opts.day = 'numeric';
  try {
    return new Intl.DateTimeFormat(lang, opts).format(date);
  } catch {
    return iso;
  }
}

/** Days since 1970 for an ISO date (partial dates take the first day), or null. Used to place stories in time. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

const TYPE_KEYS: Record<ActorType, [string, string]> = {
  country: ['typeCountry', 'typeCountryPlural'],
  city: ['typeCity', 'typeCityPlural'],
  region: ['typeRegion', 'typeRegionPlural'],
  person: ['typePerson', 'typePersonPlural'],
  organization: ['typeOrganization', 'typeOrganizationPlural'],
  'armed-group': ['typeArmedGroup', 'typeArmedGroupPlural'],
  party: ['typeParty', 'typePartyPlural'],
  company: ['typeCompany', 'typeCompanyPlural'],
  other: ['typeOther', 'typeOtherPlural'],
};

/** "Country" / "Countries". */
export function typeLabel(type: ActorType, plural = false): string {
  const keys = TYPE_KEYS[type] ?? TYPE_KEYS.other;
  return t(plural ? keys[1] : keys[0]);
}

/** Folds case and diacritics so a filter for "erdogan" finds "Erdoğan". */
export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en').replace(/ı/g, 'i');
}

/** The host of a URL, or the input when it is not one. */
export function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
