/**
 * Revisions told by reference (layer 6, item-level reference): "Gartner said the AI chip market would be worth
 * $450 billion in 2028. On Thursday it raised that to $620 billion", "TrendForce had put Samsung's share at 7.1%.
 * On Friday it revised the figure to 6.5%" — the second sentence names neither the fact's subject nor its market, only
 * the figure the sentence before gave, and its new value.
 */
import { ellipsized } from '../../text.ts';
import type { SentenceReading } from './reading.ts';
import { CARRIED, MAX_EVIDENCE, type Statement, statementOf } from './statement.ts';

/** The value kinds a figure revised by reference may have: amounts and shares, whose readers find them anywhere. */
const REVISABLE_KINDS = ['money', 'percent'] as const;

/**
 * The statements the sentences revise by reference: for each sentence whose verb revises "that", "it", "the figure"
 * or "the forecast" to a value, the one fact the sentence before gave a value of that kind (none when it gave two,
 * or when this sentence already tells the fact), with that value, as a revision, as sure as a carried subject.
 */
export function revisionsByReference(statements: Statement[], readings: SentenceReading[]): Statement[] {
  const revised: Statement[] = [];
  for (const reading of readings.slice(1)) {
    for (const kind of REVISABLE_KINDS) {
      const value = reading.values(kind).find((mention) => revisedToBefore(reading.text, mention.start));
      if (value === undefined) continue;
      const before = statements.filter(
        (statement) =>
          statement.sentenceIndex === reading.index - 1 &&
          statement.observed?.kind === kind &&
          !statement.negated,
      );
      const facts = new Set(before.map((statement) => statement.factId));
      if (facts.size !== 1) continue;
      const earlier = before[0]!;
      const toldHere = statements.some(
        (statement) =>
          statement.sentenceIndex === reading.index &&
          statement.factId === earlier.factId &&
          statement.observed !== null,
      );
      if (toldHere) continue;
      const statement = statementOf(
        earlier.factId,
        reading.index,
        ellipsized(reading.text, MAX_EVIDENCE),
        value.value,
        earlier.confidence * CARRIED,
        false,
      );
      statement.revises = true;
      if (value.bound) statement.bound = value.bound;
      revised.push(statement);
    }
  }
  return revised;
}

/** Whether a revising verb and its reference to the figure stand right before a value: "raised that to", 将其上调至. */
function revisedToBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 48), at);
  return REVISED_TO_EN.test(before) || REVISED_TO_ZH.test(before);
}

const REVISED_TO_EN =
  /\b(?:rais(?:ed|es|ing)|lift(?:ed|s|ing)|increas(?:ed|es|ing)|upp(?:ed|ing)|ups|boost(?:ed|s|ing)|cut(?:s|ting)?|lower(?:ed|s|ing)|reduc(?:ed|es|ing)|trimm(?:ed|ing)|trims?|revis(?:ed|es|ing)|adjust(?:ed|s|ing)|nudg(?:ed|es|ing)|bump(?:ed|s|ing))\s+(?:that|it|this|the\s+(?:figure|forecast|estimate|projection|number|outlook|tally|count)|its\s+(?:figure|forecast|estimate|projection|outlook))\s+(?:(?:up|down|upward|downward|sharply|slightly)\s+)?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$/i;

const REVISED_TO_ZH =
  /(?:将|將|把)(?:其|此|该|該|这一|這一|这个|這個)(?:预测|預測|预估|預估|数字|數字|数据|數據|估值|估计|估計)?\s*(?:上调|上調|下调|下調|上修|下修|调高|調高|调低|調低|调整|調整|修正|提高|下修)(?:至|到|为|為)\s*(?:约|約)?\s*$/;
