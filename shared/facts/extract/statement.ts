/**
 * What extraction hands on (layer 6 of the fact engine): the item as `analyze` reads it, one sentence's
 * statement about one fact, the value a reader found, and the confidences a statement is marked down by.
 */
import type { Value } from '../../model/values.ts';
import type { EntityMention } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { Bound } from '../values/mention.ts';

/** An item as `analyze` reads it (docs/contracts.md): one JSON object a line. */
export interface AnalyzableItem {
  id: string;
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  published?: string;
  source?: string;
}

/** One sentence's statement about one fact, before it is compared with the baseline. */
export interface Statement {
  factId: string;
  /** The value read, or null when the sentence is about the fact but gives none (or only a denied one). */
  observed: Value | null;
  evidence: string;
  /** 1 for a plain statement; lower when reported, carried over from the title, or far from its verb. */
  confidence: number;
  /** The value is denied, asked, conditional, possible or superseded: `mentioned`. */
  negated: boolean;
  /** "instead of", "solely", "取代": the named entities replace the baseline's rather than adding to them. */
  replaces: boolean;
  /** Entities the sentence names as replaced ("switches from TSMC"). */
  displaced: string[];
  /** Money stated only in a currency other than the baseline's. */
  otherCurrency: boolean;
  /** "at least $16.5B", "up to 20": the value is a bound. */
  bound?: Bound;
  /**
   * The value may confirm the baseline but never change it — `mentioned` when it disagrees: a past
   * transaction ("此前…签署价值165亿美元的协议"; "previously signed a $10 billion deal" may be an older
   * deal since replaced), a value named only as a figure ("the $16.5 billion figure"), an amount read
   * only through a deal its party names (namedDealSpans).
   */
  confirmsOnly?: boolean;
  sentenceIndex: number;
  /** The sentence tells a revision ("now", "has since cut", 如今, 上调): it outranks an earlier sentence's value. */
  revises: boolean;
}

export const MAX_EVIDENCE = 500;

/** How far (in characters) a value may stand from the word that relates it to its subject. */
export const MAX_DISTANCE = 140;

export const REPORTED = 0.8;

export const CARRIED = 0.8;

/** Below the default SMS threshold (0.75): a finding read through a description goes by email. */
export const DESCRIBED = 0.7;

/** Below the default SMS threshold too: a year counted from a length goes by email. */
export const DERIVED = 0.7;

export const FAR = 0.9;

/** Where the fact's subject stands in the sentence; `carried` when it is only named in the title. */
export interface SubjectHere {
  positions: number[];
  carried: boolean;
  /**
   * Carried by a pronoun or a dropped subject that stands for what the sentence before spoke of, when
   * that sentence opens with it and names no rival ("The high-risk provisions were due in August 2026.
   * They will now apply from December 2027"): that sentence's context words count here.
   */
  throughSentenceBefore: boolean;
  /** The subject's names in a list of names and values ("TSMC 70.2%, Samsung 7.3%"), each owning the value right after it. */
  listHeads?: EntityMention[];
  /** How far after a list head its value may stand. */
  listGap?: number;
}

/** A statement with every field in one order (one object shape keeps the engine fast). */
export function statementOf(
  factId: string,
  sentenceIndex: number,
  evidence: string,
  observed: Value | null,
  confidence: number,
  negated: boolean,
): Statement {
  return {
    factId,
    observed,
    evidence,
    confidence,
    negated,
    replaces: false,
    displaced: [],
    otherCurrency: false,
    sentenceIndex,
    revises: false,
  };
}

export interface ReadValue {
  value: Value | null;
  blocked: boolean;
  /** Where a number was read and how far from its relation word (numeric facts only). */
  valueAt?: number;
  distance?: number;
  /** Where the relation word the value was read from stands, and its class. */
  anchorStart?: number;
  anchorEnd?: number;
  anchorClass?: AttributeClass;
  far?: boolean;
  bound?: Bound;
  replaces?: boolean;
  displaced?: string[];
  otherCurrency?: boolean;
  /** The value was worked out, not written: a date counted from a length. */
  derived?: boolean;
  /** It may confirm, never change (Statement.confirmsOnly). */
  confirmsOnly?: boolean;
}
