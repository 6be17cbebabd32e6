// Reads a cmi5 course package the way an LMS imports it (cmi5 spec section 6.1, 13 and 14): cmi5.xml at the zip's
// root, its AUs with their launch data. The validation is deliberately minimal — the XSD check is the packaging
// tests' job (src/scorm/package) — but it refuses what an LMS must refuse on import, naming the requirement id.
import { moveOnValues, type MoveOn } from './vocabulary.ts';

export interface AuStructure {
  /** The publisher's AU id (an IRI): goes unaltered into the contextTemplate grouping (spec 9.6.2.3). */
  id: string;
  title: string;
  url: string;
  moveOn: MoveOn;
  masteryScore?: number;
  launchMethod: 'AnyWindow' | 'OwnWindow';
  launchParameters?: string;
  entitlementKey?: string;
}

export interface BlockStructure {
  id: string;
  title: string;
  /** Every AU inside the block, nested blocks included: the block is satisfied when all of them are (9.3.9.0-1). */
  auIds: string[];
}

export interface CourseStructure {
  id: string;
  title: string;
  aus: AuStructure[];
  blocks: BlockStructure[];
}

export class ImportError extends Error {
  readonly requirement: string;
  constructor(requirement: string, message: string) {
    super(`${message} (cmi5 ${requirement})`);
    this.requirement = requirement;
  }
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : (entities[e] ?? whole),
  );

/** A small XML reader: enough for cmi5.xml (elements, attributes, text, CDATA; comments and PIs skipped). */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of source.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (top.name !== m[2]) throw new ImportError('13.2.0.0-1 (d)', `cmi5.xml is not well-formed: </${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attributes: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: m[3], attributes, children: [], text: '' };
      top.children.push(element);
      if (m[5] !== '/') stack.push(element);
    } else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[0].startsWith('<') && !/^<(!--|\?|!DOCTYPE)/.test(m[0])) {
      throw new ImportError('13.2.0.0-1 (d)', 'cmi5.xml is not well-formed');
    }
  }
  if (stack.length !== 1) throw new ImportError('13.2.0.0-1 (d)', `cmi5.xml is not well-formed: <${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

const local = (name: string) => name.replace(/^.*:/, '');
const child = (e: XmlElement, name: string) => e.children.find((c) => local(c.name) === name);
const allDeep = (e: XmlElement, name: string): XmlElement[] =>
  e.children.flatMap((c) => [...(local(c.name) === name ? [c] : []), ...allDeep(c, name)]);
/** The first langstring of a title/description (the spec's text type), whitespace trimmed (13.1.0.0-1). */
const langText = (e: XmlElement | undefined) => (e ? (child(e, 'langstring')?.text ?? e.text).trim() : '');

/** Fully qualified IRI: a scheme, not a reference (spec 3.0.0.0-1). */
export const isFullIri = (value: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);

const namespaces = ['https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'http://aicc.org/CMI5/CourseStructure.xsd'];
const launchNames = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];

/**
 * Parses and checks cmi5.xml. `hasFile` answers whether the zip holds a relative AU url's file (spec 14.1.0.0-3);
 * omit it for a bare cmi5.xml (then every url must be fully qualified: 14.2.0.0-1).
 */
export function readCourseStructure(xml: string, hasFile?: (path: string) => boolean): CourseStructure {
  const root = parseXml(xml).children.find((c) => local(c.name) === 'courseStructure');
  if (!root) throw new ImportError('13.2.0.0-1 (d)', 'cmi5.xml has no courseStructure root');
  if (!namespaces.includes(root.attributes.xmlns ?? '')) {
    throw new ImportError('13.2.0.0-1 (d)', `courseStructure is not in the cmi5 namespace: ${root.attributes.xmlns ?? '(none)'}`);
  }
  const course = child(root, 'course');
  const courseId = course?.attributes.id?.trim() ?? '';
  if (!course || !isFullIri(courseId)) throw new ImportError('3.0.0.0-1 (d)', 'the course id must be a fully qualified IRI');
  const seen = { au: new Set<string>(), block: new Set<string>(), objective: new Set<string>() };
  for (const [kind, requirement] of [
    ['block', '13.1.2.0-1 (d)'],
    ['objective', '13.1.3.0-1 (d)'],
  ] as const) {
    for (const e of allDeep(root, kind)) {
      const id = e.attributes.id?.trim() ?? e.attributes.idref?.trim() ?? '';
      if (e.attributes.idref !== undefined) continue; // an objective reference, not a definition
      if (!isFullIri(id)) throw new ImportError('3.0.0.0-1 (d)', `${kind} id is not a fully qualified IRI: ${id}`);
      if (seen[kind].has(id)) throw new ImportError(requirement, `duplicate ${kind} id ${id}`);
      seen[kind].add(id);
    }
  }
  const aus = allDeep(root, 'au').map((e): AuStructure => {
    const id = e.attributes.id?.trim() ?? '';
    if (!isFullIri(id)) throw new ImportError('3.0.0.0-1 (d)', `AU id is not a fully qualified IRI: ${id}`);
    if (seen.au.has(id)) throw new ImportError('13.1.4.0-1 (d)', `duplicate AU id ${id}`);
    seen.au.add(id);
    const url = child(e, 'url')?.text.trim() ?? '';
    if (!url || /\s/.test(url)) throw new ImportError('13.1.4.0-2 (d)', `AU ${id} has no valid url`);
    const query = url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?') + 1).replace(/#.*$/, '')) : undefined;
    const clash = launchNames.find((name) => query?.has(name));
    if (clash) throw new ImportError('8.1.0.0-6 (d)', `AU ${id} url already uses the launch parameter "${clash}"`);
    if (isFullIri(url)) {
      // Media outside the package: fully qualified (14.1.0.0-4); nothing to look up in the zip.
    } else if (!hasFile) {
      throw new ImportError('14.2.0.0-1 (d)', `a bare cmi5.xml needs fully qualified urls: ${url}`);
    } else if (!hasFile(url.replace(/[?#].*$/, ''))) {
      throw new ImportError('14.1.0.0-3 (d)', `the package has no file for the AU url ${url}`);
    }
    const moveOn = (e.attributes.moveOn?.trim() ?? 'NotApplicable') as MoveOn;
    if (!moveOnValues.includes(moveOn)) throw new ImportError('13.2.0.0-1 (d)', `AU ${id} moveOn is not a cmi5 value: ${moveOn}`);
    const mastery = e.attributes.masteryScore?.trim();
    const masteryScore = mastery === undefined ? undefined : Number(mastery);
    if (masteryScore !== undefined && !(masteryScore >= 0 && masteryScore <= 1)) {
      throw new ImportError('13.2.0.0-1 (d)', `AU ${id} masteryScore must be a decimal in [0, 1]: ${mastery}`);
    }
    const launchMethod = e.attributes.launchMethod?.trim() ?? 'AnyWindow';
    if (launchMethod !== 'AnyWindow' && launchMethod !== 'OwnWindow') {
      throw new ImportError('13.2.0.0-1 (d)', `AU ${id} launchMethod must be AnyWindow or OwnWindow`);
    }
    const launchParameters = child(e, 'launchParameters')?.text.trim();
    const entitlementKey = child(e, 'entitlementKey')?.text.trim();
    return {
      id,
      title: langText(child(e, 'title')),
      url,
      moveOn,
      launchMethod,
      ...(masteryScore === undefined ? {} : { masteryScore }),
      ...(launchParameters ? { launchParameters } : {}),
      ...(entitlementKey ? { entitlementKey } : {}),
    };
  });
  if (aus.length === 0) throw new ImportError('4.4.0.0-1 (d)', 'the course structure has no AU');
  const blocks = allDeep(root, 'block').map((b) => ({
    id: b.attributes.id?.trim() ?? '',
    title: langText(child(b, 'title')),
    auIds: allDeep(b, 'au').map((a) => a.attributes.id?.trim() ?? ''),
  }));
  return { id: courseId, title: langText(child(course, 'title')), aus, blocks };
}
