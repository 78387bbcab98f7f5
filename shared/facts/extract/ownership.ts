/**
 * Whose value a number is (layer 6): the subject's own amount, share or year against a rival's, a partner's,
 * a site's or a making's — possessives, relative clauses, coordinations and the maker of a chip.
 */
import { CONTRAST_BETWEEN, opensClauseBetween } from '../clauses.ts';
import { type EntityMention, isSiteOrPlace } from '../entities.ts';
import type { AttributeClass } from '../lexicon.ts';
import type { PhraseMatch } from '../phrases.ts';
import type { CompiledRule } from '../rules.ts';
import type { ValueMention } from '../values/mention.ts';
import {
  clauseEndOf,
  clauseMarkBetween,
  clauseStartOf,
  frameOf,
  frameStart,
  lastClause,
  OWNER_TYPES,
} from './frames.ts';
import type { SentenceReading } from './reading.ts';
import { pieceAround, startBeforeMaking } from './relation.ts';
import type { SubjectHere } from './statement.ts';
import { DEAL_AFTER, namedAsPartner, objectOfMaking } from './subject.ts';

export const PLACE_PHRASE_BEFORE =
  /(?:\b(?:[Aa]t|[Ii]n)\s+(?:(?:[Tt]he|[Ii]ts|[A-Z][\w-]*(?:['’]s)?)\s+)?|(?:在|于|於)(?:其|该公司|該公司|三星(?:电子|電子)?)?(?:位于|位於)?(?:美国|美國)?(?:得克萨斯州|得克薩斯州|德克萨斯州|德克薩斯州|得州|德州)?)$/;

/** From a value to the name it qualifies: 七成的 (台积电), 7.3%的 (三星). */
const ATTRIBUTE_OF = /^[^，,。；;\s]{1,12}的$/;

/** A move told as a noun before its owner: "led by a 6.8% surge in Samsung Electronics", "a 4% jump in Tesla shares". */
const MOVE_NOUN_OF =
  /^[+-]?\d[\d.]*\s*(?:%|percent|per\s+cent)\s*(?:surge|jump|rise|gain|climb|rally|spike|drop|fall|slide|decline|advance|increase|decrease|plunge|slump)s?\s+(?:in|for)\s+(?:shares\s+of\s+)?$/i;

/** A share set before the name it is for: "TSMC's share rose to 70.2%, against 7.3% for Samsung", "a 7.3% share for Samsung". */
const SHARE_FOR = /^\d[\d.]*\s*(?:%|percent|per\s+cent)(?:\s+(?:market\s+)?share)?\s+for\s+$/i;

const PREMODIFIER =
  /^(?:(?:US\$|\$)\d[\d.,]*\s?(?:billion|bn|trillion|tn|[BT])?|\d[\d.,]*\s?(?:(?:万亿|萬億|亿|億|兆)\s?美元|billion|bn|trillion|tn|[BT]\b))[\s"'“”「」『』《》-]{0,2}$/i;

/** Between a company and its own move word: nothing, or its shares ("Tesla gained", "Tesla's stock rose", 特斯拉股价上涨). */
const OWN_MOVE_GAP =
  /^\s*(?:['’]s\s+)?(?:(?:shares?|stock|股价|股價|股票)\s*)?(?:在[^，,。；;]{1,8}?(?:股市|市场|市場|交易所))?(?:美股|港股)?(?:盘前|盤前|盘后|盤後|盘中|盤中|当日|當日|同日)?(?:also\s+|也|亦|则|則)?(?:收盘|收盤|收)?$/i;

const SITE_AFTER = /^\s*(?:fab|plant|factory|facility|厂|廠|工厂|工廠)/i;
/** A reference to a site by what is done there ("production there"). */
const MAKING_THERE = /^(?:production|operations)\s+there$/i;

/** Stands for the rule's own subject referred back to ("该厂" for the Taylor fab). */
const OWN_REFERENCE = '#own';

/** Stands for a rival referred back to ("the chip" for the Taylor fab's rival AI6). */
const RIVAL_REFERENCE = '#rival';

/**
 * "its Taylor plant, which will produce Tesla's AI6 chips, remains on track to begin operations
 * next year", 生产AI6的泰勒厂: a chip made in a relative clause owns nothing after it — but "the
 * plant would begin producing AI6 in 2028" is the chip's year.
 */
function madeInRelativeClause(reading: SentenceReading, mention: EntityMention): boolean {
  if (!objectOfMaking(reading, mention.start)) return false;
  const clauseBefore = lastClause(reading.text.slice(0, mention.start));
  return (
    /^\s*(?:which|that)\b/i.test(clauseBefore) || /^[^，。,]{0,6}?的/.test(reading.text.slice(mention.end))
  );
}

/** A mention in a comma-opened relative clause that closes before the sentence goes on (", which … ,"). */
function inRelativeAside(reading: SentenceReading, mention: EntityMention): boolean {
  const before = reading.text.slice(0, mention.start);
  const clauseBefore = lastClause(before);
  return (
    clauseBefore.length < before.length &&
    // (or a participle's: "Tesla's Dojo 3, built from AI6 chips, is pitched at 100 exaflops")
    // (or a place's: "Samsung's facility, where Tesla's AI6 chips will be manufactured, is expected to begin …")
    /^\s*(?:which|who|whose|where|in\s+which|(?:built|made|based|assembled|powered|designed|anchored)\s+(?:from|on|with|around|by)|using|running\s+on)\b/i.test(
      clauseBefore,
    ) &&
    /^[^;；。]*?,/.test(reading.text.slice(mention.end))
  );
}

/**
 * "AI6 will be made at Samsung's Taylor plant, with volume output in 2028", 该芯片将由三星在其得州
 * 工厂生产…2028年量产: the subject named as the maker or the place of a rival's making, in the
 * rival's clause, owns nothing that follows — the year is the chip's. Not when a relative clause
 * opens after it: "makes AI6 at its Taylor fab, which opens in 2026". `madeThings` are what the
 * making is of: the rule's rivals, or (asked the other way, of a rival fab) its own subject.
 */
function makerOfRival(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  const rival = madeThings
    .filter(
      (other) =>
        other.end <= mention.start &&
        // "in Arizona and Texas": a place beside it is no thing made.
        !isSiteOrPlace(other) &&
        // "its AI6 chip, which Samsung will make at its plant in Taylor": the aside is the rival's making.
        // ("The chip, which Tesla designed for its robots, will be produced … at the Korean firm's Taylor plant": an
        // aside closed before the making is no clause between them.)
        (!clauseMarkBetween(reading, other.end, mention.start) ||
          RELATIVE_OF_THING.test(reading.text.slice(other.end, mention.start)) ||
          CLOSED_ASIDE_THEN_MAKING.test(reading.text.slice(other.end, mention.start))),
    )
    .sort((a, b) => a.start - b.start)
    .at(-1);
  // 在德州泰勒廠生產特斯拉AI6晶片: the place before the making, the rival its object after it;
  // 泰勒工厂将从2028年起为特斯拉大规模量产AI6芯片: the site as the maker, its object in the same clause.
  if (!rival) {
    // (…or its owner's and where it stands: 在三星位于得州泰勒的工厂; 于得州泰勒工厂)
    const placeBefore =
      /(?:在|(?<![后後先早晚高低多少等])[于於])(?:[\u3400-\u9fff]{1,4}(?:位于|位於))?[\u3400-\u9fff]{0,4}?$/.test(
        reading.text.slice(Math.max(0, mention.start - 12), mention.start),
      );
    // "特斯拉AI6将采用三星SF2工艺，在得州泰勒厂生产，预计2028年实现量产": the chip the sentence is about, its
    // subject, made in the place a later clause names.
    if (
      placeBefore &&
      chipAsSubjectBefore(reading, mention, madeThings) &&
      makingRightAfter(reading, mention)
    )
      return true;

    return madeThings.some(
      (other) =>
        other.start >= mention.end &&
        objectOfMaking(reading, other.start) &&
        other.start - mention.end <= (placeBefore ? 12 : 32) &&
        (placeBefore ||
          (isSiteOrPlace(mention) &&
            !clauseMarkBetween(reading, mention.end, other.start) &&
            // "泰勒工厂预计2026年投入运营并为特斯拉生产AI6芯片": the site's own start comes first, its year the site's.
            !startBeforeMaking(reading, mention.end, other.start))),
    );
  }
  const before = reading.text.slice(rival.end, mention.start);
  // "AI6将采用三星SF2工艺", "AI6 will be fabbed on Samsung's 2nm process": the maker whose process the chip uses.
  if (mention.type === 'company' && USES_PROCESS_OF.test(before)) return true;
  // "its AI6 chip, which Samsung will make at its plant in Taylor": every name in a relative clause of
  // the rival's making is its maker or its place.
  if (clauseMarkBetween(reading, rival.end, mention.start))
    return reading.relations.some(
      (match) =>
        MAKING_CLASSES.has(match.name) &&
        match.start >= rival.end &&
        (match.start < mention.start || !clauseMarkBetween(reading, mention.end, match.start)),
    );
  if (
    !MAKER_OR_PLACE_BEFORE.test(before) &&
    (mention.type === 'reference' || !MAKER_OR_PLACE_COORDINATED.test(before))
  )
    return false;
  const rest = reading.text.slice(mention.end, mention.end + 60);
  const region = reading.placeTail.exec(rest);
  if (RELATIVE_AFTER.test(region ? rest.slice(region[0].length) : rest)) return false;
  // "…at TSMC's Arizona fab and Samsung's Taylor fab starts production in 2026": a name after "and" with a verb of
  // its own is a new subject, not one more place of the making.
  if (!MAKER_OR_PLACE_BEFORE.test(before) && OWN_VERB_AFTER.test(rest)) return false;
  return reading.relations.some(
    // The making stands between them, or governs the rival ("to mass-produce Tesla's AI6 at Taylor").
    (match) =>
      MAKING_CLASSES.has(match.name) &&
      // ("begin the volume production of Tesla's AI6 chip at its Taylor, Texas fab")
      match.start >= rival.start - 40 &&
      // …or follows in its clause ("由台積電與三星電子分別在美國亞利桑那州與德州生產").
      (match.start <= mention.end + 12 ||
        (match.start <= mention.end + 24 && !clauseMarkBetween(reading, mention.end, match.start))),
  );
}

export const CHINESE_CHAR = /[\u3400-\u9fff]/;

/** "…built at the company's fab in Taylor, Texas, with …": the region written after a making's site is that place too. */
function regionOfAMakingSite(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  if (mention.type !== 'place') return false;
  const site = reading.mentions.findLast((other) => other.end <= mention.start && isSiteOrPlace(other));
  return (
    site !== undefined &&
    /^,\s*$/.test(reading.text.slice(site.end, mention.start)) &&
    makerOfRival(reading, site, madeThings)
  );
}

/** A chip before a name, written as the subject of its sentence (AI6将, AI6晶片預計). */
function chipAsSubjectBefore(
  reading: SentenceReading,
  mention: EntityMention,
  madeThings: EntityMention[],
): boolean {
  return madeThings.some(
    (thing) =>
      thing.type === 'chip' &&
      thing.end <= mention.start &&
      CHIP_SUBJECT_AFTER.test(reading.text.slice(thing.end, thing.end + 12)),
  );
}

const USES_PROCESS_OF =
  /^\s*(?:芯片|晶片)?\s*(?:将|將|会|會)?(?:采用|採用|使用)(?:了)?$|^\s+(?:will\s+be\s+|is\s+|are\s+|was\s+|to\s+be\s+)?(?:made|built|fabbed|produced|manufactured|fabricated)\s+(?:on|using)\s+$/i;

const CHIP_SUBJECT_AFTER = /^\s*(?:芯片|晶片)?\s*(?:将|將|会|會|预计|預計|计划|計劃|計畫|拟|擬|也将|也將)/;

/** A making right after a site's name ("泰勒厂生产", "泰勒廠進行生產"). */
function makingRightAfter(reading: SentenceReading, mention: EntityMention): boolean {
  return reading.relations.some(
    (match) =>
      MAKING_CLASSES.has(match.name) &&
      match.start >= mention.end &&
      (match.start - mention.end <= 8 ||
        OWNERS_SITE_BETWEEN.test(reading.text.slice(mention.end, match.start))) &&
      !clauseMarkBetween(reading, mention.end, match.start),
  );
}

/** Between a company and a making: its site named by where it stands ("三星位于得州泰勒的工厂生产"). */
const OWNERS_SITE_BETWEEN =
  /^(?:(?:位于|位於)[\u3400-\u9fff]{1,8}?的?(?:工厂|工廠|晶圆厂|晶圓廠|厂|廠|产线|產線)(?:的[\u3400-\u9fff\d]{0,6})?|(?:工厂|工廠|晶圆厂|晶圓廠|厂|廠)?的[\u3400-\u9fff\dA-Za-z]{0,6}(?:产线|產線|生产线|生產線))(?:进行|進行)?$/;

/** Right after a thing, a relative aside closed by its comma, then its own passive making: ", which …, will be produced in volume at". */
const CLOSED_ASIDE_THEN_MAKING =
  /^\s*,\s*(?:which|that)\s[^,，;；。]{1,80},\s*(?:will|would|is|are|was|were|is\s+to|are\s+to)\s+(?:(?:now|also|then|first|still)\s+)?(?:be\s+)?(?:made|manufactured|built|produced|fabricated|fabbed)\b[^,，;；。]*$/i;

/** A relative clause opening right after a thing and running on to a name: " chip, which Samsung will make at its plant in ", ", to be manufactured by ". */
const RELATIVE_OF_THING =
  /^[^,，;；。]{0,12},\s*(?:which|that|to\s+be\s+(?:made|manufactured|built|produced|fabricated)\s+by)\s[^,，;；。]*$/i;

/** Words of a making: "made by", "volume output of the chip at its Texas plant". */
const MAKING_CLASSES = new Set(['makes', 'volume_production']);

/** "by", "at its", 由, 在美國 — or one conjunct before ("in Arizona and ", 在美國亞利桑那州與): the maker or place of a making. */
const MAKER_OR_PLACE_BEFORE =
  // (在得克萨斯的三星泰勒工厂: a place of its own may come first, with 的)
  // (在三星位于得州泰勒的工厂: the owner and where its site stands, 位于 — a state of five characters, 得克薩斯州泰勒)
  /(?:(?:\bby|\bat|\bin)\s+(?:(?:its|the|their|(?:[A-Z][\w-]*\s+)?[\w-]+(?:['’]s|s['’]))\s+)*|(?:由|在|(?<![后後先早晚高低多少等])[于於])(?:[\u3400-\u9fff]{1,8}的)?(?:[\u3400-\u9fff]{1,4}(?:位于|位於))?[\u3400-\u9fff]{0,6}?)$/i;

/**
 * …or one name before it, coordinated ("in Arizona and ", 在美國亞利桑那州與): not over another word such as
 * "as", nor onto a new subject with its article ("built in the US and the Samsung Taylor fab will start").
 */
const MAKER_OR_PLACE_COORDINATED =
  /(?:(?:\bby|\bat|\bin)\s+(?:(?:its|the|their|(?:[A-Z][\w-]*\s+)?[\w-]+(?:['’]s|s['’]))\s+)*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:\s+(?:fab|plant|factory|facility|campus))?\s+(?:and|or|&)\s+(?:[A-Z][\w-]*['’]s\s+)?|(?:由|在)[\u3400-\u9fff]{1,10}?(?:廠|厂|工廠|工厂|晶圓廠|晶圆厂)?[與与和及、][\u3400-\u9fff]{0,4}?)$/;

const RELATIVE_AFTER = /^[^,，.。]{0,24}?,\s*(?:which|that)\b/i;

const OWN_VERB_AFTER =
  /^\s*(?:(?:fab|plant|factory|facility|campus)\s+)?(?:will|would|is|was|has|had|should|could|may|starts?|started|begins?|began|opens?|opened|ramps?|enters?)\b/i;

/**
 * Where a value's owner is judged: at the value itself, or — for market reactions
 * ("三星股价因特斯拉订单上涨6.8%") — at the word of the rule's `ownerAt` class before it.
 */
export function ownershipPoint(
  rule: CompiledRule,
  reading: SentenceReading,
  relations: PhraseMatch<AttributeClass>[],
  mention: ValueMention,
  carried: boolean,
): number {
  const ownerAt = rule.rule.ownerAt;
  if (!ownerAt) return mention.start;
  const frame = frameOf(reading, mention.start);
  const inFrame = relations.filter(
    (match) => match.name === ownerAt && frameOf(reading, match.start) === frame,
  );
  // The relation word nearest before the value ("特斯拉股价也上涨了4%"), else the first after it.
  const before = inFrame.filter((match) => match.start < mention.start).at(-1);
  const relation = before ?? inFrame[0];
  if (!relation) return mention.start;
  // "韩国综合指数收涨0.9%，三星电子股价收涨6.8%": a value whose shares word comes only after it, with an owner of its own
  // named in its clause before it, is judged where it stands.
  if (
    before === undefined &&
    relation.start >= mention.end &&
    reading.mentions.some(
      (entry) =>
        OWNER_TYPES.has(entry.type) &&
        entry.end <= mention.start &&
        !/[,，;；。]/.test(reading.text.slice(entry.end, mention.start)),
    )
  )
    return mention.start;
  // "shares of Samsung", "the share prices of the electronics manufacturer": the owner follows "of".
  const of = /^\s*(?:prices?\s+)?(?:of|in)\s+/i.exec(reading.text.slice(relation.end, relation.end + 24));
  if (of) {
    const ownerStart = relation.end + of[0].length;
    // A company right there ("of Samsung", or after "the "): it owns the value; else the words
    // there refer back to the subject, and the value is judged just past their start.
    const named = reading.mentions.find((entry) => entry.start >= ownerStart && entry.start < ownerStart + 5);
    return named ? named.end : ownerStart + 1;
  }
  // Shares no company stands right before are the clause's topic's ("三星SDI拿下特斯拉订单 股价涨6.8%",
  // "Shares of Samsung rose"): judged from the start of the clause.
  const ownerRightBefore = reading.mentions.some(
    (entry) =>
      entry.end <= relation.start &&
      OWNER_TYPES.has(entry.type) &&
      /^\s*(?:['’]s)?\s*的?\s*$/.test(reading.text.slice(entry.end, relation.start)),
  );
  // A company named between that word and the value owns it ("Samsung shares rose 6.8% and Tesla gained 4%",
  // "its shares jumped 6.8% and Tesla's rose about 4%") as the subject of its own move word, not one named as the
  // cause ("三星股价因特斯拉订单上涨").
  const named = reading.mentions.some(
    (entry) =>
      entry.start > relation.end &&
      entry.end <= mention.start &&
      OWNER_TYPES.has(entry.type) &&
      relations.some(
        (move) =>
          move.name === 'stock_move' &&
          move.start >= entry.end &&
          OWN_MOVE_GAP.test(reading.text.slice(entry.end, move.start)),
      ),
  );
  if (named) return mention.start;
  return !ownerRightBefore && !carried ? frameStart(reading, relation.start) : relation.start;
}

/**
 * A value belongs to the subject named last before it, unless a rival was named
 * in between ("TSMC 70.2%, Samsung 7.3%"); with no mention before it, to the next one.
 */
export function ownedBySubject(
  rule: CompiledRule,
  reading: SentenceReading,
  at: number,
  subject: SubjectHere,
): boolean {
  const rivals = rule.rule.rivals;
  if (!rivals?.length) return true;
  const own = new Set(rule.rule.subject.flat().filter((id) => !rivals.includes(id)));
  if (rivalsReferenceOpens(reading, rivals, own, at)) return false;
  const frame = frameOf(reading, at);
  const givers = reading.mentions.filter((mention) => GIVER_TYPES.has(mention.type));
  const named = reading.mentions
    // An affiliate ("Samsung SDI shares climb 5%") is a rival of every subject: a company of its own.
    .filter(
      (mention) =>
        own.has(mention.id) ||
        rivals.includes(mention.id) ||
        mention.type === 'affiliate' ||
        // "台積電股價今天下跌1.5%": for a share move, any other company owns its own shares' move.
        (rule.rule.ownerAt !== undefined && mention.type === 'company'),
    )
    // A law or a government named as part of the subject gives the value, it does not own it ("英特尔将通过
    // 《芯片与科学法案》获得约78.6亿美元": Intel's).
    .filter((mention) => !GIVER_TYPES.has(mention.type))
    .filter((mention) => !reading.measured.has(mention))
    // "AI5, which he compared to Nvidia's Blackwell, will reach volume production in 2027", AI5对标英伟达Thor: a product
    // named only to compare with owns nothing.
    .filter((mention) => mention.type !== 'product' || !comparedWith(reading, mention, at))
    // A partner of the move is not the one whose shares move (partnerOfAMove).
    .filter((mention) => !rule.rule.ownerAt || !partnerOfAMove(reading, mention, false));
  // "…泰勒廠明年投產，…該晶片預計2028年量產": a rival referred back to owns what follows it too —
  // as a subject, not as the object of a making ("the fab, which will produce the chip, opens in 2026").
  const referredRivals: EntityMention[] = rule.rivalAnaphora
    ? reading
        .phrases(rule.rivalAnaphora)
        .filter((match) => !objectOfMaking(reading, match.start))
        // "its chip fab": a kind of fab, not the chip.
        .filter((match) => !SITE_AFTER.test(reading.text.slice(match.end, match.end + 10)))
        // "will start AI6 mass production there in 2027": the making named for the subject is the subject's; "there"
        // only says where.
        .filter(
          (match) =>
            !MAKING_THERE.test(reading.text.slice(match.start, match.end)) ||
            !reading.mentions.some(
              (mention) =>
                own.has(mention.id) &&
                mention.end <= match.start &&
                /^\s+(?:[\w-]+\s+)?$/.test(reading.text.slice(mention.end, match.start)),
            ),
        )
        // "TSMC remained the leader. The company's market share rose to 70.2%": a word a rival's rule also refers
        // with ("the company") that stands here for the subject itself is the subject's.
        .filter(
          (match) =>
            !subject.positions.includes(match.start) ||
            !ANY_COMPANY_REFERENCE.test(reading.text.slice(match.start, match.end)),
        )
        .map((match) => ({ id: RIVAL_REFERENCE, type: 'reference', start: match.start, end: match.end }))
    : [];
  // "…在泰勒工厂生产，该厂计划2026年投产": the rule's own reference word owns what follows it.
  const referredOwn: EntityMention[] =
    rule.anaphora && !subject.carried
      ? reading
          .phrases(rule.anaphora)
          .filter((match) => !objectOfMaking(reading, match.start))
          // "under the CHIPS Act": a law's name, not "the chips" referred back.
          .filter((match) => !LAW_NAME_AFTER.test(reading.text.slice(match.end, match.end + 24)))
          // "亞利桑那州新廠": a fab word right after a rival's name is that rival's — a rival company's too, its
          // place's name between ("美光爱达荷新厂").
          .filter(
            (match) =>
              !reading.mentions.some(
                (mention) =>
                  rivals.includes(mention.id) &&
                  mention.end <= match.start &&
                  (isSiteOrPlace(mention)
                    ? match.start - mention.end <= 1
                    : mention.type === 'company' &&
                      /^[\u3400-\u9fff]{0,6}$/.test(reading.text.slice(mention.end, match.start))),
              ),
          )
          // "after the company confirmed its chip deal with Samsung": the subject named after the reference
          // as its partner or cause is not the one the reference stands for.
          .filter(
            (match) =>
              !rule.rule.ownerAt ||
              OWN_SHARES_AFTER.test(reading.text.slice(match.end, match.end + 12)) ||
              !partnerNamedAfter(rule, reading, match.end),
          )
          .map(
            (match): EntityMention => ({
              id: OWN_REFERENCE,
              type: 'reference',
              start: match.start,
              end: match.end,
            }),
          )
      : [];
  const ownOrReferred = new Set([...own, OWN_REFERENCE]);
  const rivalsNamed = [...named.filter((mention) => rivals.includes(mention.id)), ...referredRivals];
  const ownNamed = named.filter((mention) => own.has(mention.id));
  // "AI6芯片将于明年在该厂进入量产阶段": the own reference word as the place of a rival's making, too.
  const siteStartHere = facilityStartGoverns(reading, at);
  const makersOfRivals = new Set(
    [...ownNamed, ...referredOwn].filter(
      (mention) => !(siteStartHere && isSiteOrPlace(mention)) && makerOfRival(reading, mention, rivalsNamed),
    ),
  );
  // "made by Samsung in Taylor, Texas": the region after the site is the same place; "由…與三星德州泰勒廠共同生產":
  // a name written on to the maker's (its place, its site) is the same maker.
  for (const mention of ownNamed)
    if (
      ownNamed.some(
        (site) =>
          makersOfRivals.has(site) &&
          site.end <= mention.start &&
          // Written on without a space (Chinese names, 三星德州泰勒廠) — not "the Samsung Taylor plant, due to
          // open later this year", an English site with its own aside.
          (mention.type === 'place'
            ? /^(?:,\s*|的?)$/.test(reading.text.slice(site.end, mention.start))
            : isSiteOrPlace(mention) && /^的?$/.test(reading.text.slice(site.end, mention.start))),
      )
    )
      makersOfRivals.add(mention);
  // "這款將由三星在德州生產的晶片預計2028年量產": a name inside a reference to a rival (its relative clause) is the rival's.
  const insideRivalReference = (mention: EntityMention) =>
    referredRivals.some((rival) => rival.start < mention.start && mention.end < rival.end);
  const owners = [
    ...named.filter((mention) => !insideRivalReference(mention)),
    ...referredRivals,
    ...referredOwn,
    ...possessiveOwners(rule, reading, ownNamed),
  ]
    .sort((a, b) => a.start - b.start)
    .filter(
      (mention) =>
        !rivals.includes(mention.id) || mention.type !== 'chip' || !madeInRelativeClause(reading, mention),
    )
    // "Stargate, which will run on Nvidia GB200 chips, plans to invest up to $500 billion": a rival company
    // named inside a relative aside is not the one the sentence goes on about.
    .filter(
      (mention) =>
        !rivals.includes(mention.id) || mention.type !== 'company' || !inRelativeAside(reading, mention),
    )
    .filter((mention) => !makersOfRivals.has(mention))
    // "The chip, built on Samsung's 2nm technology at its plant in Taylor, Texas, is slated for volume production in
    // 2027": a name inside an aside closed before the value owns nothing of the clause the aside interrupts.
    .filter((mention) => !inAsideClosedBefore(reading, mention, at))
    // (a chip does not come online: a facility's start is the site's, whatever chip it makes)
    .filter((mention) => !(siteStartHere && mention.type === 'chip'))
    // "Samsung's plant in Taylor, Texas, which will manufacture Tesla's AI6, is expected to start production in
    // 2026": the subject's chip inside a relative aside owns nothing past the aside.
    .filter((mention) => !own.has(mention.id) || !chipInAsideBefore(reading, mention, at))
    // …and the other way: "AI6将在三星德州泰勒厂生产，预计2028年量产" — the fab where the subject is made owns nothing.
    // (…or a rival referred to as the place: "built on Samsung's 2nm process at the company's fab in Taylor".)
    .filter(
      (mention) =>
        !(rivals.includes(mention.id) || mention.id === RIVAL_REFERENCE) ||
        (mention.type !== 'site' && mention.type !== 'place' && mention.id !== RIVAL_REFERENCE) ||
        (siteStartHere && mention.type !== 'reference') ||
        // ("…AI5 output at its Taylor plant, set to start production next year": the site's own aside holds the value)
        valueInOwnAside(reading, mention, at) ||
        !(makerOfRival(reading, mention, ownNamed) || regionOfAMakingSite(reading, mention, ownNamed)),
    )
    // "produce AI6 at Taylor starting 2027": a rival site named as the place is not the one the value is about
    // (unless a clause of its own follows: "instead of its fab in Taylor, Texas, whose start … pushed back to 2027")
    // — when the subject is no site itself: "while TSMC began volume production at TSMC's Arizona fab in 2024"
    // is Arizona's start, not Taylor's.
    .filter(
      (mention) =>
        !rivals.includes(mention.id) ||
        (mention.type !== 'site' && mention.type !== 'place') ||
        ownNamed.some(isSiteOrPlace) ||
        // (…the place of what is made before the value: not "Samsung plans to start production at its Taylor, Texas
        // fab in 2026, with Tesla's AI6 order as the plant's first big customer", the chip named only after it)
        // (…unless the clause before the place is a volume making: "Samsung will start mass production at Taylor in
        // 2026, shipping Tesla AI6 chips")
        (!subject.positions.some((position) => position < mention.start) &&
          !VOLUME_MAKING.test(reading.text.slice(0, mention.start))) ||
        !(
          namedAsPlace(reading, mention) ||
          PLACE_PHRASE_BEFORE.test(reading.text.slice(Math.max(0, mention.start - 24), mention.start))
        ) ||
        OWN_RELATIVE_AFTER.test(reading.text.slice(mention.end, mention.end + 32)),
    );
  // Its own clause group names a value's owner first ("Samsung rose 6.8%, while Tesla gained 4%"); a
  // clause group that names nobody continues the sentence's subject ("三星…，但…，市占6.8%").
  const inFrame = owners.filter((mention) => frameOf(reading, mention.start) === frame);
  const relevant = inFrame.length ? inFrame : owners;
  // A subject referred back to ("The EV maker's shares were up 4%") stands where its words do.
  // (…not a name inside an aside closed before the value: "The chip, built on Samsung's 2-nanometer process, is expected
  // to enter volume production in 2028")
  const referred = subject.carried
    ? subject.positions.filter(
        (position) =>
          position < at &&
          !givers.some((giver) => giver.start === position) &&
          !reading.mentions.some(
            (mention) => mention.start === position && inAsideClosedBefore(reading, mention, at),
          ),
      )
    : [];
  // "市占率逾七成的台积电": a value written as the attribute of the name after it is that name's.
  // …and so is an amount set right before a name ("the $500 billion Stargate project", 5000亿美元星际之门计划).
  const attributed = relevant.find(
    (mention) =>
      mention.start > at &&
      (ATTRIBUTE_OF.test(reading.text.slice(at, mention.start)) ||
        SHARE_FOR.test(reading.text.slice(at, mention.start)) ||
        (rule.rule.ownerAt !== undefined && MOVE_NOUN_OF.test(reading.text.slice(at, mention.start))) ||
        (PREMODIFIER.test(reading.text.slice(at, mention.start)) &&
          // (not across a Chinese headline's space: "投资增至1650亿美元 三星泰勒厂投资维持…" are two headlines)
          !/[\u3400-\u9fff]\s+$/.test(reading.text.slice(at, mention.start)))),
  );
  if (attributed) return ownOrReferred.has(attributed.id);
  const lastBefore = relevant.filter((mention) => mention.end <= at).at(-1);
  // "After Intel, the CHIPS Act awarded $6.4 billion to Samsung": a giver between the last name and the
  // value hands the value on to the name after it.
  const handedOn =
    lastBefore !== undefined &&
    relevant.some((mention) => mention.start >= at) &&
    givers.some((giver) => giver.start >= lastBefore.end && giver.end <= at);
  const before = handedOn ? undefined : lastBefore;
  if (referred.length && (!before || before.start < referred.at(-1)!)) return true;
  // "AI5 and AI6 … in 2027": a subject coordinated with the rival named last shares its value.
  if (before && !ownOrReferred.has(before.id) && coordinatedWithOwn(reading, relevant, before, ownOrReferred))
    return true;
  const next = relevant.find((mention) => mention.start >= at);
  // "Intel said its first Ohio fab will not begin operating before 2030, while Samsung Austin Semiconductor
  // celebrated …": a name past a clause of its own owns nothing before it, when another is named there.
  if (
    !before &&
    next &&
    opensClauseBetween(reading.text, at, next.start) &&
    CONTRAST_BETWEEN.test(reading.text.slice(at, next.start)) &&
    // (not a person, who only speaks: "Musk said production would begin in 2026 when Samsung's Taylor fab opens").
    reading.mentions.some((mention) => mention.end <= at && !own.has(mention.id) && mention.type !== 'person')
  )
    return false;
  // "消息公布后其股价大涨6.8%，特斯拉股价上涨约4%": shares referred back ("its shares", 其股价) before the value are the
  // referred one's, not those of a name after it.
  if (!before && next && rule.rule.ownerAt && !subject.carried && sharesReferredBefore(reading, at))
    return false;
  if (!before && next && ownsNothingBefore(rule, reading, at, next)) return false;
  const owner = before ?? next;
  // Nobody named here: the value is the subject's only if the subject is in this clause group (or referred to)
  // — not as the partner of a deal ("The stock had gained 4% … after the company confirmed its chip deal
  // with Samsung" is Tesla's stock).
  if (owner === undefined)
    return (
      subject.carried ||
      subject.positions.some(
        (position) =>
          frameOf(reading, position) === frame &&
          !(
            rule.rule.ownerAt &&
            // (a subject referred to by a phrase, no name, may still stand as a partner: "… with the company")
            (namedAsPartner(reading, position) ||
              reading.mentions.some(
                (mention) => mention.start === position && partnerOfAMove(reading, mention, true),
              ))
          ) &&
          !reading.mentions.some(
            (mention) => mention.start === position && chipInAsideBefore(reading, mention, at),
          ),
      )
    );
  return ownOrReferred.has(owner.id);
}

/**
 * A name that is a share move's partner, not its owner: one naming a deal ("on news of its Tesla deal", 特斯拉AI6訂單),
 * a partner or a cause ("三星電子夥Tesla簽約…股價急升", "rose on Tesla deal"), the customer whose chips a making is of
 * ("the pact to build Tesla's AI6 chips, which sent the stock up 6.8%"). `jointParties`: a name joined to another
 * party of the deal ("the Tesla-Samsung deal … shares of the electronics maker") names it as one of two, no partner.
 */
/**
 * "Micron breaks ground on New York megafab // The $100 billion project has $6.1 billion in CHIPS Act grants, more than
 * the $4.75 billion Samsung was awarded for Taylor", "美光…动工 // 该项目获得61亿美元芯片法案补贴，三星则…": a lede that opens
 * on a reference to the thing of a headline led by a rival speaks of the rival's, up to the subject's own name.
 */
function rivalsReferenceOpens(
  reading: SentenceReading,
  rivals: readonly string[],
  own: ReadonlySet<string>,
  at: number,
): boolean {
  if (reading.index === 0 || reading.titleLead === undefined || !rivals.includes(reading.titleLead))
    return false;
  if (!REFERENCE_OPENING.test(reading.text)) return false;
  return !reading.mentions.some(
    (mention) => mention.start < at && (own.has(mention.id) || mention.type === 'company'),
  );
}

const REFERENCE_OPENING =
  /^\s*(?:the|this|that)\s+(?:(?:[$€£]\s?[\d.,]+\s*(?:billion|million|trillion|bn|tn)?|[\w-]+)\s+){0,3}?(?:project|plant|fab|megafab|factory|facility|site|complex|campus)\b|^\s*(?:该|該|这|這|此)(?:座|个|個|项|項)?(?:项目|項目|工厂|工廠|厂|廠|晶圆厂|晶圓廠|园区|園區)/i;

function partnerOfAMove(reading: SentenceReading, mention: EntityMention, jointParties: boolean): boolean {
  return (
    namedAsPartner(reading, mention.start) ||
    customerOfAMaking(reading, mention) ||
    (namesADeal(reading, mention) &&
      !(jointParties && /(?:[\w.]-|\s(?:and|&)\s)$/.test(reading.text.slice(0, mention.start))))
  );
}

/** A company whose chips a making is of: "to build Tesla's AI6 chips", 为特斯拉生产. */
const customerOfAMaking = (reading: SentenceReading, mention: EntityMention) =>
  mention.type === 'company' &&
  objectOfMaking(reading, mention.start) &&
  /^['’]s?\s/.test(reading.text.slice(mention.end, mention.end + 3));

/** An aside opened after a name by a participle or a relative word: ", built on …", ", which …". */
const ASIDE_OPENS =
  /,\s*(?:built|made|produced|fabbed|fabricated|manufactured|based|located|which|that|who)\b/gi;

/** Whether a name stands inside such an aside whose closing comma comes before `at`. */
function inAsideClosedBefore(reading: SentenceReading, mention: EntityMention, at: number): boolean {
  const text = reading.text;
  if (mention.start >= at || !text.includes(',')) return false;
  const opening = [...text.slice(0, mention.start).matchAll(ASIDE_OPENS)].at(-1);
  if (!opening || /;|\.(?!\d)/.test(text.slice(opening.index + 1, mention.start))) return false;
  // (a place's region comma closes nothing: "at its plant in Taylor, Texas, is slated")
  const closing = (from: number) => {
    let comma = text.indexOf(',', from);
    while (comma >= 0 && reading.placeTail.test(text.slice(comma))) comma = text.indexOf(',', comma + 1);
    return comma;
  };
  const inside = closing(opening.index + 1);
  if (inside >= 0 && inside < mention.start) return false;
  const close = closing(mention.end);
  return close >= 0 && close < at && !/;|\.(?!\d)/.test(text.slice(mention.end, close));
}

/** A company named by the deal after it ("Tesla deal"): the partner, not the one whose shares move. */
const namesADeal = (reading: SentenceReading, mention: EntityMention) =>
  DEAL_AFTER.test(reading.text.slice(mention.end, mention.end + 16));

const LAW_NAME_AFTER = /^\s+(?:and\s+Science\s+)?Act\b/;

/** In the value's clause, before it, shares referred back: "its shares", "their stock", 其股价. */
function sharesReferredBefore(reading: SentenceReading, at: number): boolean {
  // (up to the share word the value may be judged at: "其股价" with `at` on 股价)
  const before = reading.text.slice(0, at + 8);
  const clause = before.slice(
    Math.max(...[...reading.text.slice(0, at).matchAll(/[，,；;]/g)].map((stop) => stop.index + 1), 0),
  );
  return /(?:\bits|\btheir|其|它的)\s*(?:shares|stock|股价|股價|股票)/i.test(clause);
}

/** Words of a start said only of a facility: it opens, comes online, runs — a chip's production never does. */
const FACILITY_START =
  /^(?:come|comes|came|coming|go|goes|went|going)\s+online$|^(?:begin|begins|began|begun|start|starts|started|starting|commence[sd]?)\s+(?:operat\w*|running)$|^open(?:s|ed|ing)?$|^operational$|^(?:启用|啟用|投入运营|投入營運|开始运营|開始營運|运营|營運|运转|運轉)$/i;

/**
 * "三星德州泰勒晶圓廠將為特斯拉生產AI6晶片，預計今年內啟用", "will make Tesla's AI6 chips and will come online in 2026":
 * the word nearest the value, in a piece of the sentence with no making or volume word, says a facility starts
 * (啟用, "come online"): the value is the site's own start, even after the site's making of a chip.
 */
function facilityStartGoverns(reading: SentenceReading, at: number): boolean {
  const piece = pieceAround(reading.text, { start: at, end: at + 1 });
  const inPiece = reading.relations.filter((match) => match.start >= piece.from && match.end <= piece.to);
  if (inPiece.some((match) => match.name === 'makes' || match.name === 'volume_production')) return false;
  const distance = (match: PhraseMatch) => (match.end <= at ? at - match.end : match.start - at);
  const nearest = inPiece.sort((a, b) => distance(a) - distance(b))[0];
  return (
    nearest?.name === 'production_start' &&
    FACILITY_START.test(reading.text.slice(nearest.start, nearest.end))
  );
}

/** Before a value in its clause, the start of production at a site: "shoved the start of production at its … fab back to". */
export const startAtASite = (reading: SentenceReading, at: number) => {
  if (START_AT_SITE.test(reading.text.slice(clauseStartOf(reading, at), at))) return true;
  // (…through a place set off by commas, "at its Taylor, Texas, fab has slipped to", no chip named after it)
  const from = Math.max(0, at - 120);
  const start = [...reading.text.slice(from, at).matchAll(START_AT_SITE_ALL)].at(-1);
  if (!start) return false;
  const end = from + start.index + start[0].length;
  return (
    !/[;；。]/.test(reading.text.slice(end, at)) &&
    !reading.chips.some((chip) => chip.start >= end && chip.start < at)
  );
};

const START_AT_SITE =
  /\b(?:start|beginning|launch)\s+of\s+(?:mass\s+|volume\s+|full-scale\s+)?(?:production|output|operations?)\s+at\s+[^.;]{0,40}?\b(?:fab|plant|facility|factory|site|campus)\b/i;
const START_AT_SITE_ALL = new RegExp(START_AT_SITE.source, 'gi');

/**
 * A chip inside a relative aside that closes before `at` (", which will manufacture Tesla's AI6,") — or inside a pair of
 * dashes ("factory—where it'll crank out Tesla's AI6 chips—is on track to start production later this year").
 */
function chipInAsideBefore(reading: SentenceReading, mention: EntityMention, at: number): boolean {
  if (mention.type !== 'chip') return false;
  const dashClosed = mention.end + reading.text.slice(mention.end, at).search(DASH);
  if (
    dashClosed >= mention.end &&
    DASH_ASIDE_OPENS.test(reading.text.slice(clauseStartOf(reading, mention.start), mention.start))
  )
    return true;
  if (!inRelativeAside(reading, mention)) return false;
  return at > mention.end + reading.text.slice(mention.end).indexOf(',');
}

/** A dash, as the sentence reader writes it (" - ") or as published. */
const DASH = /\s-\s|[—–]/;

/** An aside opened by a dash before a chip, not closed yet: "—where it'll crank out", "—the plant slated to build". */
const DASH_ASIDE_OPENS = /(?:\s-\s|[—–])(?:(?!\s-\s)[^—–.;])*$/;

const GIVER_TYPES = new Set(['law', 'policy', 'government']);

/** A word that refers back to any company ("the company", 该公司), whichever rule also uses it. */
const ANY_COMPANY_REFERENCE = /^(?:the\s+(?:company|firm)(?:['’]s)?|该公司|該公司)$/i;

/** "The company's shares jumped 7%": a reference that owns the shares it names. */
const OWN_SHARES_AFTER = /^\s*(?:['’]s\s+)?(?:shares?|stock)\b/i;

/** Whether the rule's own subject is named after `from` as a partner or a cause ("… deal with Samsung"). */
function partnerNamedAfter(rule: CompiledRule, reading: SentenceReading, from: number): boolean {
  return reading.mentions.some(
    (mention) =>
      mention.start >= from && rule.ownIds.has(mention.id) && namedAsPartner(reading, mention.start),
  );
}

/**
 * "Volume production is slated for 2027, he said, with AI6 arriving roughly a year after that": a name that opens a
 * clause of its own after the value owns nothing before it — a clause with a time of its own, or with none of the
 * rule's relations while a rival (the headline's chip or site) was named before ("Tesla AI5 timeline // Volume production
 * is slated for 2026, with AI6 built by Samsung in Texas"); not "with AI6 volume production at Samsung's Taylor fab",
 * which tells where the value's production is, nor a clause that takes the value up again ("…, with AI5 chips in volume
 * production by then").
 */
function ownsNothingBefore(
  rule: CompiledRule,
  reading: SentenceReading,
  at: number,
  next: EntityMention,
): boolean {
  if (!CLAUSE_OPENS_BEFORE.test(reading.text.slice(at, next.start))) return false;
  const end = clauseEndOf(reading, next.end);
  const clause = reading.text.slice(next.end, end);
  if (VALUE_TAKEN_UP.test(clause)) return false;
  if (OWN_TIME.test(clause)) return true;
  return (
    priorRivalNamed(rule, reading) &&
    !reading.relations.some(
      (match) =>
        rule.rule.relation.includes(match.name) &&
        match.start >= next.end &&
        match.end <= end &&
        // (a product is no production: "with Tesla's AI6 the first product")
        !/^products?$/i.test(reading.text.slice(match.start, match.end)),
    )
  );
}

/** Whether a name stands as what something is compared with (its maker's name may stand between). */
export function comparedWith(reading: SentenceReading, mention: EntityMention, at: number): boolean {
  const maker = reading.mentions.findLast(
    (other) =>
      other.type === 'company' &&
      other.end <= mention.start &&
      /^(?:['’]s)?\s*(?:DRIVE\s+)?的?$/i.test(reading.text.slice(other.end, mention.start)),
  );
  const from = maker?.start ?? mention.start;
  // (not one that goes on to tell its own, the value in that clause: "AI5 will outperform Nvidia's Thor, which entered
  // volume production in 2025" — but "Nvidia's Thor, which ships today, and reach volume production in 2026")
  const own = /^\s*,\s*(?:which|whose|that)\b|^\s*[，,]\s*(?:后者|後者)/i.exec(
    reading.text.slice(mention.end, mention.end + 12),
  );
  // (its clause may go on with "and which": "Thor, which Nvidia began shipping in August, and which reached volume
  // production in 2025")
  if (
    own &&
    at >= mention.end &&
    !/[,;:，；](?!\s*and\s+(?:which|whose)\b)/i.test(reading.text.slice(mention.end + own[0].length, at))
  )
    return false;
  return COMPARED_BEFORE.test(reading.text.slice(Math.max(0, from - 32), from));
}

const COMPARED_BEFORE =
  /(?:\bcompar\w*\s+(?:it\s+)?(?:to|with)|\brival(?:s|ing|led)?|\boutperform\w*|\bbeat(?:s|ing)?|\bmatch(?:es|ing)?|\bthan|\bversus|\bvs\.?|\blike|\bagainst|\bsuccessor\s+to|\banswer\s+to|对标|對標|堪比|相当于|相當於|媲美|比|超越|胜过|勝過|不输|不輸|追平)\s*$/i;

/** Right before a name, a comma's clause opening: ", with", ", while the", ", but Tesla's". */
const CLAUSE_OPENS_BEFORE = /,\s*(?:with|while|whereas|but)\s+(?:the\s+|its\s+|[A-Z][\w-]*['’]s\s+)?$/i;

/** Whether the chips or the site an earlier sentence named last include one of the rule's rivals. */
const priorRivalNamed = (rule: CompiledRule, reading: SentenceReading) =>
  reading.priorChips.some((chip) => rule.rivalIds.has(chip.id)) ||
  (reading.priorSite !== undefined && rule.rivalIds.has(reading.priorSite.id));

/** A time of a clause's own: "a year after that", "later", "the following year", "in 2028", 随后. */
const OWN_TIME =
  /\b(?:(?:a|an|one|two|three|\d+)\s+(?:years?|quarters?|months?)\s+(?:after|later)|later|afterwards|the\s+(?:following|next)\s+year|(?:19|20)\d{2})\b|之后|之後|随后|隨後|次年|翌年/i;

/** Words that take an earlier time up again: "by then", "at that time", "that year", 届时. */
const VALUE_TAKEN_UP =
  /\b(?:by|until|at)\s+(?:then|that\s+(?:time|point|date))\b|\bthat\s+(?:same\s+)?year\b|届时|屆時|到时|到時|同年/i;

/** A volume making: "mass production", "volume output", "mass-produce", 量产. */
const VOLUME_MAKING =
  /\b(?:mass|volume|high-volume)\s+(?:production|output|manufactur\w*)|\bmass-produc\w*|量产|量產/i;

/** Whether the value at `at` stands in the aside a site opens right after its name (OWN_RELATIVE_AFTER). */
function valueInOwnAside(reading: SentenceReading, mention: EntityMention, at: number): boolean {
  if (at < mention.end) return false;
  const aside = OWN_RELATIVE_AFTER.exec(reading.text.slice(mention.end, mention.end + 48));
  return aside !== null && !clauseMarkBetween(reading, mention.end + aside[0].length, at);
}

/** A relative clause of a place's own right after its name (and its region): ", Texas, whose start …". */
const OWN_RELATIVE_AFTER =
  /^(?:\s+(?:fab|plant|factory|facility|campus|site))?(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*,\s*(?:whose|which|(?:expected|due|set|slated|scheduled)\s+to)\b/;

/**
 * "Samsung signed the contract on Monday. Its shares jumped 6.8% and Tesla's rose 4%": a share move's
 * possessive pronoun owns the move — the subject's when the subject is named before it in the sentence,
 * another's (the one spoken of before) when the subject is named only after it.
 */
function possessiveOwners(
  rule: CompiledRule,
  reading: SentenceReading,
  ownNamed: EntityMention[],
): EntityMention[] {
  const shares = rule.rule.ownerAt !== undefined;
  // …and a market share's ("其全球晶圆代工市占率已升至约6%，与三星的差距进一步缩小": SMIC's, told before).
  const levels = rule.rule.relation.includes('market_share');
  if ((!shares && !levels) || ownNamed.length === 0) return [];
  // The pronouns are the sentence's, found once; whose each is depends on the rule's subject.
  const pattern = shares ? POSSESSIVE_BEFORE_SHARES : POSSESSIVE_BEFORE_LEVEL;
  const pronouns = reading.once(pattern.source, () =>
    [...reading.text.matchAll(pattern)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    })),
  );
  // ("SMIC closes in on Samsung as its foundry share reaches 6%": a pronoun opening a clause after the main one is its
  // subject's, another company that opens the sentence, when the rule's subject is only that clause's object)
  const opener = reading.mentions[0];
  const anotherOpens =
    levels &&
    opener !== undefined &&
    opener.type === 'company' &&
    !rule.ownIds.has(opener.id) &&
    opener.start <= 2 &&
    ownNamed.every((mention) => mention.start > opener.end);
  return pronouns.map((pronoun) => ({
    id:
      ownNamed.some((mention) => mention.end <= pronoun.start) &&
      !(
        anotherOpens &&
        CLAUSE_OPENER_BEFORE.test(reading.text.slice(Math.max(0, pronoun.start - 8), pronoun.start))
      )
        ? OWN_REFERENCE
        : RIVAL_REFERENCE,
    type: 'reference',
    ...pronoun,
  }));
}

/** A subordinate clause opened right before a pronoun: "as its", "while its", "after their". */
const CLAUSE_OPENER_BEFORE = /\b(?:as|while|after|since|because|when|with)\s+$/i;

const POSSESSIVE_BEFORE_SHARES = /\b(?:its|their)\s+(?=(?:shares|stock|share\s+price|stock\s+price)\b)/gi;

const POSSESSIVE_BEFORE_LEVEL =
  /\b(?:its|their)\s+(?=(?:[\w-]+\s+){0,3}?(?:market\s+)?share\b)|其(?=[^，。；,;]{0,10}?(?:市占率|市佔率|市占|市佔|份额|份額))/gi;

export function namedAsPlace(reading: SentenceReading, mention: EntityMention): boolean {
  if (PLACE_PREPOSITION.test(reading.text.slice(Math.max(0, mention.start - 4), mention.start))) return true;
  // "to shift part of Tesla AI6 output to Pyeongtaek": where a making is moved to.
  if (MAKING_MOVED_TO.test(reading.text.slice(Math.max(0, mention.start - 90), mention.start))) return true;
  // "slated for 2028 at Samsung Texas", "at Samsung's Texas fab": the place of the company named right before it.
  const owner = reading.mentions.find(
    (other) =>
      other.type === 'company' &&
      other.end <= mention.start &&
      /^(?:['’]s)?\s+$/.test(reading.text.slice(other.end, mention.start)),
  );
  return (
    owner !== undefined &&
    /\b(?:at|in)\s+$/i.test(reading.text.slice(Math.max(0, owner.start - 4), owner.start))
  );
}

const PLACE_PREPOSITION = /(?:\bat|\bin|在|于|於)\s*$/i;

/** A making moved, then "to": "shift part of Tesla AI6 output to ", "move some AI6 production from Taylor to ". */
const MAKING_MOVED_TO =
  /\b(?:shift|move|transfer|relocat|reallocat|redirect)\w*\s+[^,;.]{0,60}?\b(?:output|production|volume|volumes|manufacturing|orders?|wafers?)\s+(?:from\s+[^,;.]{1,30}?\s+)?to\s+$/i;

function coordinatedWithOwn(
  reading: SentenceReading,
  relevant: EntityMention[],
  last: EntityMention,
  own: ReadonlySet<string>,
): boolean {
  let index = relevant.indexOf(last);
  while (index > 0) {
    const previous = relevant[index - 1]!;
    if (!COORDINATED.test(reading.text.slice(previous.end, relevant[index]!.start))) return false;
    if (own.has(previous.id)) return true;
    index--;
  }
  return false;
}

/**
 * "AI5改由三星独家代工，台积电出局", "TSMC to make AI5 solely, Samsung out", "stays out of AI5 production", "was out
 * of the running": the foundry named is the one dropped (not "is out of spare capacity").
 */
export const DISPLACED_AFTER =
  /^(?:\s*(?:出局|被踢出|被淘汰|落选|落選|缺席|退出(?!部分|部份|一部)(?![^，。；,;]{0,10}?(?:联盟|聯盟|协会|協會|组织|組織|市场|市場|董事会|董事會|业务|業務|事业|事業)))|\s+(?:stays?|stayed|sits?|sat|remains?|keeps?|kept)\s+out\b(?![-‐])|\s+(?:(?:is|was)\s+)?out\b(?![-‐]|\s+(?:of|to)\b(?!\s+(?:the\s+)?(?:running|race|contention|picture)\b)))/i;

// "orders AI5 from Samsung in addition to TSMC", "will get AI5 from TSMC and Samsung": bought or sourced from a foundry
// (not "Samsung gets AI5 work from TSMC", work taken) — "order" as a verb
// or "order of" (not the noun right before "from": "AI5 orders from TSMC") — unless the chip's work
// moves, is taken or is cut ("moves AI5 orders from TSMC to Samsung", "wrests … from", "cuts … from").
const SOURCED_FROM =
  /\b(?:(?:dual|multi|second)-?sourc\w*|sourc(?:e|es|ed|ing)|(?<=\b(?:AI\d|HW\d|chips?|processors?|wafers?|will|would|now|also|to|all)\s)c(?:ome|omes|oming|ame)|buy(?:s|ing)?|bought|(?:get(?:s|ting)?|got|receiv(?:e|es|ed|ing))(?![^,.;]{0,24}\b(?:work|orders?|business|contracts?|share)\b)|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|order(?:s|ed|ing)?(?!\s+from\b))\b[^,.;]{0,32}\bfrom\s*$/i;

const MOVED_FROM =
  /\b(?:switch\w*|shift\w*|mov(?:e|es|ed|ing)|transfer\w*|reassign\w*|redirect\w*|pull(?:s|ed|ing)?|port(?:s|ed|ing)?|take(?:s|n|over|overs)?|took|taking|wrest\w*|snatch\w*|win(?:s|ning)?|won|poach\w*|lur(?:e|es|ed|ing)|divert\w*|relocat\w*|realloc\w*|migrat\w*|hand(?:s|ed|ing)?|cut(?:s|ting)?(?!-)|bring(?:s|ing)?|brought|withdr\w*|steal\w*|stole|grab\w*|lift(?:s|ed|ing)?)\b[^,.;]{0,64}\bfrom\s*$/i;

export const sourcedFrom = (before: string) => SOURCED_FROM.test(before) && !MOVED_FROM.test(before);

export const MOVED_FROM_FOUNDRY_ZH = /(?:从|從|由)\s*$/;

export const MOVED_TO_FOUNDRY_ZH =
  /^\s*(?:电子|電子)?\s*(?:全部|全數|全数|全面|完全|整体|整體)?\s*(?:转至|轉至|转到|轉到|转给|轉給|转交|轉交|移交|转移至|轉移至|转移到|轉移到|改至|改由|移至|转往|轉往)/;

export const DISPLACED_BEFORE =
  /(?:\bfrom|\breplac(?:e|es|ed|ing)|\bdropping|\bdrops|\bditching|\binstead\s+of|\brather\s+than|取代|而非|不再由)\s*$/i;

export const COORDINATED = /^\s*(?:and|&|,|\/|、|与|與|和|及)\s*$/;
