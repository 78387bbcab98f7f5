import type { Finding, FindingStatus } from '../model/findings.ts';
import type { Fact } from '../model/story.ts';
import type { Value } from '../model/values.ts';
import { diffStatement } from './diff.ts';
import { type AnalyzableItem, CARRIED, REPORTED, type Statement } from './extract/statement.ts';
import { extractFacts } from './extract.ts';
import { type CompiledRules, compileRules, type RulesFile } from './rules.ts';

/** The compiled rules of a story plus its facts: build once, analyze many items. */
export interface FactEngine {
  facts: Fact[];
  compiled: CompiledRules;
  /** The facts by id, for statements that name their fact. */
  factsById: ReadonlyMap<string, Fact>;
}

/** A finding plus the confidence the engine had in it (kept in the store, not in the analyze contract). */
export interface AnalyzedFinding extends Finding {
  confidence: number;
}

/**
 * Compiles a story's rules for its facts.
 *
 * @example
 * const engine = createFactEngine(loadBaselineFile().facts, loadRulesFile());
 */
export function createFactEngine(facts: Fact[], rules: RulesFile): FactEngine {
  return {
    facts,
    compiled: compileRules(facts, rules),
    factsById: new Map(facts.map((fact) => [fact.id, fact])),
  };
}

const STATUS_WEIGHT: Record<FindingStatus, number> = { changed: 0.3, new: 0.3, confirmed: 0.2, mentioned: 0 };
const CONFIRMS_ONLY_WEIGHT = 0.75;

/**
 * Findings for one item: at most one per fact, the strongest statement the item
 * makes about it, compared with the current baseline (`baselines`, by fact id;
 * the fact sheet's values when absent).
 *
 * @example
 * analyzeItem({ id: 'a1', title: "Samsung's Taylor fab to begin output in 2027 after delay" }, engine);
 * // [{ itemId: 'a1', factId: 'taylor.production_start', status: 'changed', observed: { kind: 'year', value: 2027 }, … }]
 */
export function analyzeItem(
  item: AnalyzableItem,
  engine: FactEngine,
  baselines?: ReadonlyMap<string, Value | null>,
): AnalyzedFinding[] {
  const byFact = new Map<
    string,
    {
      finding: AnalyzedFinding;
      score: number;
      sentenceIndex: number;
      revises: boolean;
      replaces: boolean;
      yieldsToAny: boolean;
    }
  >();
  for (const statement of extractFacts(item, engine.compiled)) {
    const fact = engine.factsById.get(statement.factId)!;
    const baseline = baselines?.has(fact.id) ? baselines.get(fact.id)! : fact.value;
    const finding = toFinding(item, fact, statement, baseline);
    // A value that may only confirm (a past transaction, a figure, a sheltered amount) yields to any
    // other telling of the fact: "previously signed $16.5 billion … The contract was expanded to $20 billion".
    const score =
      statement.confidence * (statement.confirmsOnly ? CONFIRMS_ONLY_WEIGHT : 1) +
      STATUS_WEIGHT[finding.status];
    const best = byFact.get(fact.id);
    const entry = {
      finding,
      score,
      sentenceIndex: statement.sentenceIndex,
      revises: statement.revises,
      replaces: statement.replaces || statement.displaced.length > 0,
      // A bound the baseline meets, outside its tolerance ("investment of over $400 billion in three years" against
      // up to $500 billion), or a value that may only confirm and does not ("first Tesla AI6 samples in Pyeongtaek"):
      // it says nothing either way.
      yieldsToAny:
        finding.status === 'mentioned' &&
        !statement.negated &&
        (statement.bound !== undefined || statement.confirmsOnly === true),
    };
    if (revisesEarlier(statement, finding, best)) byFact.set(fact.id, entry);
    // "…未来三年投资额逾4000亿美元。公司重申，将按计划兑现5000亿美元的总体承诺", "Samsung to make first Tesla AI6 samples in
    // Pyeongtaek before Taylor takes over // Mass production … will move to … Taylor": such a value yields to any telling
    // of the fact.
    else if (best?.yieldsToAny && finding.status !== 'mentioned') byFact.set(fact.id, entry);
    // A revision stays: a later background line restating the old value does not undo it.
    else if (best?.revises && best.finding.status !== 'mentioned' && !statement.revises) continue;
    // (a place told less precisely — "Texas" after "Taylor, Texas" — keeps the precise one, however sure)
    else if (best && best.finding.observed?.kind === 'place' && toldMorePrecisely(best.finding, finding))
      continue;
    else if (!best || score > best.score || (score === best.score && moreSpecific(finding, best.finding)))
      byFact.set(fact.id, entry);
    // "至2033年" in the title, "至2033年12月31日" in the lede: the same year, told more precisely.
    else if (
      toldMorePrecisely(finding, best.finding) ||
      // Only as sure as the headline: a hedged or misread lede does not outrank it…
      ((fullerList(finding, best.finding) ||
        // "三星SF1.4工艺将用于特斯拉AI5 // …由三星…生产，取代台积电": the lede says the headline's maker replaces the old one.
        (statement.displaced.length > 0 && fullerList(best.finding, finding))) &&
        finding.status !== 'mentioned' &&
        (statement.confidence >= best.finding.confidence ||
          // "Samsung makes Tesla's AI6. TSMC will also build the chip.": a maker added through a reference to the chip
          // is as sure as the confirmation it adds to.
          (finding.status === 'changed' &&
            best.finding.status === 'confirmed' &&
            MAKER_ADDED.test(statement.evidence) &&
            !PAST_REPORT.test(statement.evidence) &&
            statement.confidence >= best.finding.confidence * CARRIED))) ||
      // …but a fuller list only reported ("据知情人士透露…同时在台积电…和三星…生产") is the fuller news, as sure as its
      // report, and goes with its own confidence: when the lede names every maker itself (not "Tesla bypasses Samsung
      // for AI6, choosing Intel // Tesla will have Intel make the AI6 chip", Samsung only the baseline's), and the
      // headline replaced none ("AI6改由台积电代工 // 36氪获悉，因三星2纳米良率不及预期…" keeps its replacement).
      (!best.replaces &&
        // (a report of the past is none of today's: "A year ago, reports said AI5 would be made by both …")
        !PAST_REPORT.test(statement.evidence) &&
        fullerList(finding, best.finding) &&
        fullerList({ observed: statement.observed }, best.finding) &&
        finding.status !== 'mentioned' &&
        statement.confidence >= best.finding.confidence * REPORTED)
    )
      byFact.set(fact.id, { ...entry, score: best.score });
  }
  return engine.facts.flatMap((fact) => {
    const best = byFact.get(fact.id);
    return best ? [best.finding] : [];
  });
}

/** A word that adds a maker to those before: "TSMC will also build the chip", "as a second source", 台积电也将. */
const MAKER_ADDED =
  /\b(?:also|too|as\s+well|second\s+(?:source|supplier|foundry)|alongside|in\s+addition)\b|也将|也將|也会|也會|亦将|亦將|还将|還將/i;

/** A report told as of the past, or refuted: "A year ago, reports said", "Earlier reports … proved wrong", 去年曾有报道. */
const PAST_REPORT =
  /\b(?:ago|last\s+(?:year|month|week|summer|spring|autumn|fall|winter)|earlier\s+reports?|previous(?:ly)?|prior\s+reports?|at\s+the\s+time|proved?\s+(?:wrong|false|untrue)|turned\s+out)\b|去年|此前|早前|先前|曾|以前|当时|當時/i;

/**
 * "Stargate was unveiled with a pledge of up to $500 billion. Its backers have now raised the
 * planned investment to $800 billion": a later sentence that tells a revision outranks the
 * earlier value it revises, though read less surely (through "the project", "its").
 */
function revisesEarlier(
  statement: Statement,
  finding: Finding,
  best: { finding: Finding; sentenceIndex: number } | undefined,
): boolean {
  return (
    best !== undefined &&
    statement.revises &&
    statement.sentenceIndex > best.sentenceIndex &&
    finding.status !== 'mentioned' &&
    best.finding.status !== 'mentioned'
  );
}

/**
 * Of two equally sure findings, the more specific value: "Taylor, Texas" over "Texas",
 * December 2035 over 2035 (the headline gives the year, the lede the day).
 */
function moreSpecific(finding: Finding, than: Finding): boolean {
  // "47.5億美元" in the headline, "47.45億美元" in the lede: the same amount, told to more digits.
  const [a, b] = [finding.observed, than.observed];
  if (a?.kind === 'money' && b?.kind === 'money' && a.currency === b.currency)
    return digitsOf(a.amount) > digitsOf(b.amount) && roundsTo(a.amount, b.amount);
  const parts = (value: Value | null) =>
    value?.kind === 'place'
      ? value.value.split(',').length
      : value?.kind === 'year' && value.month !== undefined
        ? 2
        : value
          ? 1
          : 0;
  return parts(finding.observed) > parts(than.observed);
}

/**
 * "台积电亚利桑那厂将为特斯拉生产AI5 // …AI5芯片将同时在台积电…和三星…工厂生产": the lede names the
 * headline's maker and another — the fuller telling of the same news.
 */
function fullerList(finding: Pick<Finding, 'observed'>, than: Pick<Finding, 'observed'>): boolean {
  const [a, b] = [finding.observed, than.observed];
  return (
    a?.kind === 'entities' &&
    b?.kind === 'entities' &&
    a.values.length > b.values.length &&
    b.values.every((value) => a.values.includes(value))
  );
}

/** Significant digits of an amount (16_540_000_000 has four). */
const digitsOf = (amount: number) => String(amount).replace(/0+$/, '').replace(/\D/g, '').length;

/** Whether `precise` rounded to the digits of `coarse` is `coarse`. */
function roundsTo(precise: number, coarse: number): boolean {
  const scale = 10 ** (String(coarse).replace(/\D/g, '').length - digitsOf(coarse));
  return Math.round(precise / scale) * scale === coarse;
}

/** Whether a finding tells the same value as another, more precisely: a year's month, a share's digits, a town's state. */
function toldMorePrecisely(finding: Finding, than: Finding): boolean {
  const [a, b] = [finding.observed, than.observed];
  if (finding.status !== than.status) return false;
  // "台积电独占七成 // …台积电则以70.4%稳居龙头": the headline's round share, told to more digits in the lede.
  if (a?.kind === 'percent' && b?.kind === 'percent' && a.bound === b.bound)
    return digitsOf(a.value) > digitsOf(b.value) && roundsTo(a.value, b.value);
  // "台積電市占逾七成 // …市占率達71.3%": the headline's bound, the lede's exact share within it.
  if (a?.kind === 'percent' && b?.kind === 'percent' && a.bound === undefined && b.bound !== undefined)
    return b.bound === 'atLeast' ? a.value >= b.value : b.bound === 'atMost' && a.value <= b.value;
  // "…Samsung's new semiconductor fab in Taylor, Texas. … 'Samsung's giant new Texas fab …'": the town named with its
  // state is the place told more precisely (both confirm: the status is the same).
  if (a?.kind === 'place' && b?.kind === 'place') return a.value.endsWith(`, ${b.value}`);
  return a?.kind === 'year' && b?.kind === 'year' && a.value === b.value && moreSpecific(finding, than);
}

function toFinding(
  item: AnalyzableItem,
  fact: Fact,
  statement: Statement,
  baseline: Value | null,
): AnalyzedFinding {
  const { status, observed } = diffStatement(statement, baseline, fact.qualifier);
  return {
    itemId: item.id,
    factId: fact.id,
    status,
    observed,
    baseline,
    evidence: statement.evidence,
    severity: fact.severity,
    confidence: statement.confidence,
  };
}

/** The docs/contracts.md finding, exactly its seven fields, for output other tools parse. */
export function contractFinding(finding: Finding): Finding {
  const { itemId, factId, status, observed, baseline, evidence, severity } = finding;
  return { itemId, factId, status, observed, baseline, evidence, severity };
}
