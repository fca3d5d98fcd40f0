/**
 * An audit event's detail in words. Known shapes become a field-by-field diff: a status moved
 * (from → to), changed fields with the values they replaced (changed + before), a claimed or
 * applied correction, a new title. Everything else is a list of labelled facts. The stored
 * JSON never reaches the page as such: the raw text is only returned for an auditor's toggle.
 */
import {
  AUDIT_DETAIL_REFERENCES,
  type AuditObjectLink,
  auditFieldLabel,
  auditObjectLink,
  type Locale,
} from '@corridor/contracts';
import { marks, valueText, type Words } from './values';

export interface DetailChange {
  key: string;
  label: string;
  before: string;
  after: string;
}
export interface DetailFact {
  key: string;
  label: string;
  value: string;
  /** The referenced object's page (an organisation, an achievement …), for those who may open it. */
  link: AuditObjectLink | null;
}
export interface DetailView {
  changes: DetailChange[];
  facts: DetailFact[];
}

interface EventLike {
  objectType: string | null;
  detail: string;
  /** The server's names of the objects the detail refers to, by key. */
  detailNames?: Record<string, string>;
}

/** Technical keys left to the raw view (the request id joins the event to the server log). */
const HIDDEN = new Set(['requestId']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored detail as an object (a detail that is not a JSON object is one fact). */
export function parseDetail(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : { value: parsed };
  } catch {
    return { value: text };
  }
}

export function fieldName(objectType: string | null, key: string, locale: Locale): string {
  const label = auditFieldLabel(objectType, key);
  return label ? (locale === 'en' ? label.en : label.zh) : key;
}

export function describeDetail(event: EventLike, w: Words): DetailView {
  const { objectType } = event;
  const d = parseDetail(event.detail);
  const name = (key: string) => fieldName(objectType, key, w.locale);
  const text = (key: string, v: unknown) => valueText(objectType, key, v, w, name);
  const changes: DetailChange[] = [];
  const facts: DetailFact[] = [];
  const used = new Set<string>(HIDDEN);
  const change = (key: string, label: string, before: string, after: string) =>
    changes.push({ key, label, before, after });

  // A status moved: from/to, or from and the status set (a ranking edition's stage).
  const to = typeof d.to === 'string' ? d.to : typeof d.status === 'string' ? d.status : null;
  if (typeof d.from === 'string' && to !== null) {
    if (d.from !== to) change('status', name('status'), text('status', d.from), text('status', to));
    // A step that left the status as it was (the first of two signatures): a fact.
    else
      facts.push({ key: 'status', label: name('status'), value: text('status', to), link: null });
    for (const k of ['from', 'to', 'status']) used.add(k);
  }
  // Changed fields beside the values they replaced; older events hold the new values only.
  const after = isRecord(d.changed) ? d.changed : d;
  if (isRecord(d.before)) {
    for (const [k, old] of Object.entries(d.before)) {
      change(k, name(k), text(k, old), text(k, after[k]));
      used.add(k);
    }
    used.add('before');
    used.add('changed');
  } else if (isRecord(d.changed)) {
    for (const [k, v] of Object.entries(d.changed))
      change(k, name(k), w.t('audit.unrecorded'), text(k, v));
    used.add('changed');
  }
  // A correction: the value claimed against the frozen one, or the change applied.
  const correctionField = typeof d.field === 'string' ? text('field', d.field) : null;
  if ('previousValue' in d && 'claimedValue' in d && correctionField) {
    change(
      'claimedValue',
      correctionField,
      text('previousValue', d.previousValue),
      text('claimedValue', d.claimedValue),
    );
    for (const k of ['previousValue', 'claimedValue']) used.add(k);
  }
  if (isRecord(d.applied) && correctionField) {
    change(
      'applied',
      `${name('applied')}${marks(w.locale).colon}${correctionField}`,
      text('applied', d.applied.from),
      text('applied', d.applied.to),
    );
    used.add('applied');
  }
  if (typeof d.previousTitle === 'string' && typeof d.title === 'string') {
    change('title', name('title'), d.previousTitle, d.title);
    for (const k of ['previousTitle', 'title']) used.add(k);
  }

  for (const [k, v] of Object.entries(d)) {
    if (used.has(k) || v === undefined) continue;
    const ref = Object.hasOwn(AUDIT_DETAIL_REFERENCES, k) ? AUDIT_DETAIL_REFERENCES[k] : null;
    const id = typeof v === 'number' ? String(v) : null;
    const named =
      event.detailNames && Object.hasOwn(event.detailNames, k) ? event.detailNames[k] : null;
    facts.push({
      key: k,
      label: name(k),
      value: ref && id ? (named ?? w.t('audit.number', { id })) : text(k, v),
      link: ref && id ? auditObjectLink(ref, id, {}) : null,
    });
  }
  return { changes, facts };
}

/** The detail as one line (the table cell; the expanded row shows it whole). */
export function detailSummary(view: DetailView, locale: Locale): string {
  const m = marks(locale);
  return [
    ...view.changes.map((c) => `${c.label}${m.colon}${c.before} → ${c.after}`),
    ...view.facts.map((f) => `${f.label}${m.colon}${f.value}`),
  ].join(m.semicolon);
}

/** The stored JSON, indented, for the auditor's raw view. */
export function rawDetail(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
