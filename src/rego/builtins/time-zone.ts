/**
 * Time zones for the time builtins, backed by the ICU data in `Intl` (Node ships full ICU), so that
 * any IANA name Go's `time.LoadLocation` knows works here too.
 *
 * "Local" follows OPA: it is the host's zone (the `TZ` environment variable, else the system zone),
 * so results that use it depend on the machine, exactly as they do with OPA.
 */
import { civilFromSeconds, secondsFromCivil } from './time-civil.js';

export interface Zone {
  /** Go's location name: "UTC", "Local" or the IANA name as given. */
  readonly name: string;
  /** Seconds east of UTC in effect at the given instant. */
  offsetAt(unixSeconds: number): number;
  /** Zone abbreviation in effect at the given instant, as Go prints it for the "MST" layout element. */
  abbreviationAt(unixSeconds: number): string;
}

export const UTC: Zone = {
  name: 'UTC',
  offsetAt: () => 0,
  abbreviationAt: () => 'UTC',
};

/** A zone with a constant offset, as Go fabricates for parsed numeric offsets. */
export function fixedZone(abbreviation: string, offsetSeconds: number): Zone {
  return { name: abbreviation, offsetAt: () => offsetSeconds, abbreviationAt: () => abbreviation };
}

export class UnknownZoneError extends Error {}

const zoneCache = new Map<string, Zone>();

/** Go's `time.LoadLocation`, restricted to what OPA passes it; throws with Go's message. */
export function loadLocation(name: string): Zone {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return localZone();
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) {
    throw new UnknownZoneError('time: invalid location name');
  }
  let zone = zoneCache.get(name);
  if (zone === undefined) {
    if (!isKnownZoneName(name)) throw new UnknownZoneError(`unknown time zone ${name}`);
    zone = intlZone(name, name);
    zoneCache.set(name, zone);
  }
  return zone;
}

let local: Zone | undefined;

function localZone(): Zone {
  if (local === undefined) {
    const hostZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    local = hostZone === 'UTC' || hostZone === 'Etc/UTC' ? { ...UTC, name: 'Local' } : intlZone('Local', hostZone);
  }
  return local;
}

let canonicalNames: Map<string, string> | undefined;

/**
 * Intl accepts names case-insensitively and also UTC offsets like "+05:30"; Go's tz database does
 * neither. Every component of a tz database name starts with a capital letter, and a name that
 * differs from one of ICU's only by case is refused.
 */
function isKnownZoneName(name: string): boolean {
  if (!name.split('/').every((component) => /^[A-Z]/.test(component))) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  canonicalNames ??= new Map(Intl.supportedValuesOf('timeZone').map((n) => [n.toLowerCase(), n]));
  const canonical = canonicalNames.get(name.toLowerCase());
  return canonical === undefined || canonical === name;
}

function intlZone(name: string, ianaName: string): Zone {
  const fieldsFormat = new Intl.DateTimeFormat('en-US', {
    timeZone: ianaName,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (unixSeconds: number): number => {
    const fields: Record<string, string> = {};
    for (const part of fieldsFormat.formatToParts(new Date(unixSeconds * 1000))) fields[part.type] = part.value;
    const eraYear = Number(fields.year);
    const local = secondsFromCivil({
      year: fields.era === 'BC' || fields.era === 'B' ? 1 - eraYear : eraYear,
      month: Number(fields.month),
      day: Number(fields.day),
      hour: Number(fields.hour),
      minute: Number(fields.minute),
      second: Number(fields.second),
    });
    return local - unixSeconds;
  };
  return { name, offsetAt, abbreviationAt: (unixSeconds) => abbreviation(ianaName, unixSeconds, offsetAt) };
}

/** Locales whose ICU data carries the abbreviations of the tz database for their region. */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-IE', 'en-CA'];

/** tz database abbreviations ICU does not expose in any English locale: [standard, daylight]. */
const KNOWN_ABBREVIATIONS: Readonly<Record<string, readonly [string, string]>> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Chongqing': ['CST', 'CDT'],
  PRC: ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Macau': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Tokyo': ['JST', 'JDT'],
  Japan: ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Pyongyang': ['KST', 'KDT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Pontianak': ['WIB', 'WIB'],
  'Asia/Makassar': ['WITA', 'WITA'],
  'Asia/Jayapura': ['WIT', 'WIT'],
  'Asia/Karachi': ['PKT', 'PKST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Tel_Aviv': ['IST', 'IDT'],
  Israel: ['IST', 'IDT'],
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Africa/Lagos': ['WAT', 'WAT'],
  'Africa/Nairobi': ['EAT', 'EAT'],
  'Africa/Maputo': ['CAT', 'CAT'],
};

const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

function abbreviation(ianaName: string, unixSeconds: number, offsetAt: (s: number) => number): string {
  const instant = new Date(unixSeconds * 1000);
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale}\u0000${ianaName}`;
    let format = abbreviationFormats.get(key);
    if (format === undefined) {
      format = new Intl.DateTimeFormat(locale, { timeZone: ianaName, timeZoneName: 'short' });
      abbreviationFormats.set(key, format);
    }
    const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
    if (name !== undefined && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  const offset = offsetAt(unixSeconds);
  const known = KNOWN_ABBREVIATIONS[ianaName];
  if (known !== undefined) return isDaylight(unixSeconds, offset, offsetAt) ? known[1] : known[0];
  return numericAbbreviation(offset);
}

function isDaylight(unixSeconds: number, offset: number, offsetAt: (s: number) => number): boolean {
  const { year } = civilFromSeconds(unixSeconds);
  const january = secondsFromCivil({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  const july = secondsFromCivil({ year, month: 7, day: 1, hour: 0, minute: 0, second: 0 });
  return offset > Math.min(offsetAt(january), offsetAt(july));
}

/** The tz database's style for zones without a letter abbreviation: "+04", "+0530", "-0330". */
function numericAbbreviation(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const hours = String(Math.floor(abs / 3600)).padStart(2, '0');
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  let out = sign + hours;
  if (minutes !== 0 || seconds !== 0) out += String(minutes).padStart(2, '0');
  if (seconds !== 0) out += String(seconds).padStart(2, '0');
  return out;
}
