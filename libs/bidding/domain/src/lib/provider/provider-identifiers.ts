// Format checks for the public identifiers a provider may hold. They prove a number is well formed,
// not that it is registered: the registers themselves are checked by people at due diligence.

const compact = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

// England and Wales: 6 or 7 digits (older charities have 6). Scotland: SC + 6 digits. Northern Ireland: NIC + 6 digits.
const CHARITY_NUMBER = /^(\d{6,7}|SC\d{6}|NIC\d{6})$/;

// Companies House: 8 characters, digits (England and Wales) or a two-letter prefix and 6 digits
// (SC Scotland, NI Northern Ireland, OC/SO/NC LLPs, R0 pre-partition NI, IP/SP/RS/NP societies, CE/CS/SE CIOs...).
const COMPANY_PREFIXES = ['SC', 'NI', 'OC', 'SO', 'NC', 'R0', 'IP', 'SP', 'RS', 'NP', 'CE', 'CS', 'SE', 'LP', 'SL', 'NL', 'FC', 'GE'];
const COMPANY_NUMBER = new RegExp(`^(\\d{8}|(${COMPANY_PREFIXES.join('|')})\\d{6})$`);

// Department for Education unique reference number.
const SCHOOL_URN = /^\d{6}$/;

/** Canonical form (no spaces, upper case), or null if it is not a charity number. */
export const normaliseCharityNumber = (value: string): string | null => {
  const candidate = compact(value);
  return CHARITY_NUMBER.test(candidate) ? candidate : null;
};

/** Canonical 8-character form; a digits-only number that lost its leading zeros is padded back. */
export const normaliseCompanyNumber = (value: string): string | null => {
  const raw = compact(value);
  const candidate = /^\d{6,7}$/.test(raw) ? raw.padStart(8, '0') : raw;
  return COMPANY_NUMBER.test(candidate) ? candidate : null;
};

export const normaliseSchoolUrn = (value: string): string | null => {
  const candidate = compact(value);
  return SCHOOL_URN.test(candidate) ? candidate : null;
};
